using System.Net;
using System.Text;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

/// <summary>
/// Letters of accountability (issue 5, part 1): drafted privately with every draft kept and feedback
/// for the author alone, shared when ready; readers see the wordings since it was shared and never a
/// draft from before (SECURITY.md C4); answers are journal entries with their own audience; a letter
/// someone may not read answers like one that never existed (A4).
/// </summary>
public abstract class LetterTests(KintsugiApp app)
{
    [Fact]
    public async Task A_letter_is_drafted_privately_with_every_draft_kept_and_feedback_for_its_author_only()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);

        var id = await alex.WriteLetterAsync(spaceId, "  Sam, I lied to you about the weekend.  ");
        app.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((2, 2), await alex.SaveLetterAsync(spaceId, id, "Sam, I lied to you about the weekend, and it was my choice.", 1));

        var own = await alex.LetterAsync(spaceId, id);
        Assert.Equal(("Sam, I lied to you about the weekend, and it was my choice.", true, "Alex", "onlyMe", 2, false), (own.GetProperty("text").GetString(), own.GetProperty("mine").GetBoolean(), own.GetProperty("author").GetString(), own.GetProperty("audience").GetString(), own.GetProperty("version").GetInt32(), own.GetProperty("edited").GetBoolean()));
        Assert.Equal(
            [(2, "Sam, I lied to you about the weekend, and it was my choice."), (1, "Sam, I lied to you about the weekend.")],
            own.GetProperty("drafts").EnumerateArray().Select(d => (d.GetProperty("number").GetInt32(), d.GetProperty("text").GetString())));
        var feedback = own.GetProperty("feedback");
        Assert.Equal(JsonValueKind.Object, feedback.ValueKind);
        Assert.Equal(JsonValueKind.Array, feedback.GetProperty("findings").ValueKind);
        Assert.Equal(JsonValueKind.Object, feedback.GetProperty("components").ValueKind);
        Assert.Equal(["Sam, I lied to you about the weekend, and it was my choice."], await alex.LetterOpeningsAsync(spaceId));

        // The space home reminds its author of the unshared letter, and tells nobody else anything.
        var reminder = (await alex.WhereWeAreAsync(spaceId)).GetProperty("forMe").EnumerateArray().Single(w => w.GetProperty("kind").GetString() == "letterDraft");
        Assert.Equal($"/spaces/{spaceId}/letters/{id}", reminder.GetProperty("href").GetString());
        Assert.DoesNotContain("letter", await sam.WaitingKindsAsync(spaceId));
        Assert.DoesNotContain(id.ToString(), (await sam.WhereWeAreAsync(spaceId)).GetRawText(), StringComparison.OrdinalIgnoreCase);

        // Nobody else knows it exists: not in their list, and 404 exactly like an id that names nothing.
        var unknown = SpaceSteps.UnknownId(app);
        foreach (var reader in new[] { sam, lee })
        {
            Assert.Empty(await reader.LetterOpeningsAsync(spaceId));
            var hidden = await reader.GetAsync(AtoneSteps.Letter(spaceId, id));
            await SpaceSteps.AssertProblemAsync(hidden, HttpStatusCode.NotFound);
            Assert.Equal(await Responses.ObservableAsync(await reader.GetAsync(AtoneSteps.Letter(spaceId, unknown))), await Responses.ObservableAsync(hidden));
        }
    }

    [Fact]
    public async Task Readers_see_the_wordings_since_it_was_shared_and_never_a_draft_from_before()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await alex.WriteLetterAsync(spaceId, "Private draft one: rough and unfair.");
        await alex.SaveLetterAsync(spaceId, id, "Private draft two, still rough.", 1);
        await alex.SaveLetterAsync(spaceId, id, "The letter as I shared it.", 2);

        var version = await alex.ShareLetterAsync(spaceId, id, "partners");
        Assert.Equal(4, version);

        var seen = await sam.LetterAsync(spaceId, id);
        Assert.Equal(("The letter as I shared it.", false, "Alex", "partners", 0, false), (seen.GetProperty("text").GetString(), seen.GetProperty("mine").GetBoolean(), seen.GetProperty("author").GetString(), seen.GetProperty("audience").GetString(), seen.GetProperty("version").GetInt32(), seen.GetProperty("edited").GetBoolean()));
        Assert.Equal(0, seen.GetProperty("drafts").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("feedback").ValueKind);
        Assert.Equal(seen.GetProperty("createdAt").GetDateTime(), seen.GetProperty("updatedAt").GetDateTime());
        Assert.Equal(["The letter as I shared it."], await sam.LetterOpeningsAsync(spaceId));
        await SpaceSteps.AssertProblemAsync(await lee.GetAsync(AtoneSteps.Letter(spaceId, id)), HttpStatusCode.NotFound);

        // Rewritten after sharing: the reader sees that it changed and what it said when shared, numbered from there.
        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal((5, 4), await alex.SaveLetterAsync(spaceId, id, "The letter, rewritten after sharing.", version));
        await alex.ShareLetterAsync(spaceId, id, "partnersAndPractitioner");

        foreach (var reader in new[] { sam, lee })
        {
            var response = await reader.GetAsync(AtoneSteps.Letter(spaceId, id));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Private draft", body, StringComparison.Ordinal);
            var letter = JsonDocument.Parse(body).RootElement;
            Assert.Equal(("The letter, rewritten after sharing.", true, 0), (letter.GetProperty("text").GetString(), letter.GetProperty("edited").GetBoolean(), letter.GetProperty("version").GetInt32()));
            // The wording shared with the partners only never reached the practitioner (they came in when it was widened).
            Assert.Equal(reader == lee ? [] : [(1, "The letter as I shared it.")], letter.GetProperty("drafts").EnumerateArray().Select(d => (d.GetProperty("number").GetInt32(), d.GetProperty("text").GetString())));
            Assert.Equal(app.Time.GetUtcNow().UtcDateTime, letter.GetProperty("updatedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
            Assert.Equal(JsonValueKind.Null, letter.GetProperty("feedback").ValueKind);
        }

        Assert.Equal([4, 3, 2, 1], (await alex.LetterAsync(spaceId, id)).GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("number").GetInt32()));
        Assert.True(Assert.Single((await sam.GetJsonAsync(AtoneSteps.Letters(spaceId))).EnumerateArray()).GetProperty("edited").GetBoolean());
    }

    [Fact]
    public async Task A_letter_shared_from_the_start_shows_readers_no_earlier_wording_until_it_changes()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "Shared as soon as written.", "partners");

        var seen = await sam.LetterAsync(spaceId, id);
        Assert.Equal(("Shared as soon as written.", 0, false), (seen.GetProperty("text").GetString(), seen.GetProperty("drafts").GetArrayLength(), seen.GetProperty("edited").GetBoolean()));

        await alex.SaveLetterAsync(spaceId, id, "Shared, then corrected.", 1);
        seen = await sam.LetterAsync(spaceId, id);
        Assert.Equal([(1, "Shared as soon as written.")], seen.GetProperty("drafts").EnumerateArray().Select(d => (d.GetProperty("number").GetInt32(), d.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task Taking_a_letter_back_hides_it_again_and_a_rewrite_while_hidden_still_shows_as_a_change()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "What Sam read first.", "partners");
        Assert.Contains("letter", await sam.WaitingKindsAsync(spaceId));

        var version = await alex.ShareLetterAsync(spaceId, id, "onlyMe");
        await SpaceSteps.AssertProblemAsync(await sam.GetAsync(AtoneSteps.Letter(spaceId, id)), HttpStatusCode.NotFound);
        Assert.Empty(await sam.LetterOpeningsAsync(spaceId));
        Assert.DoesNotContain("letter", await sam.WaitingKindsAsync(spaceId));
        Assert.Contains("letterDraft", await alex.WaitingKindsAsync(spaceId));

        var (afterRewrite, _) = await alex.SaveLetterAsync(spaceId, id, "What Sam reads now.", version);
        await alex.ShareLetterAsync(spaceId, id, "partners");

        var seen = await sam.LetterAsync(spaceId, id);
        Assert.Equal(("What Sam reads now.", true), (seen.GetProperty("text").GetString(), seen.GetProperty("edited").GetBoolean()));
        Assert.Equal(["What Sam read first."], seen.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("text").GetString()));
        Assert.True(afterRewrite > version);
    }

    [Fact]
    public async Task A_draft_saved_while_the_letter_was_taken_back_stays_the_authors_after_it_is_shared_again()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "What Sam read first.", "partners");
        var version = await alex.ShareLetterAsync(spaceId, id, "onlyMe");
        (version, _) = await alex.SaveLetterAsync(spaceId, id, "PRIVATE-REWRITE said in anger, never meant for Sam.", version);
        (version, _) = await alex.SaveLetterAsync(spaceId, id, "What Sam reads when it is shared again.", version);
        version = await alex.ShareLetterAsync(spaceId, id, "partners");
        await alex.SaveLetterAsync(spaceId, id, "What Sam reads now.", version);

        var response = await sam.GetAsync(AtoneSteps.Letter(spaceId, id));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("PRIVATE-REWRITE", body, StringComparison.Ordinal);
        var seen = JsonDocument.Parse(body).RootElement;
        Assert.Equal("What Sam reads now.", seen.GetProperty("text").GetString());
        Assert.Equal(
            [(2, "What Sam reads when it is shared again."), (1, "What Sam read first.")],
            seen.GetProperty("drafts").EnumerateArray().Select(d => (d.GetProperty("number").GetInt32(), d.GetProperty("text").GetString())));

        // Its author still has every draft.
        Assert.Equal([4, 3, 2, 1], (await alex.LetterAsync(spaceId, id)).GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task A_draft_shared_with_the_partners_only_is_not_shown_to_the_practitioner_after_the_letter_is_widened()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await alex.WriteLetterAsync(spaceId, "PARTNERS-ONLY first wording.", "partners");
        var (version, _) = await alex.SaveLetterAsync(spaceId, id, "PARTNERS-ONLY second wording.", 1);
        (version, _) = await alex.SaveLetterAsync(spaceId, id, "The wording when Dr Lee was let in.", version);
        version = await alex.ShareLetterAsync(spaceId, id, "partnersAndPractitioner");
        await alex.SaveLetterAsync(spaceId, id, "The wording after that.", version);

        var response = await lee.GetAsync(AtoneSteps.Letter(spaceId, id));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("PARTNERS-ONLY", body, StringComparison.Ordinal);
        var seen = JsonDocument.Parse(body).RootElement;
        Assert.Equal("The wording after that.", seen.GetProperty("text").GetString());
        Assert.Equal([(1, "The wording when Dr Lee was let in.")], seen.GetProperty("drafts").EnumerateArray().Select(d => (d.GetProperty("number").GetInt32(), d.GetProperty("text").GetString())));

        // Sam, a partner all along, reads every wording since it was first shared.
        Assert.Equal(
            ["The wording when Dr Lee was let in.", "PARTNERS-ONLY second wording.", "PARTNERS-ONLY first wording."],
            (await sam.LetterAsync(spaceId, id)).GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Leaving_with_keepShared_keeps_the_shared_letter_but_deletes_its_drafts_that_were_never_shared()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await sam.WriteLetterAsync(spaceId, "NEVER-SHARED first draft.");
        await sam.SaveLetterAsync(spaceId, id, "The wording Alex was shown.", 1);
        await sam.ShareLetterAsync(spaceId, id, "partners");
        var version = await sam.ShareLetterAsync(spaceId, id, "onlyMe");
        int draft;
        (version, draft) = await sam.SaveLetterAsync(spaceId, id, "Taken back and reworded: NEVER-SHARED too.", version);
        Assert.Equal(3, draft);
        (version, _) = await sam.SaveLetterAsync(spaceId, id, "The wording shown when shared again.", version);
        version = await sam.ShareLetterAsync(spaceId, id, "partners");
        await sam.SaveLetterAsync(spaceId, id, "The last wording, shared.", version);

        await sam.LeaveAsync(spaceId, keepShared: true);

        var response = await alex.GetAsync(AtoneSteps.Letter(spaceId, id));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("NEVER-SHARED", body, StringComparison.Ordinal);
        var kept = JsonDocument.Parse(body).RootElement;
        Assert.Equal("The last wording, shared.", kept.GetProperty("text").GetString());
        Assert.Equal(["The wording shown when shared again.", "The wording Alex was shown."], kept.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("text").GetString()));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal([2, 4, 5], await db.LetterDrafts.Where(d => d.LetterId == id).OrderBy(d => d.Number).Select(d => d.Number).ToListAsync());
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_a_409_and_never_overwrites()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "Draft.", "partners");

        Assert.Equal((2, 2), await alex.SaveLetterAsync(spaceId, id, "From the laptop.", 1));
        var stale = await alex.TrySaveLetterAsync(spaceId, id, "From the phone.", 1);
        var problem = await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Changed meanwhile", problem.GetProperty("title").GetString());

        var own = await alex.LetterAsync(spaceId, id);
        Assert.Equal(("From the laptop.", 2), (own.GetProperty("text").GetString(), own.GetProperty("version").GetInt32()));
        Assert.Equal(["From the laptop.", "Draft."], own.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("text").GetString()));
        Assert.DoesNotContain("From the phone.", await (await sam.GetAsync(AtoneSteps.Letter(spaceId, id))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Changing who reads it is a change too: a page opened before it is stale.
        var afterShare = await alex.ShareLetterAsync(spaceId, id, "partnersAndPractitioner");
        Assert.Equal(3, afterShare);
        await SpaceSteps.AssertProblemAsync(await alex.TrySaveLetterAsync(spaceId, id, "Written before it was widened.", 2), HttpStatusCode.Conflict);

        // Saving the same words again is not a new draft.
        Assert.Equal((3, 2), await alex.SaveLetterAsync(spaceId, id, "From the laptop.", 3));
    }

    [Fact]
    public async Task Of_several_saves_from_the_same_version_at_once_exactly_one_wins()
    {
        var (alex, _, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "Before.");

        var saves = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => alex.TrySaveLetterAsync(spaceId, id, $"Window {i}.", 1)));

        Assert.All(saves, s => Assert.True(s.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)s.StatusCode}"));
        var winner = Assert.Single(Enumerable.Range(0, saves.Length), i => saves[i].StatusCode == HttpStatusCode.OK);
        var own = await alex.LetterAsync(spaceId, id);
        Assert.Equal(($"Window {winner}.", 2), (own.GetProperty("text").GetString(), own.GetProperty("version").GetInt32()));
        Assert.Equal([$"Window {winner}.", "Before."], own.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Bad_letters_are_a_400_naming_the_field_and_save_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "Kept as it is.", "partners");
        var letters = AtoneSteps.Letters(spaceId);
        var letter = AtoneSteps.Letter(spaceId, id);
        var tooLong = new string('x', 20_001);

        (AppClient Who, string Method, string Path, string Body, string? Field)[] cases =
        [
            (alex, "POST", letters, "{}", "text"),
            (alex, "POST", letters, Json(new { text = "   " }), "text"),
            (alex, "POST", letters, Json(new { text = tooLong }), "text"),
            (alex, "POST", letters, Json(new { text = "Hello", audience = "everyone" }), null),
            (alex, "POST", letters, """{"text": "Hello", "audience": 1}""", null),
            (alex, "PUT", letter, Json(new { text = "", version = 1 }), "text"),
            (alex, "PUT", letter, Json(new { text = tooLong, version = 1 }), "text"),
            (alex, "PUT", letter, Json(new { text = "No version" }), "version"),
            (alex, "PUT", letter + "/audience", Json(new { audience = "public" }), null),
            (alex, "PUT", letter + "/audience", """{"audience": null}""", null),
            (sam, "POST", letter + "/responses", Json(new { text = "Hello", audience = "everyone" }), null),
        ];

        var failures = new List<string>();
        foreach (var (who, method, path, body, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await who.Http.SendAsync(request);
            var label = $"{method} {path.Replace(spaceId.ToString(), "{space}", StringComparison.Ordinal)} {body[..Math.Min(body.Length, 60)]}";
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
        Assert.Equal(["Kept as it is."], await sam.LetterOpeningsAsync(spaceId));
        var own = await alex.LetterAsync(spaceId, id);
        Assert.Equal(("Kept as it is.", "partners", 1, 1), (own.GetProperty("text").GetString(), own.GetProperty("audience").GetString(), own.GetProperty("version").GetInt32(), own.GetProperty("drafts").GetArrayLength()));
    }

    [Fact]
    public async Task An_empty_or_too_long_answer_to_a_letter_is_a_400_and_saves_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "A letter for Sam.", "partners");

        foreach (var body in new[] { Json(new { text = "" }), Json(new { text = "   ", audience = "partners" }), Json(new { text = new string('x', 20_001) }), "{}", """{"text": null}""" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, AtoneSteps.Letter(spaceId, id) + "/responses") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await sam.Http.SendAsync(request);
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True((await Responses.ErrorsForAsync(response, "text")).Length > 0, $"{body[..Math.Min(body.Length, 40)]}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(await sam.JournalTextsAsync(spaceId));
        Assert.Equal(0, (await alex.LetterAsync(spaceId, id)).GetProperty("responses").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_author_can_rewrite_share_or_delete_a_letter_and_only_partners_write_one()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await kim.CreateSpaceAsync("Kim's space", "Kim");
        var id = await alex.WriteLetterAsync(spaceId, "Alex's letter.", "partnersAndPractitioner");
        var path = AtoneSteps.Letter(spaceId, id);

        foreach (var other in new[] { sam, lee, kim })
        {
            foreach (var response in new[]
                     {
                         await other.PutJsonAsync(path, new { text = "Rewritten by someone else", version = 1 }),
                         await other.PutJsonAsync(path + "/audience", new { audience = "onlyMe" }),
                         await other.DeleteAsync(path),
                     })
            {
                await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
            }
        }

        foreach (var outsider in new[] { kim })
        {
            await SpaceSteps.AssertProblemAsync(await outsider.GetAsync(path), HttpStatusCode.NotFound);
            await SpaceSteps.AssertProblemAsync(await outsider.GetAsync(AtoneSteps.Letters(spaceId)), HttpStatusCode.NotFound);
            await SpaceSteps.AssertProblemAsync(await outsider.TryRespondAsync(spaceId, id, "From outside."), HttpStatusCode.NotFound);
        }

        await SpaceSteps.AssertProblemAsync(await lee.TryWriteLetterAsync(spaceId, new { text = "The practitioner's letter." }), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await kim.TryWriteLetterAsync(spaceId, new { text = "An outsider's letter." }), HttpStatusCode.NotFound);
        await SpaceSteps.AssertProblemAsync(await lee.TryRespondAsync(spaceId, id, "The practitioner's answer."), HttpStatusCode.NotFound);

        var own = await alex.LetterAsync(spaceId, id);
        Assert.Equal(("Alex's letter.", "partnersAndPractitioner", 1), (own.GetProperty("text").GetString(), own.GetProperty("audience").GetString(), own.GetProperty("version").GetInt32()));
        Assert.Equal(["Alex's letter."], await lee.LetterOpeningsAsync(spaceId));
        Assert.Equal(["Alex's letter."], await alex.LetterOpeningsAsync(spaceId));
    }

    [Fact]
    public async Task An_answer_is_a_journal_entry_with_its_own_audience_linked_to_the_letter_only_for_those_who_can_read_it()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await alex.WriteLetterAsync(spaceId, "Sam, this is my letter.", "partners");
        var invitation = (await sam.WhereWeAreAsync(spaceId)).GetProperty("forMe").EnumerateArray().Single(w => w.GetProperty("kind").GetString() == "letter");
        Assert.Equal($"/spaces/{spaceId}/letters/{id}", invitation.GetProperty("href").GetString());
        Assert.DoesNotContain("letter", await alex.WaitingKindsAsync(spaceId));
        Assert.DoesNotContain("letterDraft", await alex.WaitingKindsAsync(spaceId));

        var privately = await sam.RespondAsync(spaceId, id, "Sam's first thoughts, for Sam alone.");
        Assert.DoesNotContain("letter", await sam.WaitingKindsAsync(spaceId));
        Assert.Equal(0, (await alex.LetterAsync(spaceId, id)).GetProperty("responses").GetArrayLength());
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var shared = await sam.RespondAsync(spaceId, id, "Sam's answer, for everyone here.", "partnersAndPractitioner");

        // The author reads the shared answer on the letter, and in the list the count of answers they can read.
        var letter = await alex.LetterAsync(spaceId, id);
        var answer = Assert.Single(letter.GetProperty("responses").EnumerateArray());
        Assert.Equal((shared, "Sam's answer, for everyone here.", "Sam", "response", id), (answer.GetProperty("id").GetGuid(), answer.GetProperty("text").GetString(), answer.GetProperty("author").GetString(), answer.GetProperty("kind").GetString(), answer.GetProperty("letterId").GetGuid()));
        Assert.Equal(1, Assert.Single((await alex.GetJsonAsync(AtoneSteps.Letters(spaceId))).EnumerateArray()).GetProperty("responses").GetInt32());
        Assert.Equal(2, Assert.Single((await sam.GetJsonAsync(AtoneSteps.Letters(spaceId))).EnumerateArray()).GetProperty("responses").GetInt32());

        // In the journal: the answer with its letter for those who can read the letter; without it for the practitioner, who cannot.
        var samJournal = await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal");
        Assert.All(samJournal.EnumerateArray(), e => Assert.Equal(("response", id), (e.GetProperty("kind").GetString(), e.GetProperty("letterId").GetGuid())));
        var leeJournal = await lee.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal");
        var leeSees = Assert.Single(leeJournal.EnumerateArray());
        Assert.Equal(("Sam's answer, for everyone here.", JsonValueKind.Null), (leeSees.GetProperty("text").GetString(), leeSees.GetProperty("letterId").ValueKind));
        Assert.DoesNotContain(id.ToString(), leeJournal.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // Edited and withdrawn through the journal, like any entry.
        await sam.EditEntryAsync(spaceId, shared, "Sam's answer, said more carefully.", 1);
        Assert.Equal("Sam's answer, said more carefully.", Assert.Single((await alex.LetterAsync(spaceId, id)).GetProperty("responses").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, (await sam.PostJsonAsync($"/api/v1/spaces/{spaceId}/journal/{shared}/withdraw")).StatusCode);
        Assert.Equal(0, (await alex.LetterAsync(spaceId, id)).GetProperty("responses").GetArrayLength());

        // The letter taken back: Sam's own answers stay Sam's, without the link to a letter Sam cannot open now.
        await alex.ShareLetterAsync(spaceId, id, "onlyMe");
        var afterwards = await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal");
        Assert.Equal(2, afterwards.GetArrayLength());
        Assert.All(afterwards.EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("letterId").ValueKind));
        Assert.Contains(privately, afterwards.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));

        // Nobody can answer a letter they cannot read: the answer is the same as for a letter that does not exist.
        var hidden = await sam.TryRespondAsync(spaceId, id, "Another answer.");
        await SpaceSteps.AssertProblemAsync(hidden, HttpStatusCode.BadRequest);
        Assert.Equal(await Responses.ObservableAsync(await sam.TryRespondAsync(spaceId, SpaceSteps.UnknownId(app), "Another answer.")), await Responses.ObservableAsync(hidden));

        // And nobody answers their own letter.
        await alex.ShareLetterAsync(spaceId, id, "partners");
        var own = await alex.TryRespondAsync(spaceId, id, "Answering myself.");
        await SpaceSteps.AssertProblemAsync(own, HttpStatusCode.BadRequest);
        Assert.NotEmpty(await Responses.ErrorsForAsync(own, "letterId"));
    }

    [Fact]
    public async Task Deleting_a_letter_removes_its_drafts_for_good_but_answers_others_wrote_stay_theirs()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "Said too fast.", "partners");
        await alex.SaveLetterAsync(spaceId, id, "Said more slowly.", 1);
        var answer = await sam.RespondAsync(spaceId, id, "Sam's answer stays Sam's.", "partners");

        await SpaceSteps.AssertProblemAsync(await sam.DeleteAsync(AtoneSteps.Letter(spaceId, id)), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await alex.DeleteAsync(AtoneSteps.Letter(spaceId, id))).StatusCode);

        foreach (var reader in new[] { alex, sam })
        {
            await SpaceSteps.AssertProblemAsync(await reader.GetAsync(AtoneSteps.Letter(spaceId, id)), HttpStatusCode.NotFound);
            Assert.Empty(await reader.LetterOpeningsAsync(spaceId));
            var entry = Assert.Single((await reader.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal")).EnumerateArray());
            Assert.Equal((answer, "Sam's answer stays Sam's.", "response", JsonValueKind.Null), (entry.GetProperty("id").GetGuid(), entry.GetProperty("text").GetString(), entry.GetProperty("kind").GetString(), entry.GetProperty("letterId").ValueKind));
        }

        await SpaceSteps.AssertProblemAsync(await alex.DeleteAsync(AtoneSteps.Letter(spaceId, id)), HttpStatusCode.NotFound);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Letters.AnyAsync(l => l.Id == id));
        Assert.False(await db.LetterDrafts.AnyAsync(d => d.LetterId == id));
    }

    [Fact]
    public async Task Leaving_removes_the_leavers_private_letters_and_without_keepShared_the_shared_ones()
    {
        var (alex, sam, kit, spaceId) = await RepairSteps.ThreePartnersAsync(app);
        await sam.WriteLetterAsync(spaceId, "Sam's private letter.");
        var samShared = await sam.WriteLetterAsync(spaceId, "Sam's shared letter.", "partners");
        await kit.WriteLetterAsync(spaceId, "Kit's private letter.");
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var kitShared = await kit.WriteLetterAsync(spaceId, "Kit's shared letter.", "partners");
        await kit.SaveLetterAsync(spaceId, kitShared, "Kit's shared letter, corrected.", 1);
        await alex.RespondAsync(spaceId, samShared, "Alex answers Sam.", "partners");

        await sam.LeaveAsync(spaceId, keepShared: false);
        await kit.LeaveAsync(spaceId, keepShared: true);

        var left = Assert.Single((await alex.GetJsonAsync(AtoneSteps.Letters(spaceId))).EnumerateArray());
        Assert.Equal(("Kit's shared letter, corrected.", "A former partner", true), (left.GetProperty("opening").GetString(), left.GetProperty("author").GetString(), left.GetProperty("edited").GetBoolean()));
        var kept = await alex.LetterAsync(spaceId, kitShared);
        Assert.Equal(["Kit's shared letter."], kept.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("text").GetString()));
        Assert.Equal("Alex answers Sam.", Assert.Single(await alex.JournalTextsAsync(spaceId)));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Letters.CountAsync(l => l.SpaceId == spaceId));
        Assert.Equal(2, await db.LetterDrafts.CountAsync(d => db.Letters.Any(l => l.Id == d.LetterId && l.SpaceId == spaceId)));
        Assert.Equal(0, await db.LetterDrafts.CountAsync(d => !db.Letters.Any(l => l.Id == d.LetterId)));
    }

    [Fact]
    public async Task The_data_export_holds_my_letters_with_every_draft_and_not_the_others_letters()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteLetterAsync(spaceId, "Alex's first draft.");
        await alex.SaveLetterAsync(spaceId, id, "Alex's second draft.", 1);
        await alex.ShareLetterAsync(spaceId, id, "partners");
        await sam.WriteLetterAsync(spaceId, "Sam's own letter.", "partners");

        var export = await alex.ExportAsync();

        var atone = Assert.Single(export.GetProperty("spaces").EnumerateArray()).GetProperty("atone");
        var letter = Assert.Single(atone.GetProperty("letters").EnumerateArray());
        Assert.Equal((id, "partners", "Alex's second draft."), (letter.GetProperty("id").GetGuid(), letter.GetProperty("audience").GetString(), letter.GetProperty("text").GetString()));
        Assert.Equal([(1, "Alex's first draft."), (2, "Alex's second draft.")], letter.GetProperty("drafts").EnumerateArray().Select(d => (d.GetProperty("number").GetInt32(), d.GetProperty("text").GetString())));
        Assert.DoesNotContain("Sam's own letter.", export.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_letter_pages_open_for_partners_and_are_not_found_for_anyone_who_may_not_read_the_letter()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var shared = await alex.WriteLetterAsync(spaceId, "A letter Sam can read.", "partners");
        await alex.SaveLetterAsync(spaceId, shared, "A letter Sam can read, corrected.", 1);
        var secret = await alex.WriteLetterAsync(spaceId, "A letter only Alex can read.");
        var (list, detail, hidden) = ($"/spaces/{spaceId}/letters", $"/spaces/{spaceId}/letters/{shared}", $"/spaces/{spaceId}/letters/{secret}");

        var alexList = await alex.PageAsync(list);
        Assert.Contains("A letter only Alex can read.", alexList, StringComparison.Ordinal);
        Assert.Contains("Save the first draft", alexList, StringComparison.Ordinal);
        var samList = await sam.PageAsync(list);
        Assert.Contains("A letter Sam can read, corrected.", samList, StringComparison.Ordinal);
        Assert.DoesNotContain("A letter only Alex can read.", samList, StringComparison.Ordinal);

        var alexDetail = await alex.PageAsync(detail);
        Assert.Contains("Feedback on this draft", alexDetail, StringComparison.Ordinal);
        Assert.Contains("Drafts (2)", alexDetail, StringComparison.Ordinal);
        var samDetail = await sam.PageAsync(detail);
        Assert.Contains("A letter Sam can read, corrected.", samDetail, StringComparison.Ordinal);
        Assert.Contains("Answer this letter", samDetail, StringComparison.Ordinal);
        Assert.DoesNotContain("Feedback on this draft", samDetail, StringComparison.Ordinal);
        Assert.DoesNotContain("Save this draft", samDetail, StringComparison.Ordinal);

        foreach (var (who, path) in new[] { (sam, hidden), (kim, list), (kim, detail), (kim, hidden) })
        {
            var response = await who.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("A letter", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_empty_letter_sent_from_the_page_shows_a_message_next_to_the_field_and_saves_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var page = $"/spaces/{spaceId}/letters";

        var response = await alex.SubmitAsync(page, "write-letter", new Dictionary<string, string> { ["Input.Text"] = "   " });

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Contains("id=\"letter-text-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Write something first", html, StringComparison.Ordinal);
        Assert.Empty(await alex.LetterOpeningsAsync(spaceId));

        // And an empty draft on the letter's own page: the message is next to the field, the letter unchanged.
        var id = await alex.WriteLetterAsync(spaceId, "The letter so far.");
        var detail = $"/spaces/{spaceId}/letters/{id}";
        var emptied = await alex.SubmitAsync(detail, "save-letter", new Dictionary<string, string> { ["SaveInput.Text"] = "", ["SaveInput.Version"] = "1" });
        var emptiedHtml = await emptied.Content.ReadAsStringAsync();
        Assert.True(emptied.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)emptied.StatusCode}");
        Assert.Contains("id=\"letter-text-error\"", emptiedHtml, StringComparison.Ordinal);
        Assert.Equal(("The letter so far.", 1), ((await alex.LetterAsync(spaceId, id)).GetProperty("text").GetString(), (await alex.LetterAsync(spaceId, id)).GetProperty("version").GetInt32()));

        // An empty answer from the page too.
        var shared = await alex.WriteLetterAsync(spaceId, "For Sam.", "partners");
        var answered = await sam.SubmitAsync($"/spaces/{spaceId}/letters/{shared}", "respond-letter", new Dictionary<string, string> { ["RespondInput.Text"] = "" });
        Assert.True(answered.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)answered.StatusCode}");
        Assert.Contains("id=\"response-text-error\"", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await sam.JournalTextsAsync(spaceId));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}

public sealed class SqliteLetterTests(SqliteApp app) : LetterTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLetterTests(PostgresApp app) : LetterTests(app), IClassFixture<PostgresApp>;
