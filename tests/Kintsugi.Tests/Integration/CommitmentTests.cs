using System.Net;
using System.Text;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// Repair commitments (issue 5, part 3): what its author will do and how often, a log only its author
/// keeps (never monitoring), an "I noticed" only the others can give, and follow-through week by week;
/// content under the visibility policy like any other (SECURITY.md A3, A4), without lost updates (F3).
/// </summary>
public abstract class CommitmentTests(KintsugiApp app)
{
    private const string LateWork = "I will tell you when I'm working late, before six.";

    [Fact]
    public async Task A_shared_commitment_its_own_log_and_an_I_noticed_from_the_other_partner()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var today = AtoneSteps.Today(app);
        var id = await alex.MakeCommitmentAsync(spaceId, "  " + LateWork + "  ", "eachTime", "partners");

        var kept = await alex.LogAsync(spaceId, id, today, kept: true, note: "Texted at five.");
        var missed = await alex.LogAsync(spaceId, id, today.AddDays(-1), kept: false, note: "  I forgot; I told you at dinner.  ");

        var seen = await sam.CommitmentAsync(spaceId, id);
        Assert.Equal((LateWork, "eachTime", "Each time it comes up", "Alex", false, "partners", 0, false), (seen.GetProperty("what").GetString(), seen.GetProperty("howOften").GetString(), seen.GetProperty("howOftenLabel").GetString(), seen.GetProperty("author").GetString(), seen.GetProperty("mine").GetBoolean(), seen.GetProperty("audience").GetString(), seen.GetProperty("version").GetInt32(), seen.GetProperty("ended").GetBoolean()));
        Assert.Equal(
            [(kept, AtoneSteps.Day(today), true, "Texted at five."), (missed, AtoneSteps.Day(today.AddDays(-1)), false, "I forgot; I told you at dinner.")],
            seen.GetProperty("log").EnumerateArray().Select(l => (l.GetProperty("id").GetGuid(), l.GetProperty("day").GetString(), l.GetProperty("kept").GetBoolean(), l.GetProperty("note").GetString())));
        Assert.All(seen.GetProperty("log").EnumerateArray(), l => Assert.Equal(0, l.GetProperty("noticedBy").GetArrayLength()));

        // Sam noticed the kept day; Alex reads it by name, Sam as their own.
        var noticed = await sam.TryNoticeAsync(spaceId, id, kept);
        Assert.Equal(HttpStatusCode.OK, noticed.StatusCode);
        Assert.True((await Responses.JsonAsync(noticed)).GetProperty("noticed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await sam.TryNoticeAsync(spaceId, id, kept)).StatusCode); // twice is still once

        var own = await alex.CommitmentAsync(spaceId, id);
        var line = own.GetProperty("log").EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == kept);
        Assert.Equal(("Sam", false), (string.Join(", ", line.GetProperty("noticedBy").EnumerateArray().Select(n => n.GetString())), line.GetProperty("noticedByMe").GetBoolean()));
        var samLine = (await sam.CommitmentAsync(spaceId, id)).GetProperty("log").EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == kept);
        Assert.Equal(("You", true), (string.Join(", ", samLine.GetProperty("noticedBy").EnumerateArray().Select(n => n.GetString())), samLine.GetProperty("noticedByMe").GetBoolean()));

