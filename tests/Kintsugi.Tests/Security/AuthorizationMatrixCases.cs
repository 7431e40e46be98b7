namespace Kintsugi.Tests.Security;

/// <summary>Who calls, in the authorization matrix (SECURITY.md A2). Every item is written by <see cref="Author"/>.</summary>
public enum Actor
{
    /// <summary>No session at all.</summary>
    Anonymous,

    /// <summary>Partner A: started the space and wrote every item in it.</summary>
    Author,

    /// <summary>Partner B.</summary>
    Partner,

    /// <summary>Partner C.</summary>
    ThirdPartner,

    /// <summary>The practitioner, two-step sign-in on: "with a share" when the item is shared with them, "without" otherwise.</summary>
    Practitioner,

    /// <summary>A second practitioner of the space who has not turned on two-step sign-in.</summary>
    PractitionerWithoutTwoFactor,

    /// <summary>A partner who joined and then left.</summary>
    ExMember,

    /// <summary>A partner of another space, sending this space's ids.</summary>
    OtherSpace,

    /// <summary>The same person with their own space's id in the route and this space's item id (id confusion).</summary>
    OtherSpaceOwnRoute,

    /// <summary>Asked to join with an invite; no partner has approved yet.</summary>
    Pending,
}

/// <summary>The state of the item a case is about. <see cref="None"/>: the endpoint is about the space, not an item.</summary>
public enum ItemState
{
    None,
    Private,
    SharedWithPartners,
    SharedWithPractitioner,

    /// <summary>Shared with the partners and the practitioner, edited while shared, then withdrawn.</summary>
    Withdrawn,

    /// <summary>Shared, edited, then deleted by its author.</summary>
    Deleted,
}

/// <summary>What one case must answer.</summary>
/// <param name="Status">The HTTP status.</param>
public sealed record Expect(int Status)
{
    /// <summary>true: the item's current text is in the body. false: none of its wordings is. null: not about an item.</summary>
    public bool? ShowsItem { get; init; }

    /// <summary>Texts the body must contain.</summary>
    public IReadOnlyList<string> Shows { get; init; } = [];

    /// <summary>Texts the body must not contain.</summary>
    public IReadOnlyList<string> Hides { get; init; } = [];

    /// <summary>For a redirect: the path its Location must have (the query aside).</summary>
    public string? Location { get; init; }

    public override string ToString() =>
        Status + (ShowsItem switch { true => " with the item's text", false => " without the item's text", null => "" })
        + (Shows.Count > 0 ? $" showing [{string.Join(", ", Shows)}]" : "")
        + (Hides.Count > 0 ? $" hiding [{string.Join(", ", Hides)}]" : "")
        + (Location is null ? "" : $" to {Location}");
}

/// <summary>The item a case is about, as its author made it.</summary>
public sealed record MatrixItem(Guid Id, ItemState State, string Text, IReadOnlyList<string> Wordings, int Version);

/// <summary>What a row's request body may depend on.</summary>
public sealed class MatrixTarget
{
    public required Guid SpaceId { get; init; }

    public MatrixItem? Item { get; init; }

    /// <summary>The space's current version, read by its author.</summary>
    public required Func<Task<int>> SpaceVersionAsync { get; init; }
}

/// <summary>
/// One endpoint of the matrix: its method and route exactly as in <see cref="PolicyTable"/>, and who
/// gets what. The route's ids are filled in by the harness: <c>{spaceId}</c> is the space,
/// <c>{entryId}</c> the case's item, <c>{inviteId}</c> an open invite, <c>{requestId}</c> a
/// newcomer's pending request to join, <c>{membershipId}</c> a practitioner's membership. A case
/// that writes gets fresh ones of each, made just for it.
/// </summary>
public sealed record MatrixRow(string Method, string Route, Func<Actor, ItemState, Expect> Expect)
{
    /// <summary>Run once per item state (the route names an item, or the answer lists items); otherwise once per actor.</summary>
    public bool PerItemState { get; init; }

    /// <summary>The JSON body (POST and PUT send <c>{}</c> when there is none).</summary>
    public Func<MatrixTarget, Task<object>>? Body { get; init; }

    /// <summary>Each case gets a whole new space with the same people in the same roles (for leaving).</summary>
    public bool FreshSpace { get; init; }

    /// <summary>A path (same ids) the author reads before and after a write that must be refused: both answers must be identical.</summary>
    public string? Witness { get; init; }

    public bool Writes => Method != "GET";
}

/// <summary>
/// SECURITY.md A2: every space and journal endpoint, with who may do what to which item. A new
/// feature adds rows here; AuthorizationMatrix runs each against every actor (and item state).
/// </summary>
public static class AuthorizationMatrixCases
{
    public const string SpaceName = "Matrix space";
    public const string SpaceValues = "matrix-values: we keep our word to each other";
    public const string PendingName = "Pat (waiting)";

