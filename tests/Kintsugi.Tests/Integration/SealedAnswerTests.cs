using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// The headline bar of the decision point (PRODUCT.md, sealed answers; SECURITY.md A4): until every
/// partner has answered, nothing anyone else receives depends on whether, how or when a partner
/// answered. Two worlds are built step by step at the same moments on the test clock, differing only
/// in that in the first one partner (or two) answered; everyone else's answers and pages, headers
/// included, must then be byte for byte the same once ids, times, antiforgery tokens and CSP nonces
/// are replaced by the order they first appear in.
/// </summary>
public abstract partial class SealedAnswerTests(KintsugiApp app)
{
    [Fact]
    public async Task Nobody_else_can_tell_from_any_answer_or_page_whether_a_partner_has_answered()
    {
        var compared = 0;
        var differences = new List<string>();

        void Compare(string scenario, IReadOnlyList<(string Label, string Seen)>[] seen)
        {
            Assert.Equal(seen[0].Count, seen[1].Count);
            var (answered, notAnswered) = (Normalise(seen[0]), Normalise(seen[1]));
            for (var i = 0; i < answered.Count; i++)
            {
                compared++;
                if (answered[i].Seen != notAnswered[i].Seen)
                {
                    differences.Add($"{scenario}, {answered[i].Label}:\n{FirstDifference(answered[i].Seen, notAnswered[i].Seen)}");
                }
            }
        }

        // Two partners: Alex answered, or not. Sam and Dr Lee look at everything they can.
        var two = await BuildAsync(withKit: false, withLee: true);
        await InBothAsync([two[0]], w => w.Alex.AnswerAsync(w.SpaceId, new { amends = "yes", release = "unsure", sureness = "4", path = "continue", note = "Sealed words from Alex." }));
        Assert.Equal(("waiting", "open"), ((await two[0].Alex.DecisionAsync(two[0].SpaceId)).State(), (await two[1].Alex.DecisionAsync(two[1].SpaceId)).State()));
        Compare("two partners, Sam", await InEachAsync(two, w => ObserveAllAsync(w.Sam, w.SpaceId)));
        Compare("two partners, Dr Lee", await InEachAsync(two, w => ObserveAllAsync(w.Lee!, w.SpaceId)));

        // Three partners: Alex and Kit answered, or not. Sam looks.
        var three = await BuildAsync(withKit: true, withLee: false);
        await InBothAsync([three[0]], w => w.Alex.AnswerAsync(w.SpaceId, new { amends = "no" }));
        await InBothAsync([three[0]], w => w.Kit!.AnswerAsync(w.SpaceId, new { }));
        Compare("three partners, Sam", await InEachAsync(three, w => ObserveAllAsync(w.Sam, w.SpaceId)));

        // Three partners, only Alex answered or not: Sam answers through the page's form, then changes the
        // answer through the API, and neither what Sam nor what Kit then sees tells the worlds apart.
        var sealedStill = await BuildAsync(withKit: true, withLee: false);
        await InBothAsync([sealedStill[0]], w => w.Alex.AnswerAsync(w.SpaceId, new { amends = "yes" }));
        var answering = await InEachAsync(sealedStill, async w =>
        {
            var page = $"/spaces/{w.SpaceId}/decision";
            List<(string, string)> seen =
            [
                ("POST " + page, await ObserveAsync(await w.Sam.SubmitAsync(page, "decision-answer", new Dictionary<string, string> { ["Input.Amends"] = "unsure", ["Input.Note"] = "Sam's sealed words." }))),
                ("PUT decision/answer", await ObserveAsync(await w.Sam.TryAnswerAsync(w.SpaceId, new { amends = "yes", path = "pause" }))),
            ];
            seen.AddRange(await ObserveAllAsync(w.Sam, w.SpaceId));
            return seen;
        });
        Compare("three partners, Sam answering", answering);
        Compare("three partners, Kit", await InEachAsync(sealedStill, w => ObserveAllAsync(w.Kit!, w.SpaceId)));
        Assert.Equal(("waiting", "waiting"), ((await sealedStill[0].Sam.DecisionAsync(sealedStill[0].SpaceId)).State(), (await sealedStill[1].Sam.DecisionAsync(sealedStill[1].SpaceId)).State()));

        var database = app.Provider == "Postgres" ? "PostgreSQL" : "SQLite";
        TestReport.Write($"sealed answers: {compared} responses compared, {differences.Count} differ ({database})");
        Assert.True(differences.Count == 0, $"{differences.Count} of {compared} responses differ:\n\n" + string.Join("\n\n", differences));

        // Control: the worlds really differ, and the last answer opens everything at once.
        Assert.Equal("revealed", (await two[0].Sam.AnswerAsync(two[0].SpaceId, new { amends = "unsure" })).State());
        Assert.Equal("waiting", (await two[1].Sam.AnswerAsync(two[1].SpaceId, new { amends = "unsure" })).State());
        Assert.Equal("revealed", (await three[0].Sam.AnswerAsync(three[0].SpaceId, new { })).State());
        Assert.Contains("Sealed words from Alex.", await two[0].Sam.PageAsync($"/spaces/{two[0].SpaceId}/decision"), StringComparison.Ordinal);
    }

