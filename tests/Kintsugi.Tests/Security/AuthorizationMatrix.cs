using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Security;

/// <summary>
/// SECURITY.md A2 (and A4, A8): every row of <see cref="AuthorizationMatrixCases"/> × every actor
/// (× every item state, for rows about an item) gives the expected status. Beyond the status:
/// 2xx reads show exactly the texts they should; no answer to someone who may not read an item
/// carries any of its wordings; every 404 is byte-identical to the answer for a random id; and a
/// write that is refused leaves what the author sees unchanged. All cases run, and every mismatch
/// is listed in one failure.
/// </summary>
public abstract partial class AuthorizationMatrix(KintsugiApp app)
{
    [Fact]
    public void Every_space_and_journal_endpoint_of_the_policy_table_has_a_row()
    {
        // API endpoints by their method; member pages ("GET,POST") by a GET row: their form posts
        // need antiforgery tokens and are covered elsewhere (E2).
        var required = PolicyTable.Rows
            .Where(r => r.Access == Access.Member || (r.Route.StartsWith("/api/v1/spaces/", StringComparison.Ordinal) && r.Route.Contains(":guid}", StringComparison.Ordinal)))
            .ToList();
        var missing = required.Where(r => !AuthorizationMatrixCases.Rows.Any(m => Covers(r, m) && (r.Methods == m.Method || m.Method == "GET"))).Select(r => $"{r.Methods} {r.Route}").ToList();
        var unknown = AuthorizationMatrixCases.Rows.Where(m => !PolicyTable.Rows.Any(r => Covers(r, m))).Select(m => $"{m.Method} {m.Route}").ToList();
        Assert.True(missing.Count == 0, "Endpoints with no row in AuthorizationMatrixCases (add one with its expectations):\n" + string.Join('\n', missing));
        Assert.True(unknown.Count == 0, "AuthorizationMatrixCases rows that are not in PolicyTable:\n" + string.Join('\n', unknown));
    }

    private static bool Covers(PolicyRow policy, MatrixRow row) => policy.Route == row.Route && policy.Methods.Split(',').Contains(row.Method);