    private const string Space = "/api/v1/spaces/{spaceId:guid}/";
    private const string Journal = "/api/v1/spaces/{spaceId:guid}/journal/";
    private const string Entry = "/api/v1/spaces/{spaceId:guid}/journal/{entryId:guid}";
    private const string Invites = "/api/v1/spaces/{spaceId:guid}/invites";
    private const string JoinRequests = "/api/v1/spaces/{spaceId:guid}/join-requests";
    private const string Page = "/spaces/{SpaceId:guid}";

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // The space
        new("GET", Space, (a, _) => Inside(a, PartnersAnd(Ok with { Shows = [SpaceName, SpaceValues] }, practitioner: Ok with { Shows = [SpaceName], Hides = [SpaceValues] }))),
        new("PUT", Space, (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = async t => new { name = SpaceName, journey = "affair", values = SpaceValues, version = await t.SpaceVersionAsync() },
            Witness = Space,
        },

        // Open to every active member before the gate (no 403): taking the safety check, leaving.
        new("POST", "/api/v1/spaces/{spaceId:guid}/safety-check", (a, _) => a switch
        {
            Actor.Anonymous => Unauthorized,
            Actor.Author or Actor.Partner or Actor.ThirdPartner or Actor.Practitioner or Actor.PractitionerWithoutTwoFactor => Ok,
            _ => NotFound,
        })
        {
            Body = _ => Task.FromResult<object>(new { feelSafe = "yes", afraidOfReaction = "no", freeWill = "yes" }),
        },
        new("POST", "/api/v1/spaces/{spaceId:guid}/leave", (a, _) => a switch
        {
            Actor.Anonymous => Unauthorized,
            Actor.ExMember or Actor.OtherSpace or Actor.Pending => NotFound, // a pending newcomer withdraws their request instead
            _ => NoContent, // every member, before the safety check and without two-step sign-in too
        })
        {
            Body = _ => Task.FromResult<object>(new { keepShared = false }),
            FreshSpace = true,
            Witness = Space,
        },

        // Invites and joining: partners only.
        new("GET", Invites, (a, _) => Inside(a, PartnersOnly(Ok))),
        new("POST", Invites, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = _ => Task.FromResult<object>(new { role = "partner" }),
            Witness = Invites,
        },
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/invites/{inviteId:guid}", (a, _) => Inside(a, PartnersOnly(NoContent))) { Witness = Invites },
        new("GET", JoinRequests, (a, _) => Inside(a, PartnersOnly(Ok with { Shows = [PendingName] }))),
        new("POST", "/api/v1/spaces/{spaceId:guid}/join-requests/{requestId:guid}/approve", (a, _) => Inside(a, PartnersOnly(Ok))) { Witness = JoinRequests },
        new("POST", "/api/v1/spaces/{spaceId:guid}/join-requests/{requestId:guid}/decline", (a, _) => Inside(a, PartnersOnly(NoContent))) { Witness = JoinRequests },
        new("DELETE", "/api/v1/spaces/{spaceId:guid}/practitioners/{membershipId:guid}", (a, _) => Inside(a, PartnersOnly(NoContent))) { Witness = Space },

        // Only the newcomer who asked can withdraw a request; none of the actors did.
        new("DELETE", "/api/v1/spaces/requests/{requestId:guid}", (a, _) => a == Actor.Anonymous ? Unauthorized : NotFound) { Witness = JoinRequests },

        // The journal
        new("GET", Journal, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner or Actor.Practitioner
            ? Ok with { ShowsItem = CanRead(who, s) }
            : NotFound))
        {
            PerItemState = true,
        },
        new("POST", Journal, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            // Shared with the partners, so that a write that should have been refused shows in the author's list.
            Body = _ => Task.FromResult<object>(new { text = "matrix: written by whoever was allowed", audience = "partners" }),
            Witness = Journal,
        },
        new("GET", Entry, (a, s) => Inside(a, who => CanRead(who, s) ? Ok with { ShowsItem = true } : NotFound)) { PerItemState = true },
        new("PUT", Entry, (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Body = t => Task.FromResult<object>(new { text = "matrix: rewritten by whoever was allowed", version = t.Item!.Version }),
            Witness = Entry,
        },
        new("PUT", Entry + "/audience", (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Body = _ => Task.FromResult<object>(new { audience = "partners" }),
            Witness = Entry,
        },
        new("POST", Entry + "/withdraw", (a, s) => Inside(a, AuthorOnly(s, Ok))) { PerItemState = true, Witness = Entry },
        new("DELETE", Entry, (a, s) => Inside(a, AuthorOnly(s, NoContent))) { PerItemState = true, Witness = Entry },

        // The server-rendered pages (GET only: their forms need antiforgery tokens, see E2). Nobody
        // but the partners ever gets the values or the requests to join.
        new("GET", Page, (a, _) => OnPage(a, PartnersAnd(Ok with { Shows = [SpaceName, SpaceValues] }, practitioner: Ok with { Shows = [SpaceName], Hides = [SpaceValues, PendingName] }))),
        new("GET", Page + "/safety-check", (a, _) => OnPage(a, PartnersAnd(Ok, practitioner: Ok with { Hides = [SpaceValues, PendingName] }), beforeSafetyCheck: true)),
        new("GET", Page + "/settings", (a, _) => OnPage(a, PartnersOnly(Ok with { Shows = [SpaceValues] }))), // values are for partners: the practitioner gets 404
        new("GET", Page + "/people", (a, _) => OnPage(a, PartnersAnd(Ok with { Shows = [PendingName] }, practitioner: Ok with { Hides = [SpaceValues, PendingName] }))),
        new("GET", Page + "/leave", (a, _) => OnPage(a, PartnersAnd(Ok, practitioner: Ok with { Hides = [SpaceValues, PendingName] }), beforeSafetyCheck: true)),
        new("GET", Page + "/journal", (a, s) => OnPage(a, PartnersAnd(Ok with { ShowsItem = CanRead(a, s) }, practitioner: Ok with { ShowsItem = CanRead(a, s), Hides = [SpaceValues, PendingName] })))
        {
            PerItemState = true,
        },
        new("GET", Page + "/journal/{EntryId:guid}", (a, s) => OnPage(a, who => CanRead(who, s) ? Ok with { ShowsItem = true } : NotFound)) { PerItemState = true },
    ];

    public static readonly IReadOnlyList<ItemState> ItemStates =
        [ItemState.Private, ItemState.SharedWithPartners, ItemState.SharedWithPractitioner, ItemState.Withdrawn, ItemState.Deleted];

    private static Expect Ok => new(200);

    private static Expect Created => new(201);

    private static Expect NoContent => new(204);

    private static Expect Unauthorized => new(401);

    private static Expect Forbidden => new(403);

    private static Expect NotFound => new(404);

    /// <summary>The visibility policy: the author reads their own item until they delete it; partners what is shared; the practitioner what is shared with them.</summary>
    public static bool CanRead(Actor actor, ItemState state) => state switch
    {
        ItemState.Private or ItemState.Withdrawn => actor == Actor.Author,
        ItemState.SharedWithPartners => actor is Actor.Author or Actor.Partner or Actor.ThirdPartner,
        ItemState.SharedWithPractitioner => actor is Actor.Author or Actor.Partner or Actor.ThirdPartner or Actor.Practitioner,
        _ => false,
    };

    /// <summary>
    /// The API needs a session (401), and the space gate stops a practitioner without two-step sign-in
    /// (403); everyone else reaches the handler, which answers 404 for anything they may not see or do.
    /// </summary>
    private static Expect Inside(Actor actor, Func<Actor, Expect> handler) => actor switch
    {
        Actor.Anonymous => Unauthorized,
        Actor.PractitionerWithoutTwoFactor => Forbidden,
        _ => handler(actor),
    };

    /// <summary>
    /// The pages need a session (302 to sign-in); SpacePageGate sends a practitioner without two-step
    /// sign-in to /spaces, except on the pages open before the safety check; everyone else reaches
    /// the page, which shows the not-found page (404) for anything they may not see.
    /// </summary>
    private static Expect OnPage(Actor actor, Func<Actor, Expect> page, bool beforeSafetyCheck = false) => actor switch
    {
        Actor.Anonymous => new(302) { Location = "/account/sign-in" },
        Actor.PractitionerWithoutTwoFactor when beforeSafetyCheck => Ok with { Hides = [SpaceValues, PendingName] },
        Actor.PractitionerWithoutTwoFactor => new(302) { Location = "/spaces" },
        _ => page(actor),
    };

    private static Func<Actor, Expect> PartnersOnly(Expect success) =>
        actor => actor is Actor.Author or Actor.Partner or Actor.ThirdPartner ? success : NotFound;

    private static Func<Actor, Expect> PartnersAnd(Expect partners, Expect practitioner) =>
        actor => actor switch
        {
            Actor.Author or Actor.Partner or Actor.ThirdPartner => partners,
            Actor.Practitioner => practitioner,
            _ => NotFound,
        };

    private static Func<Actor, Expect> AuthorOnly(ItemState state, Expect success) =>
        actor => actor == Actor.Author && state != ItemState.Deleted ? success : NotFound;
}