    /// <summary>Two worlds with the same people, space and shared content, each step at the same moment in both.</summary>
    private async Task<World[]> BuildAsync(bool withKit, bool withLee)
    {
        World[] worlds = [new(), new()];
        await InBothAsync(worlds, async w =>
        {
            (w.Alex, _) = await AppClient.SignedInAsync(app, "alex");
            (w.Sam, _) = await AppClient.SignedInAsync(app, "sam");
            w.Kit = withKit ? (await AppClient.SignedInAsync(app, "kit")).Client : null;
            if (withLee)
            {
                (w.Lee, _) = await AppClient.SignedInAsync(app, "lee");
                await w.Lee.EnableTwoFactorAsync();
            }

            w.SpaceId = await w.Alex.CreateSpaceAsync("Us");
        });
        await InBothAsync(worlds, w => w.Sam.JoinAsync(w.SpaceId, [w.Alex], "Sam"));
        if (withKit)
        {
            await InBothAsync(worlds, w => w.Kit!.JoinAsync(w.SpaceId, [w.Alex, w.Sam], "Kit"));
        }

        if (withLee)
        {
            await InBothAsync(worlds, w => w.Lee!.JoinAsync(w.SpaceId, [w.Alex, w.Sam], "Dr Lee", "practitioner"));
        }

        // Something shared in both worlds, so that the pages and lists have content to differ in.
        await InBothAsync(worlds, async w =>
        {
            var samId = await w.Alex.MembershipIdAsync(w.SpaceId, "Sam");
            var breach = await w.Alex.RecordBreachAsync(w.SpaceId, new { title = "The autumn", audience = "partnersAndPractitioner", people = new[] { new { membershipId = samId, role = "hurt" } } });
            await w.Alex.WriteLinkedAsync(w.SpaceId, "Alex's account of the autumn.", "account", breachId: breach, audience: "partnersAndPractitioner");
            await w.Alex.StartConversationAsync(w.SpaceId, breach);
            await w.Alex.MoveStageAsync(w.SpaceId, "attune");
        });
        return worlds;
    }

    /// <summary>Everything one person can ask about the space that the decision point could show through.</summary>
    private static async Task<List<(string Label, string Seen)>> ObserveAllAsync(AppClient client, Guid spaceId)
    {
        var api = $"/api/v1/spaces/{spaceId}";
        var seen = new List<(string, string)>();
        foreach (var path in new[]
                 {
                     api + "/decision", api + "/where-we-are", api + "/stage", api, api + "/journal", "/api/v1/spaces",
                     api + "/breaches", api + "/conversations",
                     $"/spaces/{spaceId}", $"/spaces/{spaceId}/decision", $"/spaces/{spaceId}/stages", $"/spaces/{spaceId}/journal", "/spaces",
                 })
        {
            seen.Add(("GET " + path, await ObserveAsync(await client.GetAsync(path))));
        }

        // Asking for a new round is refused in both worlds, in the same words.
        seen.Add(("POST decision/rounds", await ObserveAsync(await client.PostJsonAsync(api + "/decision/rounds"))));
        return seen;
    }