    [Fact]
    public async Task Every_endpoint_actor_and_item_state_gives_the_expected_answer()
    {
        var world = await MatrixWorld.BuildAsync(app);
        var cases = Cases().ToList();
        var mismatches = new List<string>();
        foreach (var (row, actor, state) in cases)
        {
            foreach (var problem in await RunAsync(world, row, actor, state))
            {
                mismatches.Add($"{row.Method} {row.Route} | {Label(actor, state)} | {state}: {problem}");
            }
        }

        var database = app.Provider == "Postgres" ? "PostgreSQL" : "SQLite";
        TestReport.Write($"authorization matrix: {cases.Count} cases, {mismatches.Count} mismatches ({database})");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases.Count} cases on {database} disagree with the policy:\n" + string.Join('\n', mismatches));
    }

    private static IEnumerable<(MatrixRow Row, Actor Actor, ItemState State)> Cases()
    {
        foreach (var row in AuthorizationMatrixCases.Rows)
        {
            foreach (var state in row.PerItemState ? AuthorizationMatrixCases.ItemStates : [ItemState.None])
            {
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    // Their own space's id with this space's item id: only where the route names something besides the space.
                    if (actor != Actor.OtherSpaceOwnRoute || (row.Route.Contains("{spaceId:guid}", StringComparison.OrdinalIgnoreCase) && Ids(row.Route).Count > 1))
                    {
                        yield return (row, actor, state);
                    }
                }
            }
        }
    }

    private static string Label(Actor actor, ItemState state) => actor switch
    {
        Actor.Practitioner when state == ItemState.SharedWithPractitioner => "practitioner with a share",
        Actor.Practitioner when state != ItemState.None => "practitioner without a share",
        _ => actor.ToString(),
    };

    /// <summary>Runs one case; returns what disagrees with the row (nothing when all is well).</summary>
    private static async Task<List<string>> RunAsync(MatrixWorld world, MatrixRow row, Actor actor, ItemState state)
    {
        var problems = new List<string>();
        var scene = row.FreshSpace ? await world.NewSceneAsync(withItems: false) : world.Main;
        var item = state == ItemState.None ? null : row.Writes ? await world.NewItemAsync(scene, state, row.Subject) : scene.ItemsOf(row.Subject)[state];
        var conversation = Ids(row.Route).Any(n => Camel(n) == "conversationId")
            ? row.Writes ? await world.NewConversationAsync(scene, breachId: null, withNotes: false) : scene.Conversations[state]
            : scene.Conversations.GetValueOrDefault(ItemState.None);

        var agreement = row.Writes && Ids(row.Route).Any(n => Camel(n) is "agreementId" or "crossingId") ? await world.NewAgreementAsync(scene) : scene.Agreement;
        // Containers: a route about an item on an agenda uses the scene's container that item's state put it on; other writes get a fresh one.
        var routeNames = Ids(row.Route).Select(Camel).ToList();
        Guid? container = !routeNames.Contains("containerId") && row.Subject != MatrixSubject.Parked ? null
            : row.Writes && routeNames.Contains("containerId") && !routeNames.Contains("itemId") ? await world.NewContainerAsync(scene, row.WithPractitioner, row.ContainerRunning)
            : state != ItemState.None && row.Subject == MatrixSubject.Parked ? scene.ContainerFor(state)
            : row.WithPractitioner ? scene.PractitionerContainer : scene.PartnersContainer;

        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase) { ["spaceId"] = scene.SpaceId };
        foreach (var name in Ids(row.Route))
        {
            ids[name] = Camel(name) switch
            {
                "spaceId" => scene.SpaceId,
                "entryId" or "breachId" or "itemId" or "letterId" or "commitmentId" or "questionId" => item!.Id,
                "lineId" => item!.LineId ?? throw new InvalidOperationException($"{row.Route} names a log line, but the item has none."),
                "containerId" => container!.Value,
                "conversationId" => conversation!.Id,
                "reflectionId" => conversation!.ReflectionId,
                "agreementId" => agreement!.Id,
                "crossingId" => agreement!.CrossingId,
                "inviteId" => await world.NewInviteAsync(scene),
                "requestId" => await world.NewJoinRequestAsync(scene),
                "membershipId" => await world.NewPractitionerAsync(scene),
                _ => throw new InvalidOperationException($"The matrix does not know what {{{name}}} in {row.Route} is."),
            };
        }

        var routeIds = new Dictionary<string, Guid>(ids, StringComparer.OrdinalIgnoreCase);
        if (actor == Actor.OtherSpaceOwnRoute)
        {
            routeIds["spaceId"] = world.OtherSpaceId;
        }

        var expected = row.Expect(actor, state);
        var refusedWrite = row.Writes && expected.Status >= 300 && row.Witness is not null;
        var before = refusedWrite ? await world.ObserveAsAuthorAsync(Fill(row.Witness!, ids)) : null;

        var target = new MatrixTarget { SpaceId = scene.SpaceId, Item = item, Conversation = conversation, Agreement = agreement, ContainerId = container ?? scene.PartnersContainer, Now = world.Now, SpaceVersionAsync = () => world.SpaceVersionAsync(scene), PlanVersionAsync = () => world.PlanVersionAsync(scene) };
        var body = row.Body is null ? null : await row.Body(target);
        var client = world.Client(actor);
        using var response = await SendAsync(client, row.Method, Fill(row.Route, routeIds), body);
        var text = await response.Content.ReadAsStringAsync();

        if ((int)response.StatusCode != expected.Status)
        {
            problems.Add($"expected {expected}, got {(int)response.StatusCode} {Shorten(text)}");
        }

        if (expected.Location is not null && (int)response.StatusCode == expected.Status && LocationPath(response) != expected.Location)
        {
            problems.Add($"expected a redirect to {expected.Location}, got one to {response.Headers.Location}");
        }

        if (item is not null)
        {
            if (expected.ShowsItem == true && (int)response.StatusCode == expected.Status && !text.Contains(item.Text, StringComparison.Ordinal))
            {
                problems.Add($"the answer lacks the item's text: {Shorten(text)}");
            }

            if (expected.ShowsItem != true && item.Wordings.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) is { } leaked)
            {
                problems.Add($"the answer carries the item's text \"{leaked}\"");
            }

            // What only its author ever reads (a letter's drafts from before it was shared), whatever the item's state.
            if (actor != Actor.Author && item.AuthorOnly?.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) is { } draft)
            {
                problems.Add($"the answer carries \"{draft}\", which only the author may read");
            }

            if (expected.ShowsItemId is { } showsId && (int)response.StatusCode == expected.Status && expected.Status < 300
                && text.Contains(item.Id.ToString(), StringComparison.OrdinalIgnoreCase) != showsId)
            {
                problems.Add(showsId ? $"the answer lacks the item's id: {Shorten(text)}" : "the answer carries the item's id");
            }
        }

        if ((int)response.StatusCode == expected.Status && expected.Status < 300)
        {
            problems.AddRange(expected.Shows.Where(s => !text.Contains(s, StringComparison.Ordinal)).Select(s => $"the answer lacks \"{s}\""));
        }

        problems.AddRange(expected.Hides.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"the answer carries \"{s}\""));

        // No existence oracle (A4): refused looks exactly like missing, by the last id and by every id.
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var observed = Comparable(await Responses.ObservableAsync(response), routeIds.Values);
            var names = Ids(row.Route);
            var twins = new List<Dictionary<string, Guid>> { names.ToDictionary(n => n, _ => world.RandomId()) };
            if (names.Count > 1)
            {
                twins.Add(new Dictionary<string, Guid>(routeIds, StringComparer.OrdinalIgnoreCase) { [names[^1]] = world.RandomId() });
            }

            foreach (var twin in twins)
            {
                using var random = await SendAsync(client, row.Method, Fill(row.Route, twin), body);
                var randomObserved = Comparable(await Responses.ObservableAsync(random), twin.Values);
                if (randomObserved != observed)
                {
                    problems.Add($"404 differs from a random id's answer: {Shorten(observed)} vs {Shorten(randomObserved)}");
                }
            }
        }

        if (before is not null)
        {
            var after = await world.ObserveAsAuthorAsync(Fill(row.Witness!, ids));
            if (after != before)
            {
                problems.Add($"a refused write changed {row.Witness}: {Shorten(before)} became {Shorten(after)}");
            }
        }

        return problems;
    }

    private static async Task<HttpResponseMessage> SendAsync(AppClient client, string method, string path, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null || method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(body ?? new { });
        }

        return await client.Http.SendAsync(request);
    }

    /// <summary>A page's body without its antiforgery token and the ids of the request (which pages echo, e.g. in form actions).</summary>
    private static string Comparable(string observed, IEnumerable<Guid> requestIds) =>
        requestIds.Aggregate(AntiforgeryValue().Replace(observed, "$1"), (text, id) => text.Replace(id.ToString(), "{id}", StringComparison.OrdinalIgnoreCase));

    private static string? LocationPath(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } uri => uri.AbsolutePath,
        var uri => uri.OriginalString.Split('?', '#')[0],
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static List<string> Ids(string route) => [.. IdPattern().Matches(route).Select(m => m.Groups[1].Value)];

    private static string Fill(string route, Dictionary<string, Guid> ids) =>
        IdPattern().Replace(route, m => ids[m.Groups[1].Value].ToString());

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"(name=""__RequestVerificationToken""[^>]*?value="")[^""]*")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex(@"\{(\w+):guid\}")]
    private static partial Regex IdPattern();
}

