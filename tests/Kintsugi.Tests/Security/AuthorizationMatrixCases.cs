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

    /// <summary>For a 2xx answer: true, the item's id is in the body; false, it is not (a link to something the reader cannot open would say it exists, A4). null: not checked.</summary>
    public bool? ShowsItemId { get; init; }

    /// <summary>Texts the body must contain.</summary>
    public IReadOnlyList<string> Shows { get; init; } = [];

    /// <summary>Texts the body must not contain.</summary>
    public IReadOnlyList<string> Hides { get; init; } = [];

    /// <summary>For a redirect: the path its Location must have (the query aside).</summary>
    public string? Location { get; init; }

    public override string ToString() =>
        Status + (ShowsItem switch { true => " with the item's text", false => " without the item's text", null => "" })
        + (ShowsItemId switch { true => " with the item's id", false => " without the item's id", null => "" })
        + (Shows.Count > 0 ? $" showing [{string.Join(", ", Shows)}]" : "")
        + (Hides.Count > 0 ? $" hiding [{string.Join(", ", Hides)}]" : "")
        + (Location is null ? "" : $" to {Location}");
}

/// <summary>What kind of item a row's item states are about: a journal entry, or a breach record ("what happened").</summary>
public enum MatrixSubject
{
    Entry,
    Breach,

    /// <summary>A letter of accountability (<c>{letterId}</c>).</summary>
    Letter,

    /// <summary>A repair commitment (<c>{commitmentId}</c>) with a kept day logged (<c>{lineId}</c>).</summary>
    Commitment,

    /// <summary>A question for honest answers (<c>{questionId}</c>).</summary>
    Question,

    /// <summary>Something A parked: private, or on the agenda of a container (see MatrixScene.ContainerFor).</summary>
    Parked,
}

/// <summary>The item a case is about, as its author made it.</summary>
/// <param name="LineId">For a commitment: the kept day A logged.</param>
/// <param name="AuthorOnly">Wordings nobody but the author may ever read, whatever the state (a letter's drafts from before it was shared).</param>
public sealed record MatrixItem(Guid Id, ItemState State, string Text, IReadOnlyList<string> Wordings, int Version, Guid? LineId = null, IReadOnlyList<string>? AuthorOnly = null);

/// <summary>
/// A rebuilding conversation A started (about the case's breach, for rows per item state): B has the
/// floor, A wrote back what they heard (<see cref="ReflectionId"/>), the next steps are saved (so its
/// version is <see cref="Version"/>) and the next one is scheduled.
/// </summary>
public sealed record MatrixConversation(Guid Id, Guid ReflectionId, int Version);

/// <summary>An agreement of A's (signed by A, B and C) with a crossing A recorded; versions as created.</summary>
public sealed record MatrixAgreement(Guid Id, Guid CrossingId, int Version, int CrossingVersion);

/// <summary>What a row's request body may depend on.</summary>
public sealed class MatrixTarget
{
    public required Guid SpaceId { get; init; }

    public MatrixItem? Item { get; init; }

    /// <summary>The case's conversation: the one the route names, or else the space's conversation about nothing in particular.</summary>
    public MatrixConversation? Conversation { get; init; }

    /// <summary>The case's agreement: a fresh one for writes about one, else the space's.</summary>
    public MatrixAgreement? Agreement { get; init; }

    /// <summary>The proactive plan's current version, read by its author.</summary>
    public Func<Task<int>>? PlanVersionAsync { get; init; }

    /// <summary>The case's container (or the space's partners' container).</summary>
    public Guid ContainerId { get; init; }

    /// <summary>The app's clock.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The space's current version, read by its author.</summary>
    public required Func<Task<int>> SpaceVersionAsync { get; init; }
}