    /// <summary>Status, every header (cookies by name only) and the body with its length: all an observer could compare.</summary>
    private static async Task<string> ObserveAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)
                ? $"{h.Key}: {string.Join("; ", h.Value.Select(c => c.Split('=')[0]).Order(StringComparer.Ordinal))}"
                : $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.OrdinalIgnoreCase);
        return $"{(int)response.StatusCode}\n{string.Join('\n', headers)}\nbody bytes: {body.Length}\n\n{Encoding.UTF8.GetString(body)}";
    }

    /// <summary>
    /// Per-request values are blanked (trace ids, antiforgery tokens, CSP nonces); ids and times, which
    /// differ between worlds by construction, become the order they first appear in, so that whether the
    /// same id or time comes back where it did is still compared.
    /// </summary>
    private static List<(string Label, string Seen)> Normalise(IReadOnlyList<(string Label, string Seen)> seen)
    {
        var tokens = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string Token(string kind, string value) => tokens.TryGetValue(value, out var t) ? t : tokens[value] = $"{kind}{tokens.Count}";
        return
        [
            .. seen.Select(s =>
            {
                var text = TraceId().Replace(s.Seen, "\"traceId\":\"\"");
                text = Antiforgery().Replace(text, "name=\"__RequestVerificationToken\" value=\"\"");
                text = Nonce().Replace(text, "nonce=\"\"");
                text = CspNonce().Replace(text, "'nonce-'");

                // Blazor's InputRadio writes checked="a" or checked="b", alternating with each render so that a browser
                // re-applies it; how often a page renders depends on I/O timing (it varies on PostgreSQL), not on data.
                text = RadioChecked().Replace(text, "checked");
                text = Id().Replace(text, m => Token("id", m.Value));
                text = CompactId().Replace(text, m => Token("id", m.Value));
                text = Time().Replace(text, m => Token("time", m.Value));
                return (s.Label, text);
            }),
        ];
    }

    private static string FirstDifference(string a, string b)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 200);
        return $"  answered:     …{a[from..Math.Min(a.Length, at + 200)]}…\n  not answered: …{b[from..Math.Min(b.Length, at + 200)]}…";
    }

    /// <summary>Runs one step in each world at the same moment on the test clock, then lets a minute pass.</summary>
    private async Task InBothAsync(IEnumerable<World> worlds, Func<World, Task> step)
    {
        foreach (var world in worlds)
        {
            await step(world);
        }

        app.Time.Advance(TimeSpan.FromMinutes(1));
    }

    /// <summary>The same observations in each world, at the same moment on the test clock.</summary>
    private static async Task<IReadOnlyList<(string Label, string Seen)>[]> InEachAsync(World[] worlds, Func<World, Task<List<(string Label, string Seen)>>> observe) =>
        [await observe(worlds[0]), await observe(worlds[1])];

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]*\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("'nonce-[^']*'")]
    private static partial Regex CspNonce();

    [GeneratedRegex("checked=\"[ab]\"")]
    private static partial Regex RadioChecked();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Id();

    [GeneratedRegex(@"\b[0-9a-f]{32}\b")]
    private static partial Regex CompactId();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Time();

    private sealed class World
    {
        public AppClient Alex { get; set; } = null!;

        public AppClient Sam { get; set; } = null!;

        public AppClient? Kit { get; set; }

        public AppClient? Lee { get; set; }

        public Guid SpaceId { get; set; }
    }
}

public sealed class SqliteSealedAnswerTests(SqliteApp app) : SealedAnswerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSealedAnswerTests(PostgresApp app) : SealedAnswerTests(app), IClassFixture<PostgresApp>;