public sealed class SqliteAuthorizationMatrix(SqliteApp app) : AuthorizationMatrix(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuthorizationMatrix(PostgresApp app) : AuthorizationMatrix(app), IClassFixture<PostgresApp>;

/// <summary>One space with everyone of the matrix in their role, and the items the read cases look at.</summary>
internal sealed class MatrixScene
{
    public required Guid SpaceId { get; init; }

    public Dictionary<ItemState, MatrixItem> Items { get; } = [];

    /// <summary>A's breach records, one per item state.</summary>
    public Dictionary<ItemState, MatrixItem> Breaches { get; } = [];

    /// <summary>A's conversations: per item state the one about that state's breach record; for <see cref="ItemState.None"/> one about nothing in particular.</summary>
    public Dictionary<ItemState, MatrixConversation> Conversations { get; } = [];

    /// <summary>A's agreement, signed by A, B and C, with a crossing A recorded and A's private and shared views of it.</summary>
    public MatrixAgreement? Agreement { get; set; }

    /// <summary>A's membership (Alex).</summary>
    public Guid AuthorMembership { get; set; }

    /// <summary>B's membership (Blake).</summary>
    public Guid PartnerMembership { get; set; }

    public Dictionary<ItemState, MatrixItem> ItemsOf(MatrixSubject subject) => subject switch
    {
        MatrixSubject.Breach => Breaches,
        MatrixSubject.Parked => Parked,
        MatrixSubject.Letter => Letters,
        MatrixSubject.Commitment => Commitments,
        MatrixSubject.Question => Questions,
        _ => Items,
    };

    /// <summary>A's letters, commitments (each with a kept day logged) and questions, one per item state.</summary>
    public Dictionary<ItemState, MatrixItem> Letters { get; } = [];

    public Dictionary<ItemState, MatrixItem> Commitments { get; } = [];

    public Dictionary<ItemState, MatrixItem> Questions { get; } = [];

    /// <summary>A's parked items, one per item state (placed on <see cref="PartnersContainer"/> or <see cref="PractitionerContainer"/>; see MatrixWorld.NewParkedAsync).</summary>
    public Dictionary<ItemState, MatrixItem> Parked { get; } = [];

    /// <summary>A planned container of the partners.</summary>
    public Guid PartnersContainer { get; set; }

    /// <summary>A planned container held with the practitioner.</summary>
    public Guid PractitionerContainer { get; set; }

    /// <summary>The container whose agenda a parked item in this state is (or was) on.</summary>
    public Guid ContainerFor(ItemState state) => state is ItemState.SharedWithPractitioner or ItemState.Withdrawn ? PractitionerContainer : PartnersContainer;

    /// <summary>The newcomer's open request to join this space, if they have one.</summary>
    public Guid? NewcomerRequest { get; set; }

    /// <summary>The spare practitioner's membership here, if they are in.</summary>
    public Guid? SparePractitioner { get; set; }
}

/// <summary>
/// The people of the matrix, each with their own signed-in client, and the spaces they are in.
/// Besides the actors there are two helpers nobody asks anything of: a newcomer whose requests to
/// join are approved, declined and withdrawn, and a spare practitioner who is removed.
/// </summary>
internal sealed class MatrixWorld
{
    private static readonly string[] Names = ["a", "b", "c", "p", "q", "x", "o", "w", "n", "s"];
    private readonly KintsugiApp app;
    private int nextAddress;

    private MatrixWorld(KintsugiApp app) => this.app = app;

    public required AppClient Anonymous { get; init; }

    public required AppClient A { get; init; }

    public required AppClient B { get; init; }

    public required AppClient C { get; init; }

    public required AppClient P { get; init; }

    public required AppClient Q { get; init; }

    public required AppClient X { get; init; }

    public required AppClient O { get; init; }

    public required AppClient W { get; init; }

    public required AppClient Newcomer { get; init; }

    public required AppClient Spare { get; init; }

    public Guid OtherSpaceId { get; private set; }

    public MatrixScene Main { get; private set; } = null!;

    public static async Task<MatrixWorld> BuildAsync(KintsugiApp app)
    {
        async Task<AppClient> Person(string who) => (await AppClient.SignedInAsync(app, who)).Client;
        var people = await Task.WhenAll(Names.Select(Person));
        var world = new MatrixWorld(app)
        {
            Anonymous = app.NewClient(),
            A = people[0],
            B = people[1],
            C = people[2],
            P = people[3],
            Q = people[4],
            X = people[5],
            O = people[6],
            W = people[7],
            Newcomer = people[8],
            Spare = people[9],
        };
        await world.P.EnableTwoFactorAsync();
        world.OtherSpaceId = await world.O.CreateSpaceAsync("Elsewhere", "Oakley");
        world.Main = await world.NewSceneAsync(withItems: true);
        return world;
    }

    public AppClient Client(Actor actor) => actor switch
    {
        Actor.Anonymous => Anonymous,
        Actor.Author => A,
        Actor.Partner => B,
        Actor.ThirdPartner => C,
        Actor.Practitioner => P,
        Actor.PractitionerWithoutTwoFactor => Q,
        Actor.ExMember => X,
        Actor.OtherSpace or Actor.OtherSpaceOwnRoute => O,
        Actor.Pending => W,
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };

    public Guid RandomId() => Guid.CreateVersion7(app.Time.GetUtcNow());

    /// <summary>
    /// A space of A's with B and C as partners, P and Q as practitioners, X gone again and W waiting.
    /// With items: A's journal entries and breach records in every item state, a conversation about
    /// each record and one about nothing in particular, A's sealed answer to the decision point and
    /// A's private wish to move on to the next stage.
    /// </summary>
    public async Task<MatrixScene> NewSceneAsync(bool withItems)
    {
        var created = await A.PostJsonAsync("/api/v1/spaces", new { name = AuthorizationMatrixCases.SpaceName, displayName = "Alex", journey = "affair", values = AuthorizationMatrixCases.SpaceValues });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scene = new MatrixScene { SpaceId = (await Responses.JsonAsync(created)).GetProperty("id").GetGuid() };
        await A.TakeSafetyCheckAsync(scene.SpaceId);
        await JoinAsync(B, scene, [A], "Blake");
        await JoinAsync(C, scene, [A, B], "Casey");
        await JoinAsync(P, scene, [A, B, C], "Dr Park", "practitioner");
        await JoinAsync(Q, scene, [A, B, C], "Dr Quinn", "practitioner");
        await JoinAsync(X, scene, [A, B, C], "Xan");
        var left = await X.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/leave", new { keepShared = false });
        Assert.True(left.StatusCode == HttpStatusCode.NoContent, $"the ex-member leaving: {left.StatusCode}\n" + string.Join('\n', app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).TakeLast(3)));
        var code = await A.InviteAsync(scene.SpaceId);
        NewAddress(W);
        await W.RequestToJoinAsync(code, AuthorizationMatrixCases.PendingName);
        var members = (await A.GetJsonAsync($"/api/v1/spaces/{scene.SpaceId}")).GetProperty("members").EnumerateArray().ToList();
        Guid MembershipOf(string name) => members.Single(m => m.GetProperty("displayName").GetString() == name).GetProperty("membershipId").GetGuid();
        scene.AuthorMembership = MembershipOf("Alex");
        scene.PartnerMembership = MembershipOf("Blake");
        if (withItems)
        {
            foreach (var state in AuthorizationMatrixCases.ItemStates)
            {
                scene.Items[state] = await NewItemAsync(scene, state);
                scene.Breaches[state] = await NewBreachAsync(scene, state, withConversation: true);
                scene.Letters[state] = await NewLetterAsync(scene, state);
                scene.Commitments[state] = await NewCommitmentAsync(scene, state);
                scene.Questions[state] = await NewQuestionAsync(scene, state);
            }

            scene.Conversations[ItemState.None] = await NewConversationAsync(scene, breachId: null, withNotes: true);

            scene.PartnersContainer = await NewContainerAsync(scene, withPractitioner: false, running: false);
            scene.PractitionerContainer = await NewContainerAsync(scene, withPractitioner: true, running: false);
            foreach (var state in AuthorizationMatrixCases.ItemStates)
            {
                scene.Parked[state] = await NewParkedAsync(scene, state);
            }

            // A's sealed answer to the decision point (B and C have not answered), and A's private wish to move on.
            Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync($"/api/v1/spaces/{scene.SpaceId}/decision/answer", new { amends = "yes", sureness = "4", path = "continue", note = AuthorizationMatrixCases.DecisionNote })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync($"/api/v1/spaces/{scene.SpaceId}/stage/move", new { to = "attune" })).StatusCode);
            scene.Agreement = await NewAgreementAsync(scene);
            Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync($"/api/v1/spaces/{scene.SpaceId}/plan", new { misunderstandings = AuthorizationMatrixCases.PlanText, version = 0 })).StatusCode);
        }

        return scene;
    }

    public DateTimeOffset Now => app.Time.GetUtcNow();

    /// <summary>An agreement A proposes and A, B and C sign; A records a crossing and writes a private and a shared view of it.</summary>
    public async Task<MatrixAgreement> NewAgreementAsync(MatrixScene scene)
    {
        var agreements = $"/api/v1/spaces/{scene.SpaceId}/agreements";
        var proposed = await A.PostJsonAsync(agreements, new { text = AuthorizationMatrixCases.AgreementText, area = "emotional", consequence = "seekTherapy", reviewOn = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await Responses.JsonAsync(proposed)).GetProperty("id").GetGuid();
        foreach (var partner in new[] { A, B, C })
        {
            Assert.Equal(HttpStatusCode.OK, (await partner.PostJsonAsync($"{agreements}/{id}/signature", new { version = 1 })).StatusCode);
        }

        var crossed = await A.PostJsonAsync($"{agreements}/{id}/crossings", new { note = AuthorizationMatrixCases.CrossingNote, involved = new[] { scene.AuthorMembership } });
        Assert.Equal(HttpStatusCode.Created, crossed.StatusCode);
        var crossingId = (await Responses.JsonAsync(crossed)).GetProperty("id").GetGuid();
        foreach (var (text, audience) in new[] { (AuthorizationMatrixCases.ViewPrivate, "onlyMe"), (AuthorizationMatrixCases.ViewShared, "partners") })
        {
            var view = await A.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/journal", new { text, kind = "examination", crossingId, audience });
            Assert.Equal(HttpStatusCode.Created, view.StatusCode);
        }

        return new MatrixAgreement(id, crossingId, 1, 1);
    }

    public async Task<int> PlanVersionAsync(MatrixScene scene) =>
        (await A.GetJsonAsync($"/api/v1/spaces/{scene.SpaceId}/plan")).GetProperty("version").GetInt32();

    /// <summary>An item of A's in the given state: a journal entry or a breach record.</summary>
    public Task<MatrixItem> NewItemAsync(MatrixScene scene, ItemState state, MatrixSubject subject) =>
        subject switch
        {
            MatrixSubject.Breach => NewBreachAsync(scene, state, withConversation: false),
            MatrixSubject.Parked => NewParkedAsync(scene, state),
            MatrixSubject.Letter => NewLetterAsync(scene, state),
            MatrixSubject.Commitment => NewCommitmentAsync(scene, state),
            MatrixSubject.Question => NewQuestionAsync(scene, state),
            _ => NewItemAsync(scene, state),
        };

    /// <summary>A container A plans (with the practitioner or not; started or not); returns its id.</summary>
    public async Task<Guid> NewContainerAsync(MatrixScene scene, bool withPractitioner, bool running)
    {
        var at = Now.AddDays(20).ToString("yyyy-MM-dd'T'18:00", System.Globalization.CultureInfo.InvariantCulture);
        var planned = await A.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/containers", new { at, minutes = 60, withPractitioner, timeZone = "UTC" });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var id = (await Responses.JsonAsync(planned)).GetProperty("id").GetGuid();
        if (running)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await A.PutJsonAsync($"/api/v1/spaces/{scene.SpaceId}/containers/{id}/started", new { })).StatusCode);
        }

        return id;
    }

    /// <summary>
    /// Something A parked, in the given state: private; on the partners' container; on the container
    /// with the practitioner; put there, reworded and taken off again (withdrawn); put on the partners' container and deleted.
    /// </summary>
    public async Task<MatrixItem> NewParkedAsync(MatrixScene scene, ItemState state)
    {
        var tag = $"matrix-parked-{state}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var (first, second) = (tag + "-first", tag + "-second");
        var parked = $"/api/v1/spaces/{scene.SpaceId}/parked";
        var created = await A.PostJsonAsync(parked, new { text = first });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Responses.JsonAsync(created)).GetProperty("id").GetGuid();
        if (state == ItemState.Private)
        {
            return new MatrixItem(id, state, first, [first], 1);
        }

        Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync($"{parked}/{id}/agenda", new { containerId = scene.ContainerFor(state) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await A.PutJsonAsync($"{parked}/{id}", new { text = second })).StatusCode);
        if (state == ItemState.Withdrawn)
        {
            Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync($"{parked}/{id}/agenda", new { containerId = (Guid?)null })).StatusCode);
        }
        else if (state == ItemState.Deleted)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await A.Http.DeleteAsync($"{parked}/{id}")).StatusCode);
        }

        return new MatrixItem(id, state, second, [first, second], 1);
    }


    private static string AudienceOf(ItemState state) => state switch
    {
        ItemState.Private => "onlyMe",
        ItemState.SharedWithPartners or ItemState.Deleted => "partners",
        _ => "partnersAndPractitioner",
    };

    /// <summary>
    /// A letter of A's in the given state. A private draft comes first (only A may ever read it, in any
    /// state); the letter is shared with what its next draft says, then rewritten, so that a reader
    /// has an earlier wording too; then withdrawn or deleted.
    /// </summary>
    public async Task<MatrixItem> NewLetterAsync(MatrixScene scene, ItemState state)
    {
        var tag = $"matrix-letter-{state}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var (draft, first, second) = (tag + "-draft", tag + "-first", tag + "-second");
        var letters = $"/api/v1/spaces/{scene.SpaceId}/letters";
        var created = await A.PostJsonAsync(letters, new { text = draft });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Responses.JsonAsync(created)).GetProperty("id").GetGuid();
        var letter = $"{letters}/{id}";
        if (state == ItemState.Private)
        {
            return new MatrixItem(id, state, draft, [draft], 1);
        }

        Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(letter, new { text = first, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(letter + "/audience", new { audience = AudienceOf(state) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(letter, new { text = second, version = 3 })).StatusCode);
        var version = 4;
        if (state == ItemState.Withdrawn)
        {
            Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(letter + "/audience", new { audience = "onlyMe" })).StatusCode);
            version = 5;
        }
        else if (state == ItemState.Deleted)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await A.Http.DeleteAsync(letter)).StatusCode);
        }

        return new MatrixItem(id, state, second, [draft, first, second], version, AuthorOnly: [draft]);
    }

    /// <summary>
    /// A commitment of A's in the given state, with a kept day logged (with a note) that nobody has
    /// noticed yet; reworded while shared; then withdrawn or deleted.
    /// </summary>
    public async Task<MatrixItem> NewCommitmentAsync(MatrixScene scene, ItemState state)
    {
        var tag = $"matrix-commitment-{state}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var (first, second, note) = (tag + "-first", tag + "-second", tag + "-note");
        var commitments = $"/api/v1/spaces/{scene.SpaceId}/commitments";
        var created = await A.PostJsonAsync(commitments, new { what = first, howOften = "daily", audience = AudienceOf(state) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Responses.JsonAsync(created)).GetProperty("id").GetGuid();
        var commitment = $"{commitments}/{id}";
        var logged = await A.PostJsonAsync(commitment + "/log", new { day = DateOnly.FromDateTime(Now.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kept = true, note });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var line = (await Responses.JsonAsync(logged)).GetProperty("id").GetGuid();
        if (state == ItemState.Private)
        {
            return new MatrixItem(id, state, first, [first, note], 2, line);
        }

        // Logging the day raised the version to 2 (a log line is sealed under the commitment's key).
        Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(commitment, new { what = second, howOften = "daily", version = 2 })).StatusCode);
        var version = 3;
        if (state == ItemState.Withdrawn)
        {
            Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(commitment + "/audience", new { audience = "onlyMe" })).StatusCode);
            version = 4;
        }
        else if (state == ItemState.Deleted)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await A.Http.DeleteAsync(commitment)).StatusCode);
        }

        return new MatrixItem(id, state, second, [first, second, note], version, line);
    }

    /// <summary>
    /// A question of A's in the given state; B has answered the ones shared with them. A question cannot
    /// be withdrawn: in that state it is one A kept to themself. Deleted: shared, then taken back unanswered.
    /// </summary>
    public async Task<MatrixItem> NewQuestionAsync(MatrixScene scene, ItemState state)
    {
        var tag = $"matrix-question-{state}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var (text, answer) = (tag + "-text", tag + "-answer");
        var questions = $"/api/v1/spaces/{scene.SpaceId}/questions";
        var audience = state == ItemState.Withdrawn ? "onlyMe" : AudienceOf(state);
        var created = await A.PostJsonAsync(questions, new { text, audience });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Responses.JsonAsync(created)).GetProperty("id").GetGuid();
        switch (state)
        {
            case ItemState.SharedWithPartners or ItemState.SharedWithPractitioner:
                Assert.Equal(HttpStatusCode.OK, (await B.PutJsonAsync($"{questions}/{id}/answer", new { text = answer, version = 0 })).StatusCode);
                return new MatrixItem(id, state, text, [text, answer], 1);
            case ItemState.Deleted:
                Assert.Equal(HttpStatusCode.NoContent, (await A.Http.DeleteAsync($"{questions}/{id}")).StatusCode);
                break;
        }

        return new MatrixItem(id, state, text, [text], 0);
    }

    /// <summary>
    /// A breach record of A's in the given state, with texts found nowhere else: A caused harm, B was
    /// hurt; A's own account of it is linked, shared with partners and practitioner (withdrawn with
    /// the record). With a conversation: A starts one about it (stored in the scene) before it is withdrawn or deleted.
    /// </summary>
    public async Task<MatrixItem> NewBreachAsync(MatrixScene scene, ItemState state, bool withConversation)
    {
        var tag = $"matrix-breach-{state}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var (first, second, other) = (tag + "-first", tag + "-second", tag + "-other");
        var audience = state switch
        {
            ItemState.Private => "onlyMe",
            ItemState.SharedWithPartners or ItemState.Deleted => "partners",
            _ => "partnersAndPractitioner",
        };
        object[] people = [new { membershipId = scene.AuthorMembership, role = "causedHarm" }, new { membershipId = scene.PartnerMembership, role = "hurt" }];
        string[] kinds = ["broken-word", "other"];
        var breaches = $"/api/v1/spaces/{scene.SpaceId}/breaches";
        var created = await A.PostJsonAsync(breaches, new { title = first, kinds, otherKind = other, people, audience });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Responses.JsonAsync(created)).GetProperty("id").GetGuid();
        var breach = $"{breaches}/{id}";

        var written = await A.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/journal", new { text = tag + "-account", kind = "account", breachId = id, audience = "partnersAndPractitioner" });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var account = (await Responses.JsonAsync(written)).GetProperty("id").GetGuid();
        if (withConversation)
        {
            scene.Conversations[state] = await NewConversationAsync(scene, id, withNotes: true);
        }

        if (state == ItemState.Private)
        {
            return new MatrixItem(id, state, first, [first, other], 1);
        }

        // Corrected while shared, so that an earlier title exists too.
        Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(breach, new { title = second, kinds, otherKind = other, people, version = 1 })).StatusCode);
        var version = 2;
        if (state == ItemState.Withdrawn)
        {
            Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(breach + "/audience", new { audience = "onlyMe" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await A.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/journal/{account}/withdraw")).StatusCode);
            version = 3;
        }
        else if (state == ItemState.Deleted)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await A.Http.DeleteAsync(breach)).StatusCode);
        }

        return new MatrixItem(id, state, second, [first, second, other], version);
    }

    /// <summary>
    /// A conversation A starts (about a breach record of A's, or nothing): B has the floor, A writes back
    /// what they heard and B corrects it, A saves the next steps and schedules the next one. With notes:
    /// A's private note and A's note shared with the partners.
    /// </summary>
    public async Task<MatrixConversation> NewConversationAsync(MatrixScene scene, Guid? breachId, bool withNotes)
    {
        var started = await A.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/conversations", new { breachId });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await Responses.JsonAsync(started)).GetProperty("id").GetGuid();
        var conversation = $"/api/v1/spaces/{scene.SpaceId}/conversations/{id}";
        Assert.Equal(HttpStatusCode.NoContent, (await A.PutJsonAsync(conversation + "/speaker", new { speaker = scene.PartnerMembership })).StatusCode);
        var heard = await A.PostJsonAsync(conversation + "/reflections", new { text = AuthorizationMatrixCases.Heard });
        Assert.Equal(HttpStatusCode.Created, heard.StatusCode);
        var reflection = (await Responses.JsonAsync(heard)).GetProperty("id").GetGuid();
        if (withNotes)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await B.PutJsonAsync($"{conversation}/reflections/{reflection}", new { confirmed = false, correction = AuthorizationMatrixCases.Correction })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(conversation + "/next-steps", new { text = AuthorizationMatrixCases.NextSteps, version = 1 })).StatusCode);
        var at = Now.AddDays(30).ToString("yyyy-MM-dd'T'19:00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await A.PutJsonAsync(conversation + "/schedule", new { at, minutes = 60 })).StatusCode);
        if (withNotes)
        {
            foreach (var (text, audience) in new[] { (AuthorizationMatrixCases.NotePrivate, "onlyMe"), (AuthorizationMatrixCases.NoteShared, "partners") })
            {
                var note = await A.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/journal", new { text, kind = "note", conversationId = id, audience });
                Assert.Equal(HttpStatusCode.Created, note.StatusCode);
            }
        }

        return new MatrixConversation(id, reflection, 2);
    }

    /// <summary>An entry of A's in the given state, with texts found nowhere else.</summary>
    public async Task<MatrixItem> NewItemAsync(MatrixScene scene, ItemState state)
    {
        var tag = $"matrix-{state}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var (first, second) = (tag + "-first", tag + "-second");
        var audience = state switch
        {
            ItemState.Private => "onlyMe",
            ItemState.SharedWithPartners or ItemState.Deleted => "partners",
            _ => "partnersAndPractitioner",
        };
        var id = await A.WriteEntryAsync(scene.SpaceId, first, audience);
        if (state == ItemState.Private)
        {
            return new MatrixItem(id, state, first, [first], 1);
        }

        // Edited while shared, so that an earlier wording exists too.
        var entry = $"/api/v1/spaces/{scene.SpaceId}/journal/{id}";
        Assert.Equal(HttpStatusCode.OK, (await A.Http.PutAsJsonAsync(entry, new { text = second, version = 1 })).StatusCode);
        var version = 2;
        if (state == ItemState.Withdrawn)
        {
            Assert.Equal(HttpStatusCode.OK, (await A.PostJsonAsync(entry + "/withdraw")).StatusCode);
            version = 3;
        }
        else if (state == ItemState.Deleted)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await A.Http.DeleteAsync(entry)).StatusCode);
        }

        return new MatrixItem(id, state, second, [first, second], version);
    }

    /// <summary>A new open invite of A's.</summary>
    public async Task<Guid> NewInviteAsync(MatrixScene scene)
    {
        var response = await A.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/invites", new { role = "partner" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A new request to join from the newcomer, nobody's approval on it yet (their earlier one is withdrawn first).</summary>
    public async Task<Guid> NewJoinRequestAsync(MatrixScene scene)
    {
        if (scene.NewcomerRequest is { } old)
        {
            // 204, or 404 if a partner declined it.
            var withdrawn = await Newcomer.Http.DeleteAsync($"/api/v1/spaces/requests/{old}");
            Assert.True(withdrawn.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"withdrawing the newcomer's request: {withdrawn.StatusCode}");
        }

        var code = await A.InviteAsync(scene.SpaceId);
        NewAddress(Newcomer);
        var id = await Newcomer.RequestToJoinAsync(code, "Newcomer");
        scene.NewcomerRequest = id;
        return id;
    }

    /// <summary>The spare practitioner, freshly let in by every partner; returns their membership id.</summary>
    public async Task<Guid> NewPractitionerAsync(MatrixScene scene)
    {
        if (scene.SparePractitioner is not null)
        {
            // 204, or 404 if a partner removed them.
            var left = await Spare.PostJsonAsync($"/api/v1/spaces/{scene.SpaceId}/leave", new { keepShared = false });
            Assert.True(left.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"the spare practitioner leaving: {left.StatusCode}");
        }

        var code = await A.InviteAsync(scene.SpaceId, "practitioner");
        NewAddress(Spare);
        var id = await Spare.RequestToJoinAsync(code, "Dr Spare");
        Assert.False(await A.ApproveAsync(scene.SpaceId, id));
        Assert.False(await B.ApproveAsync(scene.SpaceId, id));
        Assert.True(await C.ApproveAsync(scene.SpaceId, id));
        scene.SparePractitioner = id;
        return id;
    }

    public async Task<int> SpaceVersionAsync(MatrixScene scene)
    {
        var response = await A.GetAsync($"/api/v1/spaces/{scene.SpaceId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Responses.JsonAsync(response)).GetProperty("version").GetInt32();
    }

    /// <summary>What A sees at a path: status, type and body.</summary>
    public async Task<string> ObserveAsAuthorAsync(string path)
    {
        using var response = await A.GetAsync(path);
        return await Responses.ObservableAsync(response);
    }

    private async Task JoinAsync(AppClient newcomer, MatrixScene scene, IReadOnlyList<AppClient> partners, string name, string role = "partner")
    {
        NewAddress(newcomer);
        await newcomer.JoinAsync(scene.SpaceId, partners, name, role);
    }

    /// <summary>
    /// Invite codes are used from a new client address each time: the matrix uses far more of them
    /// than the per-address limit on that endpoint allows, and the limit is not what it tests.
    /// </summary>
    private void NewAddress(AppClient client)
    {
        var headers = client.Http.DefaultRequestHeaders;
        headers.Remove(ClientAddress.Header);
        var n = Interlocked.Increment(ref nextAddress);
        headers.Add(ClientAddress.Header, $"172.{16 + (n / 62500 % 16)}.{n / 250 % 250}.{(n % 250) + 1}");
    }
}