/// <summary>
/// One endpoint of the matrix: its method and route exactly as in <see cref="PolicyTable"/>, and who
/// gets what. The route's ids are filled in by the harness: <c>{spaceId}</c> is the space,
/// <c>{entryId}</c> or <c>{breachId}</c> the case's item, <c>{inviteId}</c> an open invite, <c>{requestId}</c> a
/// newcomer's pending request to join, <c>{membershipId}</c> a practitioner's membership,
/// <c>{conversationId}</c> a conversation (about the case's breach, per item state) and
/// <c>{reflectionId}</c> what A heard in it. A case that writes gets fresh ones of each, made just for it.
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

    /// <summary>What the item states are about, and what <c>{entryId}</c> or <c>{breachId}</c> names.</summary>
    public MatrixSubject Subject { get; init; }

    /// <summary>{containerId} names a container held with the practitioner (a fresh one for writes).</summary>
    public bool WithPractitioner { get; init; }

    /// <summary>For writes: the fresh container has been started.</summary>
    public bool ContainerRunning { get; init; }

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

    // What A (and B) put into every conversation and the decision point of the matrix space (MatrixWorld).
    public const string DecisionNote = "matrix-decision-note sealed until every partner answers";
    public const string Heard = "matrix-heard what I heard you say";
    public const string Correction = "matrix-correction what I meant was";
    public const string NextSteps = "matrix-next-steps we walk together on Sundays";
    public const string NoteShared = "matrix-note-shared for the partners";
    public const string NotePrivate = "matrix-note-private for Alex alone";
    public const string CalendarTitle = "SUMMARY:Time together";

    // What A put into the agreement, its crossing and the plan of every matrix space.
    public const string AgreementText = "matrix-agreement we keep our word about evenings";
    public const string CrossingNote = "matrix-crossing-note it was crossed on Tuesday";
    public const string ViewPrivate = "matrix-view-private the own view of Alex, for Alex alone";
    public const string ViewShared = "matrix-view-shared the view of Alex, for the partners";
    public const string PlanText = "matrix-plan we ask what the other meant";
    public const string ReviewTitle = "SUMMARY:Time to check in";

    private const string Space = "/api/v1/spaces/{spaceId:guid}/";
    private const string Journal = "/api/v1/spaces/{spaceId:guid}/journal/";
    private const string Entry = "/api/v1/spaces/{spaceId:guid}/journal/{entryId:guid}";
    private const string Invites = "/api/v1/spaces/{spaceId:guid}/invites";
    private const string JoinRequests = "/api/v1/spaces/{spaceId:guid}/join-requests";
    private const string Page = "/spaces/{SpaceId:guid}";
    private const string Breaches = "/api/v1/spaces/{spaceId:guid}/breaches/";
    private const string Breach = "/api/v1/spaces/{spaceId:guid}/breaches/{breachId:guid}";
    private const string Decision = "/api/v1/spaces/{spaceId:guid}/decision/";
    private const string Stage = "/api/v1/spaces/{spaceId:guid}/stage/";
    private const string Conversations = "/api/v1/spaces/{spaceId:guid}/conversations/";
    private const string Conversation = "/api/v1/spaces/{spaceId:guid}/conversations/{conversationId:guid}/";
    private const string Agreements = "/api/v1/spaces/{spaceId:guid}/agreements/";
    private const string Agreement = "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/";
    private const string Crossing = "/api/v1/spaces/{spaceId:guid}/agreements/{agreementId:guid}/crossings/{crossingId:guid}";
    private const string Plan = "/api/v1/spaces/{spaceId:guid}/plan/";
    private const string Letters = "/api/v1/spaces/{spaceId:guid}/letters/";
    private const string Letter = "/api/v1/spaces/{spaceId:guid}/letters/{letterId:guid}";
    private const string Commitments = "/api/v1/spaces/{spaceId:guid}/commitments/";
    private const string Commitment = "/api/v1/spaces/{spaceId:guid}/commitments/{commitmentId:guid}/";
    private const string Questions = "/api/v1/spaces/{spaceId:guid}/questions/";
    private const string Question = "/api/v1/spaces/{spaceId:guid}/questions/{questionId:guid}";
    private const string Containers = "/api/v1/spaces/{spaceId:guid}/containers/";
    private const string Container = "/api/v1/spaces/{spaceId:guid}/containers/{containerId:guid}/";
    private const string ParkedApi = "/api/v1/spaces/{spaceId:guid}/parked/";
    public const string ContainerNotes = "matrix-container-notes what we talked about";

    /// <summary>The parts people have in a breach, as the API shows them: only to someone who may read the record.</summary>
    private static readonly string[] Roles = ["\"role\":\"hurt\"", "\"role\":\"causedHarm\"", "\"myRole\":\"hurt\"", "\"myRole\":\"causedHarm\""];

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // The space
        new("GET", Space, (a, _) => Inside(a, PartnersAnd(Ok with { Shows = [SpaceName, SpaceValues] }, practitioner: Ok with { Shows = [SpaceName], Hides = [SpaceValues] }))),
        new("PUT", Space, (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = async t => new { name = SpaceName, journey = "affair", values = SpaceValues, version = await t.SpaceVersionAsync() },
            Witness = Space,
        },

        // The Atone stage. Letters, commitments and questions are content like journal entries (one
        // author, an audience); only partners write them; the practitioner reads what is shared with them.
        new("GET", Letters, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner or Actor.Practitioner
            ? Ok with { ShowsItem = CanRead(who, s) }
            : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
        },
        new("POST", Letters, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = _ => Task.FromResult<object>(new { text = "matrix: a letter by whoever was allowed", audience = "partners" }),
            Witness = Letters,
        },
        new("GET", Letter, (a, s) => Inside(a, who => CanRead(who, s) ? Ok with { ShowsItem = true, ShowsItemId = true } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
        },
        new("PUT", Letter, (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
            Body = t => Task.FromResult<object>(new { text = "matrix: a draft by whoever was allowed", version = t.Item!.Version }),
            Witness = Letter,
        },
        new("PUT", Letter + "/audience", (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
            Body = _ => Task.FromResult<object>(new { audience = "partners" }),
            Witness = Letter,
        },
        new("DELETE", Letter, (a, s) => Inside(a, AuthorOnly(s, NoContent)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
            Witness = Letter,
        },

        // An answer to a letter is a journal entry: a partner who can read someone else's letter may
        // write one; a letter one cannot read (or one's own) is refused like one that does not exist.
        new("POST", Letter + "/responses", (a, s) => Inside(a, who => who switch
        {
            Actor.Partner or Actor.ThirdPartner => CanRead(who, s) ? Created : BadRequest,
            Actor.Author or Actor.OtherSpaceOwnRoute => BadRequest, // their own letter; a letter not in their space
            _ => NotFound,
        }))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
            Body = _ => Task.FromResult<object>(new { text = "matrix: an answer by whoever was allowed", audience = "partners" }),
            Witness = Letter,
        },

        // Commitments: only the author keeps the log; "I noticed" is for the other partners who can read it, on a kept day.
        new("GET", Commitments, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner or Actor.Practitioner
            ? Ok with { ShowsItem = CanRead(who, s) }
            : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
        },
        new("POST", Commitments, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = _ => Task.FromResult<object>(new { what = "matrix: a commitment by whoever was allowed", howOften = "weekly", audience = "partners" }),
            Witness = Commitments,
        },
        new("GET", Commitment, (a, s) => Inside(a, who => CanRead(who, s) ? Ok with { ShowsItem = true, ShowsItemId = true } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
        },
        new("PUT", Commitment, (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
            Body = t => Task.FromResult<object>(new { what = "matrix: reworded by whoever was allowed", howOften = "daily", version = t.Item!.Version }),
            Witness = Commitment,
        },
        new("PUT", Commitment + "audience", (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
            Body = _ => Task.FromResult<object>(new { audience = "partners" }),
            Witness = Commitment,
        },
        new("PUT", Commitment + "ended", (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
            Body = _ => Task.FromResult<object>(new { ended = true }),
            Witness = Commitment,
        },
        new("DELETE", Commitment, (a, s) => Inside(a, AuthorOnly(s, NoContent)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
            Witness = Commitment,
        },
        new("POST", Commitment + "log", (a, s) => Inside(a, AuthorOnly(s, Created)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
            Body = t => Task.FromResult<object>(new { day = DateOnly.FromDateTime(t.Now.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kept = false, note = "matrix: logged by whoever was allowed" }),
            Witness = Commitment,
        },
        new("DELETE", Commitment + "log/{lineId:guid}", (a, s) => Inside(a, AuthorOnly(s, NoContent)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
            Witness = Commitment,
        },
        new("PUT", Commitment + "log/{lineId:guid}/noticed", (a, s) => Inside(a, who => who switch
        {
            Actor.Partner or Actor.ThirdPartner => CanRead(who, s) ? Ok : NotFound,
            Actor.Author => CanRead(who, s) ? BadRequest : NotFound, // not for one's own log
            _ => NotFound,
        }))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
            Body = _ => Task.FromResult<object>(new { noticed = true }),
            Witness = Commitment,
        },

        // Honest answers: B has answered A's shared questions (so B's first answer is stale: 409), C has not;
        // nobody answers their own; an answered question stays.
        new("GET", Questions, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner or Actor.Practitioner
            ? Ok with { ShowsItem = CanRead(who, s) }
            : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Question,
        },
        new("POST", Questions, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = _ => Task.FromResult<object>(new { text = "matrix: a question by whoever was allowed", audience = "partners" }),
            Witness = Questions,
        },
        new("PUT", Question + "/answer", (a, s) => Inside(a, who => !CanRead(who, s) || who is not (Actor.Author or Actor.Partner or Actor.ThirdPartner) ? NotFound : who switch
        {
            Actor.Author => BadRequest,
            Actor.Partner => Conflict,
            _ => Ok,
        }))
        {
            PerItemState = true,
            Subject = MatrixSubject.Question,
            Body = _ => Task.FromResult<object>(new { text = "matrix: an answer by whoever was allowed", version = 0 }),
            Witness = Questions,
        },
        new("PUT", Question + "/for-container", (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner && CanRead(who, s) ? Ok : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Question,
            Body = _ => Task.FromResult<object>(new { forContainer = true }),
            Witness = Questions,
        },
        new("DELETE", Question, (a, s) => Inside(a, who => who != Actor.Author || !CanRead(who, s) ? NotFound
            : s is ItemState.SharedWithPartners or ItemState.SharedWithPractitioner ? Conflict // answered by B
            : NoContent))
        {
            PerItemState = true,
            Subject = MatrixSubject.Question,
            Witness = Questions,
        },

        // Where we are: A is reminded of their own unshared letter, a partner who can read it of a letter to read.
        new("GET", "/api/v1/spaces/{spaceId:guid}/where-we-are", (a, s) => Inside(a, who => who switch
        {
            Actor.Author or Actor.Partner or Actor.ThirdPartner => Ok with
            {
                ShowsItem = false,
                ShowsItemId = who == Actor.Author ? s is ItemState.Private or ItemState.Withdrawn : CanRead(who, s),
                Shows = ["\"stage\":\"atone\""],
            },
            Actor.Practitioner => Ok with { ShowsItem = false, ShowsItemId = false, Shows = ["\"stage\":null", "\"forMe\":[]"] },
            _ => NotFound,
        }))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
        },

        // The Atone pages: like the API.
        new("GET", Page + "/letters", (a, s) => OnPage(a, PartnersAnd(Ok with { ShowsItem = CanRead(a, s) }, practitioner: Ok with { ShowsItem = CanRead(a, s), Hides = [SpaceValues, PendingName] })))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
        },
        new("GET", Page + "/letters/{LetterId:guid}", (a, s) => OnPage(a, who => CanRead(who, s) ? Ok with { ShowsItem = true } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Letter,
        },
        new("GET", Page + "/commitments", (a, s) => OnPage(a, PartnersAnd(Ok with { ShowsItem = CanRead(a, s) }, practitioner: Ok with { ShowsItem = CanRead(a, s), Hides = [SpaceValues, PendingName] })))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
        },
        new("GET", Page + "/commitments/{CommitmentId:guid}", (a, s) => OnPage(a, who => CanRead(who, s) ? Ok with { ShowsItem = true } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Commitment,
        },
        new("GET", Page + "/honest-answers", (a, s) => OnPage(a, PartnersAnd(Ok with { ShowsItem = CanRead(a, s) }, practitioner: Ok with { ShowsItem = CanRead(a, s), Hides = [SpaceValues, PendingName] })))
        {
            PerItemState = true,
            Subject = MatrixSubject.Question,
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

        // What happened: breach records are content like journal entries (one author, an audience).
        // Each of A's records names A as having caused harm and B as hurt, and has A's own account
        // linked to it, shared with partners and practitioner whatever the record's audience.
        new("GET", Breaches, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner or Actor.Practitioner
            ? Ok with { ShowsItem = CanRead(who, s) }
            : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },
        new("POST", Breaches, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = _ => Task.FromResult<object>(new { title = "matrix: recorded by whoever was allowed", audience = "partners" }),
            Witness = Breaches,
        },
        new("GET", Breach, (a, s) => Inside(a, who => CanRead(who, s) ? Ok with { ShowsItem = true, ShowsItemId = true, Shows = [.. Roles[..2]] } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },
        new("PUT", Breach, (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
            Body = t => Task.FromResult<object>(new { title = "matrix: corrected by whoever was allowed", version = t.Item!.Version }),
            Witness = Breach,
        },
        new("PUT", Breach + "/audience", (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
            Body = _ => Task.FromResult<object>(new { audience = "partners" }),
            Witness = Breach,
        },
        new("DELETE", Breach, (a, s) => Inside(a, AuthorOnly(s, NoContent)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
            Witness = Breach,
        },

        // Accounts and impact statements are journal entries about a record their author can read;
        // an account linked to a record the reader cannot open does not show the record's id.
        new("POST", Journal, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner
            ? CanRead(who, s) ? Created : BadRequest
            : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
            Body = t => Task.FromResult<object>(new { text = "matrix: an account by whoever was allowed", kind = "account", breachId = t.Item!.Id, audience = "partners" }),
            Witness = Journal,
        },
        new("GET", Journal, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner or Actor.Practitioner
            ? Ok with { ShowsItemId = CanRead(who, s) }
            : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },

        // Conversation notes are journal entries in a conversation of the partners.
        new("POST", Journal, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = t => Task.FromResult<object>(new { text = "matrix: a note by whoever was allowed", kind = "note", conversationId = t.Conversation!.Id, audience = "partners" }),
            Witness = Journal,
        },

        // The decision point is the partners': A has answered (sealed), B and C have not.
        new("GET", Decision, (a, _) => Inside(a, who => who switch
        {
            Actor.Author => Ok with { Shows = [DecisionNote, "\"state\":\"waiting\""] },
            Actor.Partner or Actor.ThirdPartner => Ok with { Shows = ["\"state\":\"open\""], Hides = [DecisionNote] },
            _ => NotFound,
        })),
        new("PUT", Decision + "answer", (a, _) => Inside(a, PartnersOnly(Ok with { Shows = ["\"state\":\"waiting\""] })))
        {
            Body = _ => Task.FromResult<object>(new { amends = "yes", note = "matrix: answered by whoever was allowed" }),
            FreshSpace = true,
            Witness = Decision,
        },

        // Not every partner has answered the first round, so a new one cannot start yet: 409 for a partner, 404 for anyone else.
        new("POST", Decision + "rounds", (a, _) => Inside(a, PartnersOnly(Conflict))) { Witness = Decision },

        // The stages are the partners': A said privately they feel ready to move on.
        new("GET", Stage, (a, _) => Inside(a, who => who switch
        {
            Actor.Author => Ok with { Shows = ["\"current\":\"atone\"", "\"readyToMoveOn\":true"] },
            Actor.Partner or Actor.ThirdPartner => Ok with { Shows = ["\"current\":\"atone\"", "\"readyToMoveOn\":false"] },
            _ => NotFound,
        })),
        new("PUT", Stage + "move", (a, _) => Inside(a, PartnersOnly(Ok with { Shows = ["\"moved\":false"] })))
        {
            Body = _ => Task.FromResult<object>(new { to = "attune" }),
            FreshSpace = true,
            Witness = Stage,
        },

        // Where we are: every member; a practitioner gets no stage and nothing waiting. B is asked for
        // their own account of each record they can read (A wrote theirs); nobody else sees the record there.
        new("GET", "/api/v1/spaces/{spaceId:guid}/where-we-are", (a, s) => Inside(a, who => who switch
        {
            Actor.Author or Actor.Partner or Actor.ThirdPartner => Ok with
            {
                ShowsItem = who == Actor.Partner && CanRead(who, s),
                ShowsItemId = who == Actor.Partner && CanRead(who, s),
                Shows = ["\"stage\":\"atone\""],
                Hides = [DecisionNote, NextSteps],
            },
            Actor.Practitioner => Ok with { ShowsItem = false, ShowsItemId = false, Shows = ["\"stage\":null", "\"forMe\":[]"] },
            _ => NotFound,
        }))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },

        // Rebuilding conversations: joint content of the partners (every active partner reads and
        // steers; practitioners get 404). Per item state, the conversation is about A's record in
        // that state: its title and everyone's part in it show only to someone who may read the record.
        new("GET", Conversations, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner
            ? Ok with { ShowsItem = CanRead(who, s), ShowsItemId = CanRead(who, s) ? null : false }
            : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },
        new("POST", Conversations, (a, s) => Inside(a, who => who is Actor.Author or Actor.Partner or Actor.ThirdPartner
            ? CanRead(who, s) ? Created : BadRequest
            : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
            Body = t => Task.FromResult<object>(new { breachId = t.Item!.Id }),
            Witness = Conversations,
        },
        new("GET", Conversation, (a, s) => Inside(a, who => ConversationAs(who, s)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },
        new("GET", Conversation + "next.ics", (a, s) => Inside(a, PartnersOnly(Ok with { ShowsItem = false, Shows = [CalendarTitle], Hides = [Heard, NextSteps] })))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },
        new("PUT", Conversation + "step", (a, _) => Inside(a, PartnersOnly(NoContent)))
        {
            Body = _ => Task.FromResult<object>(new { step = "forward" }),
            Witness = Conversation,
        },
        new("PUT", Conversation + "speaker", (a, _) => Inside(a, PartnersOnly(NoContent)))
        {
            Body = _ => Task.FromResult<object>(new { speaker = (Guid?)null }),
            Witness = Conversation,
        },
        new("PUT", Conversation + "pause", (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = _ => Task.FromResult<object>(new { minutes = 20 }),
            Witness = Conversation,
        },
        new("PUT", Conversation + "ended", (a, _) => Inside(a, PartnersOnly(NoContent)))
        {
            Body = _ => Task.FromResult<object>(new { ended = true }),
            Witness = Conversation,
        },

        // B has the floor: the listeners (A and C) write back what they heard; B answers.
        new("POST", Conversation + "reflections", (a, _) => Inside(a, who => who switch
        {
            Actor.Author or Actor.ThirdPartner => Created,
            Actor.Partner => BadRequest,
            _ => NotFound,
        }))
        {
            Body = _ => Task.FromResult<object>(new { text = "matrix: heard by whoever was allowed" }),
            Witness = Conversation,
        },
        new("PUT", Conversation + "reflections/{reflectionId:guid}", (a, _) => Inside(a, who => who == Actor.Partner ? NoContent : NotFound))
        {
            Body = _ => Task.FromResult<object>(new { confirmed = true }),
            Witness = Conversation,
        },
        new("PUT", Conversation + "next-steps", (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = t => Task.FromResult<object>(new { text = "matrix: next steps by whoever was allowed", version = t.Conversation!.Version }),
            Witness = Conversation,
        },
        new("PUT", Conversation + "schedule", (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = t => Task.FromResult<object>(new { at = t.Now.AddDays(40).ToString("yyyy-MM-dd'T'20:30", System.Globalization.CultureInfo.InvariantCulture), minutes = 45 }),
            Witness = Conversation,
        },

        // The repair journey's pages: like the API, and like the journal's pages.
        new("GET", Page + "/what-happened", (a, s) => OnPage(a, PartnersAnd(Ok with { ShowsItem = CanRead(a, s) }, practitioner: Ok with { ShowsItem = CanRead(a, s), Hides = [SpaceValues, PendingName] })))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },
        new("GET", Page + "/what-happened/{BreachId:guid}", (a, s) => OnPage(a, who => CanRead(who, s) ? Ok with { ShowsItem = true } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },
        new("GET", Page + "/decision", (a, _) => OnPage(a, who => who switch
        {
            Actor.Author => Ok with { Shows = [DecisionNote] },
            Actor.Partner or Actor.ThirdPartner => Ok with { Hides = [DecisionNote] },
            _ => NotFound,
        })),
        new("GET", Page + "/stages", (a, _) => OnPage(a, PartnersOnly(Ok))),
        new("GET", Page + "/conversations", (a, s) => OnPage(a, PartnersOnly(Ok with { ShowsItem = CanRead(a, s), ShowsItemId = CanRead(a, s) ? null : false })))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },
        new("GET", Page + "/conversations/{ConversationId:guid}", (a, s) => OnPage(a, who => ConversationAs(who, s) is { Status: 200 } ok ? ok with { ShowsItemId = ok.ShowsItemId == true ? null : false, Hides = [.. ok.Hides.Except(Roles)], Shows = [.. ok.Shows.Except(Roles)] } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Breach,
        },

        // Agreements: joint content of the partners (every active partner reads, signs, amends and
        // records crossings; practitioners get 404). Views of a crossing are journal entries: A's
        // private view shows to A alone, A's shared view to every partner.
        new("GET", Agreements, (a, _) => Inside(a, PartnersOnly(Ok with { Shows = [AgreementText] }))),
        new("POST", Agreements, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = _ => Task.FromResult<object>(new { text = "matrix: an agreement by whoever was allowed" }),
            Witness = Agreements,
        },
        new("GET", Agreements + "reviews.ics", (a, _) => Inside(a, PartnersOnly(Ok with { Shows = [ReviewTitle], Hides = [AgreementText, CrossingNote] }))),
        new("GET", Agreement, (a, _) => Inside(a, PartnersOnly(Ok with { Shows = [AgreementText], Hides = [ViewPrivate, ViewShared] }))),
        new("PUT", Agreement, (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = t => Task.FromResult<object>(new { text = "matrix: amended by whoever was allowed", version = t.Agreement!.Version }),
            Witness = Agreement,
        },
        new("POST", Agreement + "signature", (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = t => Task.FromResult<object>(new { version = t.Agreement!.Version }),
            Witness = Agreement,
        },
        new("DELETE", Agreement + "signature", (a, _) => Inside(a, PartnersOnly(Ok))) { Witness = Agreement },
        new("POST", Agreement + "crossings", (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = _ => Task.FromResult<object>(new { note = "matrix: crossed, says whoever was allowed" }),
            Witness = Agreement,
        },
        new("GET", Crossing, (a, _) => Inside(a, who => who switch
        {
            Actor.Author => Ok with { Shows = [CrossingNote, AgreementText, ViewPrivate, ViewShared] },
            Actor.Partner or Actor.ThirdPartner => Ok with { Shows = [CrossingNote, AgreementText, ViewShared], Hides = [ViewPrivate] },
            _ => NotFound,
        })),
        new("PUT", Crossing, (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = t => Task.FromResult<object>(new { to = "discuss", discussNotes = "matrix: discussed by whoever was allowed", version = t.Agreement!.CrossingVersion }),
            Witness = Crossing,
        },
        new("GET", Plan, (a, _) => Inside(a, PartnersOnly(Ok with { Shows = [PlanText] }))),
        new("PUT", Plan, (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            Body = async t => new { misunderstandings = PlanText, poorDecisions = "matrix: planned by whoever was allowed", version = await t.PlanVersionAsync!() },
            Witness = Plan,
        },
        new("GET", Page + "/agreements", (a, _) => OnPage(a, PartnersOnly(Ok with { Shows = [AgreementText] }))),
        new("GET", Page + "/agreements/print", (a, _) => OnPage(a, PartnersOnly(Ok with { Shows = [AgreementText] }))),
        new("GET", Page + "/agreements/{AgreementId:guid}", (a, _) => OnPage(a, PartnersOnly(Ok with { Shows = [AgreementText], Hides = [ViewPrivate] }))),
        new("GET", Page + "/agreements/{AgreementId:guid}/crossings/{CrossingId:guid}", (a, _) => OnPage(a, who => who switch
        {
            Actor.Author => Ok with { Shows = [CrossingNote, ViewPrivate, ViewShared] },
            Actor.Partner or Actor.ThirdPartner => Ok with { Shows = [CrossingNote, ViewShared], Hides = [ViewPrivate] },
            _ => NotFound,
        })),
        new("GET", Page + "/plan", (a, _) => OnPage(a, PartnersOnly(Ok with { Shows = [PlanText] }))),

        // Containers: joint content of the partners; the practitioner sees and helps run those held
        // with them. Per item state, {containerId} is the container A's parked item in that state was
        // put on (the practitioner's for "shared with practitioner" and "withdrawn", else the partners').
        new("GET", Containers, (a, _) => Inside(a, PartnersAnd(Ok, practitioner: Ok))),
        new("POST", Containers, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = t => Task.FromResult<object>(new { at = t.Now.AddDays(25).ToString("yyyy-MM-dd'T'17:00", System.Globalization.CultureInfo.InvariantCulture), minutes = 60, timeZone = "UTC" }),
            Witness = Containers,
        },
        new("GET", Container, (a, s) => Inside(a, who => SeesContainer(who, s) ? Ok with { ShowsItem = OnAgenda(who, s) } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Parked,
        },
        new("GET", Container + "invite.ics", (a, _) => Inside(a, PartnersOnly(Ok with { Shows = [CalendarTitle] }))),
        new("GET", Container + "invite.ics", (a, _) => Inside(a, PartnersAnd(Ok with { Shows = [CalendarTitle] }, practitioner: Ok with { Shows = [CalendarTitle] }))) { WithPractitioner = true },
        new("PUT", Container + "plan", (a, _) => Inside(a, PartnersOnly(NoContent)))
        {
            WithPractitioner = true,
            Body = t => Task.FromResult<object>(new { at = t.Now.AddDays(26).ToString("yyyy-MM-dd'T'17:30", System.Globalization.CultureInfo.InvariantCulture), minutes = 45, withPractitioner = true, timeZone = "UTC" }),
            Witness = Container,
        },
        new("DELETE", Container, (a, _) => Inside(a, PartnersOnly(NoContent))) { WithPractitioner = true, Witness = Container },
        new("PUT", Container + "started", (a, _) => Inside(a, PartnersAnd(NoContent, practitioner: NoContent))) { WithPractitioner = true, Witness = Container },
        new("PUT", Container + "started", (a, _) => Inside(a, PartnersOnly(NoContent))) { Witness = Container },
        new("PUT", Container + "speaker", (a, _) => Inside(a, PartnersAnd(NoContent, practitioner: NoContent)))
        {
            WithPractitioner = true,
            ContainerRunning = true,
            Body = _ => Task.FromResult<object>(new { speaker = (Guid?)null }),
            Witness = Container,
        },
        new("PUT", Container + "pause", (a, _) => Inside(a, PartnersAnd(Ok, practitioner: Ok)))
        {
            WithPractitioner = true,
            ContainerRunning = true,
            Body = _ => Task.FromResult<object>(new { minutes = 20 }),
            Witness = Container,
        },
        new("PUT", Container + "extended", (a, _) => Inside(a, PartnersAnd(Ok, practitioner: Ok))) { WithPractitioner = true, ContainerRunning = true, Witness = Container },
        new("PUT", Container + "closing", (a, _) => Inside(a, PartnersOnly(Ok)))
        {
            ContainerRunning = true,
            Body = _ => Task.FromResult<object>(new { notes = ContainerNotes, next = "", version = 1 }),
            Witness = Container,
        },
        new("PUT", Container + "closing", (a, _) => Inside(a, PartnersAnd(Ok, practitioner: Ok)))
        {
            WithPractitioner = true,
            ContainerRunning = true,
            Body = _ => Task.FromResult<object>(new { notes = ContainerNotes, next = "", version = 1 }),
            Witness = Container,
        },
        new("PUT", Container + "agenda/{itemId:guid}", (a, s) => Inside(a, who => SeesContainer(who, s) && OnAgenda(who, s) ? NoContent : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Parked,
            Body = _ => Task.FromResult<object>(new { talkedAbout = true }),
            Witness = Container,
        },
        new("PUT", Container + "reminder", (a, _) => Inside(a, PartnersAnd(Ok, practitioner: Ok)))
        {
            WithPractitioner = true,
            Body = _ => Task.FromResult<object>(new { on = true }),
            Witness = Container,
        },

        // Parked items: only their author lists, changes, places or deletes them.
        new("GET", ParkedApi, (a, s) => Inside(a, who => who switch
        {
            Actor.Author => Ok with { ShowsItem = s != ItemState.Deleted },
            Actor.Partner or Actor.ThirdPartner => Ok with { ShowsItem = false },
            _ => NotFound,
        }))
        {
            PerItemState = true,
            Subject = MatrixSubject.Parked,
        },
        new("POST", ParkedApi, (a, _) => Inside(a, PartnersOnly(Created)))
        {
            Body = _ => Task.FromResult<object>(new { text = "matrix: parked by whoever was allowed" }),
            Witness = ParkedApi,
        },
        new("PUT", ParkedApi + "{itemId:guid}", (a, s) => Inside(a, AuthorOnly(s, NoContent)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Parked,
            Body = _ => Task.FromResult<object>(new { text = "matrix: reworded by whoever was allowed" }),
            Witness = ParkedApi,
        },
        new("PUT", ParkedApi + "{itemId:guid}/agenda", (a, s) => Inside(a, AuthorOnly(s, Ok)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Parked,
            Body = t => Task.FromResult<object>(new { containerId = t.ContainerId }),
            Witness = ParkedApi,
        },
        new("DELETE", ParkedApi + "{itemId:guid}", (a, s) => Inside(a, AuthorOnly(s, NoContent)))
        {
            PerItemState = true,
            Subject = MatrixSubject.Parked,
            Witness = ParkedApi,
        },

        // Their pages, and the Park it form (a form post: JSON without a token never parks anything).
        new("GET", Page + "/containers", (a, _) => OnPage(a, PartnersOnly(Ok))),
        new("GET", Page + "/containers/{ContainerId:guid}", (a, s) => OnPage(a, who => SeesContainer(who, s) ? Ok with { ShowsItem = OnAgenda(who, s) } : NotFound))
        {
            PerItemState = true,
            Subject = MatrixSubject.Parked,
        },
        new("GET", Page + "/parked", (a, s) => OnPage(a, PartnersOnly(Ok with { ShowsItem = a == Actor.Author && s != ItemState.Deleted })))
        {
            PerItemState = true,
            Subject = MatrixSubject.Parked,
        },
        new("POST", "/spaces/{spaceId:guid}/park", (_, _) => ParkFormWithoutToken) // the token is checked first, for everyone
        {
            Body = _ => Task.FromResult<object>(new { text = "matrix: parked without a token", returnUrl = "/" }),
            Witness = ParkedApi,
        },
    ];

    public static readonly IReadOnlyList<ItemState> ItemStates =
        [ItemState.Private, ItemState.SharedWithPartners, ItemState.SharedWithPractitioner, ItemState.Withdrawn, ItemState.Deleted];

    private static Expect Ok => new(200);

    private static Expect Created => new(201);

    private static Expect NoContent => new(204);

    private static Expect Unauthorized => new(401);

    private static Expect Forbidden => new(403);

    private static Expect NotFound => new(404);

    private static Expect BadRequest => new(400);

    private static Expect Conflict => new(409);

    /// <summary>
    /// A conversation about A's record in <paramref name="state"/>, read by <paramref name="actor"/>:
    /// every partner reads what was heard, the correction, the next steps and the shared note; only A
    /// their private note; the record's title, id and everyone's part only someone who may read the record.
    /// </summary>
    private static Expect ConversationAs(Actor actor, ItemState state)
    {
        if (actor is not (Actor.Author or Actor.Partner or Actor.ThirdPartner))
        {
            return NotFound;
        }

        var reads = CanRead(actor, state);
        string[] shows = [Heard, Correction, NextSteps, NoteShared];
        return Ok with
        {
            ShowsItem = reads,
            ShowsItemId = reads,
            Shows = [.. shows, .. actor == Actor.Author ? [NotePrivate] : Array.Empty<string>(), .. reads ? Roles[..2] : []],
            Hides = [.. actor == Actor.Author ? Array.Empty<string>() : [NotePrivate], .. reads ? [] : Roles],
        };
    }

    /// <summary>Who sees the container a parked item in <paramref name="state"/> was put on: every partner; the practitioner when it is held with them.</summary>
    private static bool SeesContainer(Actor actor, ItemState state) =>
        actor is Actor.Author or Actor.Partner or Actor.ThirdPartner
        || (actor == Actor.Practitioner && state is ItemState.SharedWithPractitioner or ItemState.Withdrawn);

    /// <summary>A's parked item is on that container's agenda now, and this reader may read it.</summary>
    private static bool OnAgenda(Actor actor, ItemState state) =>
        state is ItemState.SharedWithPartners or ItemState.SharedWithPractitioner && CanRead(actor, state);

    /// <summary>What the Park it form answers a JSON post without an antiforgery token (nothing is parked).</summary>
    private static Expect ParkFormWithoutToken => new(303) { Location = "/error/400" };

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