        // Week by week: one day kept (noticed), one not.
        var weeks = own.GetProperty("weeks").EnumerateArray().ToList();
        Assert.NotEmpty(weeks);
        Assert.Equal((1, 1, 1), (weeks.Sum(w => w.GetProperty("kept").GetInt32()), weeks.Sum(w => w.GetProperty("notKept").GetInt32()), weeks.Sum(w => w.GetProperty("noticed").GetInt32())));
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(w.GetProperty("monday").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek));

        // Taken back, the "I noticed" is gone.
        Assert.Equal(HttpStatusCode.OK, (await sam.TryNoticeAsync(spaceId, id, kept, noticed: false)).StatusCode);
        Assert.All((await alex.CommitmentAsync(spaceId, id)).GetProperty("log").EnumerateArray(), l => Assert.Equal(0, l.GetProperty("noticedBy").GetArrayLength()));
        Assert.Equal([LateWork], await sam.CommitmentWhatsAsync(spaceId));
    }

    [Fact]
    public async Task Only_others_who_can_read_it_notice_and_only_a_kept_day()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var today = AtoneSteps.Today(app);
        var id = await alex.MakeCommitmentAsync(spaceId, LateWork, "daily", "partnersAndPractitioner");
        var kept = await alex.LogAsync(spaceId, id, today, kept: true);
        var missed = await alex.LogAsync(spaceId, id, today.AddDays(-1), kept: false);

        var own = await alex.TryNoticeAsync(spaceId, id, kept);
        await SpaceSteps.AssertProblemAsync(own, HttpStatusCode.BadRequest);
        Assert.NotEmpty(await Responses.ErrorsForAsync(own, "noticed"));

        var notKept = await sam.TryNoticeAsync(spaceId, id, missed);
        await SpaceSteps.AssertProblemAsync(notKept, HttpStatusCode.BadRequest);
        Assert.NotEmpty(await Responses.ErrorsForAsync(notKept, "noticed"));

        // The practitioner reads it, but "I noticed" is between the partners.
        Assert.Equal(2, (await lee.CommitmentAsync(spaceId, id)).GetProperty("log").GetArrayLength());
        await SpaceSteps.AssertProblemAsync(await lee.TryNoticeAsync(spaceId, id, kept), HttpStatusCode.NotFound);

        // A line of a private commitment is not found, like one that does not exist.
        var secret = await alex.MakeCommitmentAsync(spaceId, "A private commitment.");
        var secretLine = await alex.LogAsync(spaceId, secret, today, kept: true);
        var hidden = await sam.TryNoticeAsync(spaceId, secret, secretLine);
        await SpaceSteps.AssertProblemAsync(hidden, HttpStatusCode.NotFound);
        Assert.Equal(await Responses.ObservableAsync(await sam.TryNoticeAsync(spaceId, secret, SpaceSteps.UnknownId(app))), await Responses.ObservableAsync(hidden));
        // Nor does a line id from another commitment work under this one.
        await SpaceSteps.AssertProblemAsync(await sam.TryNoticeAsync(spaceId, id, secretLine), HttpStatusCode.NotFound);

        Assert.All((await alex.CommitmentAsync(spaceId, id)).GetProperty("log").EnumerateArray(), l => Assert.Equal(0, l.GetProperty("noticedBy").GetArrayLength()));
        Assert.All((await alex.CommitmentAsync(spaceId, secret)).GetProperty("log").EnumerateArray(), l => Assert.Equal(0, l.GetProperty("noticedBy").GetArrayLength()));
    }

    [Fact]
    public async Task Only_the_author_logs_removes_log_lines_rewords_shares_ends_or_deletes()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await kim.CreateSpaceAsync("Kim's space", "Kim");
        var today = AtoneSteps.Today(app);
        var id = await alex.MakeCommitmentAsync(spaceId, LateWork, "weekly", "partnersAndPractitioner");
        var line = await alex.LogAsync(spaceId, id, today, kept: true, note: "Alex's own note.");
        var path = AtoneSteps.Commitment(spaceId, id);

        foreach (var other in new[] { sam, lee, kim })
        {
            foreach (var response in new[]
                     {
                         await other.TryLogAsync(spaceId, id, new { day = AtoneSteps.Day(today), kept = false, note = "Logged by someone else." }),
                         await other.DeleteAsync($"{path}/log/{line}"),
                         await other.PutJsonAsync(path, new { what = "Reworded by someone else.", howOften = "daily", version = 1 }),
                         await other.PutJsonAsync(path + "/audience", new { audience = "onlyMe" }),
                         await other.PutJsonAsync(path + "/ended", new { ended = true }),
                         await other.DeleteAsync(path),
                     })
            {
                await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
            }
        }

        await SpaceSteps.AssertProblemAsync(await kim.GetAsync(path), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await kim.GetAsync(AtoneSteps.Commitments(spaceId)), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await kim.TryNoticeAsync(spaceId, id, line), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await lee.TryMakeCommitmentAsync(spaceId, new { what = "The practitioner's commitment.", howOften = "daily" }), HttpStatusCode.NotFound);

        var own = await alex.CommitmentAsync(spaceId, id);
        // Version 2: Alex's own log line raised it; nobody else's attempt changed anything.
        Assert.Equal((LateWork, "weekly", "partnersAndPractitioner", 2, false), (own.GetProperty("what").GetString(), own.GetProperty("howOften").GetString(), own.GetProperty("audience").GetString(), own.GetProperty("version").GetInt32(), own.GetProperty("ended").GetBoolean()));
        Assert.Equal(["Alex's own note."], own.GetProperty("log").EnumerateArray().Select(l => l.GetProperty("note").GetString()));

        // The author can do all of it.
        Assert.Equal(HttpStatusCode.NoContent, (await alex.DeleteAsync($"{path}/log/{line}")).StatusCode);
        Assert.Equal(0, (await sam.CommitmentAsync(spaceId, id)).GetProperty("log").GetArrayLength());
        var ended = await alex.PutJsonAsync(path + "/ended", new { ended = true });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.True((await sam.CommitmentAsync(spaceId, id)).GetProperty("ended").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await alex.DeleteAsync(path)).StatusCode);
        await SpaceSteps.AssertProblemAsync(await sam.GetAsync(path), HttpStatusCode.NotFound);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.FollowThroughs.AnyAsync(f => f.CommitmentId == id));
    }

    [Fact]
    public async Task A_private_commitment_is_not_found_by_anyone_else_and_the_practitioner_reads_only_what_is_shared_with_them()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var secret = await alex.MakeCommitmentAsync(spaceId, "Alex's private commitment.");
        await alex.LogAsync(spaceId, secret, AtoneSteps.Today(app), kept: true, note: "A private note.");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var partners = await alex.MakeCommitmentAsync(spaceId, "For the partners.", audience: "partners");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var everyone = await alex.MakeCommitmentAsync(spaceId, "For the partners and Dr Lee.", audience: "partnersAndPractitioner");

        Assert.Equal(["Alex's private commitment.", "For the partners.", "For the partners and Dr Lee."], await alex.CommitmentWhatsAsync(spaceId));
        Assert.Equal(["For the partners.", "For the partners and Dr Lee."], await sam.CommitmentWhatsAsync(spaceId));
        Assert.Equal(["For the partners and Dr Lee."], await lee.CommitmentWhatsAsync(spaceId));

        var unknown = SpaceSteps.UnknownId(app);
        foreach (var (reader, id) in new[] { (sam, secret), (lee, secret), (lee, partners) })
        {
            var hidden = await reader.GetAsync(AtoneSteps.Commitment(spaceId, id));
            await SpaceSteps.AssertProblemAsync(hidden, HttpStatusCode.NotFound);
            Assert.Equal(await Responses.ObservableAsync(await reader.GetAsync(AtoneSteps.Commitment(spaceId, unknown))), await Responses.ObservableAsync(hidden));
        }

        Assert.Equal("For the partners and Dr Lee.", (await lee.CommitmentAsync(spaceId, everyone)).GetProperty("what").GetString());

        // Shared later, its log (notes too) goes with it.
        await alex.ShareCommitmentAsync(spaceId, secret, "partners");
        var now = await sam.CommitmentAsync(spaceId, secret);
        Assert.Equal(("Alex's private commitment.", "A private note."), (now.GetProperty("what").GetString(), Assert.Single(now.GetProperty("log").EnumerateArray()).GetProperty("note").GetString()));
    }

    [Fact]
    public async Task Rewording_from_a_stale_version_is_a_409_and_never_overwrites()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.MakeCommitmentAsync(spaceId, LateWork, "eachTime", "partners");
        var path = AtoneSteps.Commitment(spaceId, id);

        var saved = await alex.PutJsonAsync(path, new { what = "From the laptop.", howOften = "other", howOftenWords = "Every Friday evening", version = 1 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await Responses.JsonAsync(saved)).GetProperty("version").GetInt32());

        var stale = await alex.PutJsonAsync(path, new { what = "From the phone.", howOften = "daily", version = 1 });
        var problem = await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Changed meanwhile", problem.GetProperty("title").GetString());

        var seen = await sam.CommitmentAsync(spaceId, id);
        Assert.Equal(("From the laptop.", "other", "Every Friday evening", true), (seen.GetProperty("what").GetString(), seen.GetProperty("howOften").GetString(), seen.GetProperty("howOftenWords").GetString(), seen.GetProperty("edited").GetBoolean()));
        Assert.Equal(2, (await alex.CommitmentAsync(spaceId, id)).GetProperty("version").GetInt32());

        // Laying it down is a change too: a page opened before it is stale.
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(path + "/ended", new { ended = true })).StatusCode);
        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(path, new { what = "Opened before it was laid down.", howOften = "daily", version = 2 }), HttpStatusCode.Conflict);
        Assert.Equal("From the laptop.", (await sam.CommitmentAsync(spaceId, id)).GetProperty("what").GetString());
    }

    [Fact]
    public async Task Of_several_rewordings_from_the_same_version_at_once_exactly_one_wins()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.MakeCommitmentAsync(spaceId, "Before.", "daily", "partners");

        var saves = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => alex.PutJsonAsync(AtoneSteps.Commitment(spaceId, id), new { what = $"Window {i}.", howOften = "daily", version = 1 })));

        Assert.All(saves, s => Assert.True(s.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)s.StatusCode}"));
        var winner = Assert.Single(Enumerable.Range(0, saves.Length), i => saves[i].StatusCode == HttpStatusCode.OK);
        Assert.Equal($"Window {winner}.", (await sam.CommitmentAsync(spaceId, id)).GetProperty("what").GetString());
        Assert.Equal(2, (await alex.CommitmentAsync(spaceId, id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Bad_commitments_and_log_lines_are_a_400_naming_the_field_and_save_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.MakeCommitmentAsync(spaceId, LateWork, "daily", "partners");
        var (commitments, commitment) = (AtoneSteps.Commitments(spaceId), AtoneSteps.Commitment(spaceId, id));
        var today = AtoneSteps.Today(app);
        var made = today; // made just now, on the app clock

        (string Method, string Path, string Body, string? Field)[] cases =
        [
            ("POST", commitments, Json(new { what = "", howOften = "daily" }), "what"),
            ("POST", commitments, Json(new { what = "   ", howOften = "daily" }), "what"),
            ("POST", commitments, Json(new { what = new string('x', 501), howOften = "daily" }), "what"),
            ("POST", commitments, Json(new { what = "Walk together", howOften = "sometimes" }), "howOften"),
            ("POST", commitments, Json(new { what = "Walk together", howOften = "" }), "howOften"),
            ("POST", commitments, Json(new { what = "Walk together", howOften = "other" }), "howOftenWords"),
            ("POST", commitments, Json(new { what = "Walk together", howOften = "other", howOftenWords = "   " }), "howOftenWords"),
            ("POST", commitments, Json(new { what = "Walk together", howOften = "other", howOftenWords = new string('x', 121) }), "howOftenWords"),
            ("POST", commitments, Json(new { what = "Walk together" }), null),
            ("POST", commitments, Json(new { what = "Walk together", howOften = "daily", audience = "everyone" }), null),
            ("POST", commitments, """{"what": "Walk together", "howOften": 1}""", null),
            ("PUT", commitment, Json(new { what = "", howOften = "daily", version = 1 }), "what"),
            ("PUT", commitment, Json(new { what = "Walk", howOften = "other", version = 1 }), "howOftenWords"),
            ("PUT", commitment, Json(new { what = "Walk", howOften = "monthly", version = 1 }), "howOften"),
            ("PUT", commitment + "/audience", Json(new { audience = "public" }), null),
            ("POST", commitment + "/log", Json(new { kept = true }), "day"),
            ("POST", commitment + "/log", Json(new { day = AtoneSteps.Day(today.AddDays(2)), kept = true }), "day"),
            ("POST", commitment + "/log", Json(new { day = AtoneSteps.Day(made.AddDays(-2)), kept = true }), "day"),
            ("POST", commitment + "/log", Json(new { day = AtoneSteps.Day(today), kept = true, note = new string('x', 1_001) }), "note"),
            ("POST", commitment + "/log", Json(new { day = "23/11/2026", kept = true }), null),
            ("POST", commitment + "/log", """{"day": "2026-02-30", "kept": true}""", null),
            ("POST", commitment + "/log", """{"day": "2026-11-23", "kept": "yes"}""", null),
        ];

        var failures = new List<string>();
        foreach (var (method, path, body, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await alex.Http.SendAsync(request);
            var label = $"{method} {path.Replace(spaceId.ToString(), "{space}", StringComparison.Ordinal)} {body[..Math.Min(body.Length, 70)]}";
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{label}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
            else if (field is not null && (await Responses.ErrorsForAsync(response, field)).Length == 0)
            {
                failures.Add($"{label}: no error for {field} in {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal([LateWork], await sam.CommitmentWhatsAsync(spaceId));
        var own = await alex.CommitmentAsync(spaceId, id);
        Assert.Equal(("daily", "partners", 1, 0), (own.GetProperty("howOften").GetString(), own.GetProperty("audience").GetString(), own.GetProperty("version").GetInt32(), own.GetProperty("log").GetArrayLength()));

        // The edges of the range are fine: the day before it was made (another time zone) and tomorrow.
        await alex.LogAsync(spaceId, id, made.AddDays(-1), kept: true);
        await alex.LogAsync(spaceId, id, today.AddDays(1), kept: false);
        Assert.Equal(2, (await sam.CommitmentAsync(spaceId, id)).GetProperty("log").GetArrayLength());
    }

    [Fact]
    public async Task Leaving_removes_the_leavers_private_commitments_and_without_keepShared_the_shared_ones_and_their_I_noticed()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        var today = AtoneSteps.Today(app);
        await sam.MakeCommitmentAsync(spaceId, "Sam's private commitment.");
        var samShared = await sam.MakeCommitmentAsync(spaceId, "Sam's shared commitment.", audience: "partners");
        await sam.LogAsync(spaceId, samShared, today, kept: true);
        await kit.MakeCommitmentAsync(spaceId, "Kit's private commitment.");
        var kitShared = await kit.MakeCommitmentAsync(spaceId, "Kit's shared commitment.", audience: "partners");
        var kitLine = await kit.LogAsync(spaceId, kitShared, today, kept: true, note: "Kit kept it.");
        var alexShared = await alex.MakeCommitmentAsync(spaceId, "Alex's shared commitment.", audience: "partners");
        var alexLine = await alex.LogAsync(spaceId, alexShared, today, kept: true);
        Assert.Equal(HttpStatusCode.OK, (await sam.TryNoticeAsync(spaceId, alexShared, alexLine)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kit.TryNoticeAsync(spaceId, alexShared, alexLine)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alex.TryNoticeAsync(spaceId, kitShared, kitLine)).StatusCode);

        await sam.LeaveAsync(spaceId, keepShared: false);
        await kit.LeaveAsync(spaceId, keepShared: true);

        var left = await alex.GetJsonAsync(AtoneSteps.Commitments(spaceId));
        Assert.Equal(["Kit's shared commitment.", "Alex's shared commitment."], left.EnumerateArray().Select(c => c.GetProperty("what").GetString()).Order(StringComparer.Ordinal).Reverse());
        var kits = await alex.CommitmentAsync(spaceId, kitShared);
        Assert.Equal(("A former partner", "Kit kept it."), (kits.GetProperty("author").GetString(), Assert.Single(kits.GetProperty("log").EnumerateArray()).GetProperty("note").GetString()));
        var noticedBy = Assert.Single((await alex.CommitmentAsync(spaceId, alexShared)).GetProperty("log").EnumerateArray()).GetProperty("noticedBy").EnumerateArray().Select(n => n.GetString());
        Assert.Equal(["A former partner"], noticedBy); // Kit's, kept; Sam's went with Sam

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.Commitments.CountAsync(c => c.SpaceId == spaceId));
        Assert.Equal(2, await db.FollowThroughs.CountAsync(f => f.SpaceId == spaceId));
    }

    [Fact]
    public async Task The_data_export_holds_my_commitments_with_their_log_and_not_the_others()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var today = AtoneSteps.Today(app);
        var id = await alex.MakeCommitmentAsync(spaceId, "Walk together after dinner.", "other", "partners", howOftenWords: "Three evenings a week");
        await alex.LogAsync(spaceId, id, today.AddDays(-1), kept: false, note: "Rain, and I didn't suggest another time.");
        await alex.LogAsync(spaceId, id, today, kept: true);
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(AtoneSteps.Commitment(spaceId, id) + "/ended", new { ended = true })).StatusCode);
        await sam.MakeCommitmentAsync(spaceId, "Sam's own commitment.", audience: "partners");

        var export = await alex.ExportAsync();

        var atone = Assert.Single(export.GetProperty("spaces").EnumerateArray()).GetProperty("atone");
        var commitment = Assert.Single(atone.GetProperty("commitments").EnumerateArray());
        Assert.Equal((id, "partners", "Walk together after dinner.", "other", "Three evenings a week"), (commitment.GetProperty("id").GetGuid(), commitment.GetProperty("audience").GetString(), commitment.GetProperty("commitment").GetProperty("what").GetString(), commitment.GetProperty("commitment").GetProperty("howOften").GetString(), commitment.GetProperty("commitment").GetProperty("howOftenWords").GetString()));
        Assert.NotEqual(JsonValueKind.Null, commitment.GetProperty("endedAt").ValueKind);
        Assert.Equal(
            [(AtoneSteps.Day(today.AddDays(-1)), false, "Rain, and I didn't suggest another time."), (AtoneSteps.Day(today), true, null)],
            commitment.GetProperty("log").EnumerateArray().Select(l => (l.GetProperty("day").GetString(), l.GetProperty("kept").GetBoolean(), l.GetProperty("note").GetString())));
        Assert.DoesNotContain("Sam's own commitment.", export.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_commitment_pages_draw_the_chart_for_partners_and_are_not_found_for_anyone_who_may_not_read_it()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var today = AtoneSteps.Today(app);
        const string Plain = "I will tell you when I am working late.";
        var shared = await alex.MakeCommitmentAsync(spaceId, Plain, "eachTime", "partners");
        var kept = await alex.LogAsync(spaceId, shared, today, kept: true, note: "Texted at five.");
        await alex.LogAsync(spaceId, shared, today.AddDays(-1), kept: false);
        Assert.Equal(HttpStatusCode.OK, (await sam.TryNoticeAsync(spaceId, shared, kept)).StatusCode);
        var secret = await alex.MakeCommitmentAsync(spaceId, "Alex's private commitment.");
        var (list, detail, hidden) = ($"/spaces/{spaceId}/commitments", $"/spaces/{spaceId}/commitments/{shared}", $"/spaces/{spaceId}/commitments/{secret}");

        foreach (var who in new[] { alex, sam })
        {
            var listPage = await who.PageAsync(list);
            Assert.Contains(Plain, listPage, StringComparison.Ordinal);
            Assert.Contains("<svg", listPage, StringComparison.Ordinal);
            var page = await who.PageAsync(detail);
            Assert.Contains("<svg", page, StringComparison.Ordinal);
            Assert.Contains("Follow-through by week: 1 days kept, 1 not kept", page, StringComparison.Ordinal);
            Assert.Contains("Texted at five.", page, StringComparison.Ordinal);
        }

        Assert.Contains("noticed by Sam", await alex.PageAsync(detail), StringComparison.Ordinal);
        var samPage = await sam.PageAsync(detail);
        Assert.Contains("Take back", samPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Log it", samPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex's private commitment.", await sam.PageAsync(list), StringComparison.Ordinal);

        foreach (var (who, path) in new[] { (sam, hidden), (kim, list), (kim, detail), (kim, hidden) })
        {
            var response = await who.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("commitment", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_commitment_without_words_sent_from_the_page_shows_a_message_next_to_the_field()
    {
        var (alex, _, spaceId) = await SpaceSteps.TwoPartnersAsync(app);

        var response = await alex.SubmitAsync($"/spaces/{spaceId}/commitments", "make-commitment", new Dictionary<string, string>
        {
            ["Input.What"] = "",
            ["Input.HowOften"] = "other",
            ["Input.HowOftenWords"] = "",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Contains("id=\"commitment-what-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"commitment-how-often-words-error\"", html, StringComparison.Ordinal);
        Assert.Empty(await alex.CommitmentWhatsAsync(spaceId));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
    [Fact]
    public async Task Logging_a_day_raises_the_version_and_a_laid_down_commitment_takes_no_log()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.MakeCommitmentAsync(spaceId, LateWork, "daily", "partners");
        var path = AtoneSteps.Commitment(spaceId, id);

        await alex.LogAsync(spaceId, id, AtoneSteps.Today(app), kept: true);
        Assert.Equal(2, (await alex.CommitmentAsync(spaceId, id)).GetProperty("version").GetInt32());
        await SpaceSteps.AssertProblemAsync(await alex.PutJsonAsync(path, new { what = "Reworded from before the log.", howOften = "daily", version = 1 }), HttpStatusCode.Conflict);
        Assert.Equal(LateWork, (await sam.CommitmentAsync(spaceId, id)).GetProperty("what").GetString());

        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(path + "/ended", new { ended = true })).StatusCode);
        var refused = await alex.TryLogAsync(spaceId, id, new { day = AtoneSteps.Day(AtoneSteps.Today(app).AddDays(-1)), kept = true });
        await SpaceSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.NotEmpty(await Responses.ErrorsForAsync(refused, "day"));
        Assert.Equal(1, (await sam.CommitmentAsync(spaceId, id)).GetProperty("log").GetArrayLength());
    }
}

public sealed class SqliteCommitmentTests(SqliteApp app) : CommitmentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCommitmentTests(PostgresApp app) : CommitmentTests(app), IClassFixture<PostgresApp>;
