using System.Net;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

/// <summary>The journal: private by default, changed only by its author, shared edits visible, no lost updates (SECURITY.md A3, A5, C4, D3, F3).</summary>
public abstract class JournalTests(KintsugiApp app)
{
    [Fact]
    public async Task An_entry_is_private_until_its_author_shares_it()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);

        var id = await alex.WriteEntryAsync(spaceId, "  Only mine.  ");

        var entry = await alex.EntryAsync(spaceId, id);
        Assert.Equal(("Only mine.", "onlyMe", true, "Alex", false, 1), (entry.GetProperty("text").GetString(), entry.GetProperty("audience").GetString(), entry.GetProperty("mine").GetBoolean(), entry.GetProperty("author").GetString(), entry.GetProperty("edited").GetBoolean(), entry.GetProperty("version").GetInt32()));
        Assert.Empty(await sam.JournalTextsAsync(spaceId));
        Assert.Empty(await lee.JournalTextsAsync(spaceId));

        await alex.ShareAsync(spaceId, id, "partners");
        Assert.Equal(["Only mine."], await sam.JournalTextsAsync(spaceId));
        Assert.Empty(await lee.JournalTextsAsync(spaceId));

        await alex.ShareAsync(spaceId, id, "partnersAndPractitioner");
        Assert.Equal(["Only mine."], await lee.JournalTextsAsync(spaceId));
        var seen = await sam.EntryAsync(spaceId, id);
        Assert.Equal(("Alex", false, "partnersAndPractitioner"), (seen.GetProperty("author").GetString(), seen.GetProperty("mine").GetBoolean(), seen.GetProperty("audience").GetString()));
    }

    [Fact]
    public async Task Only_the_author_can_edit_share_withdraw_or_delete_an_entry()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await alex.WriteEntryAsync(spaceId, "Alex's words.", "partners");
        var path = $"/api/v1/spaces/{spaceId}/journal/{id}";

        foreach (var response in new[]
                 {
                     await sam.TryEditEntryAsync(spaceId, id, "Sam's version of Alex's words.", 1),
                     await sam.PutJsonAsync(path + "/audience", new { audience = "partnersAndPractitioner" }),
                     await sam.PutJsonAsync(path + "/audience", new { audience = "onlyMe" }),
                     await sam.PostJsonAsync(path + "/withdraw"),
                     await sam.DeleteAsync(path),
                 })
        {
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
        }

        var entry = await alex.EntryAsync(spaceId, id);
        Assert.Equal(("Alex's words.", "partners", 1, false), (entry.GetProperty("text").GetString(), entry.GetProperty("audience").GetString(), entry.GetProperty("version").GetInt32(), entry.GetProperty("edited").GetBoolean()));
        Assert.Equal(["Alex's words."], await sam.JournalTextsAsync(spaceId));
        Assert.Empty(await lee.JournalTextsAsync(spaceId));
    }

    [Fact]
    public async Task Withdrawing_hides_an_entry_from_the_others_on_their_very_next_request()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var id = await alex.WriteEntryAsync(spaceId, "Something I regret sharing.", "partnersAndPractitioner");
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync($"/api/v1/spaces/{spaceId}/journal/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lee.GetAsync($"/api/v1/spaces/{spaceId}/journal/{id}")).StatusCode);

        var withdrawn = await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/journal/{id}/withdraw");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("onlyMe", (await Responses.JsonAsync(withdrawn)).GetProperty("audience").GetString());

        var unknown = SpaceSteps.UnknownId(app);
        foreach (var reader in new[] { sam, lee })
        {
            var response = await reader.GetAsync($"/api/v1/spaces/{spaceId}/journal/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(await Responses.ObservableAsync(await reader.GetAsync($"/api/v1/spaces/{spaceId}/journal/{unknown}")), await Responses.ObservableAsync(response));
            Assert.Empty(await reader.JournalTextsAsync(spaceId));
        }

        Assert.Equal("Something I regret sharing.", (await alex.EntryAsync(spaceId, id)).GetProperty("text").GetString());
        await alex.ShareAsync(spaceId, id, "partners");
        Assert.Equal(["Something I regret sharing."], await sam.JournalTextsAsync(spaceId));
    }

    [Fact]
    public async Task Editing_a_shared_entry_keeps_the_earlier_wording_for_its_readers_and_marks_it_edited_but_private_edits_leave_no_trace()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var written = app.Time.GetUtcNow().UtcDateTime;
        var id = await alex.WriteEntryAsync(spaceId, "First wording.");
        app.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, await alex.EditEntryAsync(spaceId, id, "Second wording.", 1));
        var mine = await alex.EntryAsync(spaceId, id);
        Assert.False(mine.GetProperty("edited").GetBoolean());
        Assert.Empty(mine.GetProperty("earlierVersions").EnumerateArray());

        await alex.ShareAsync(spaceId, id, "partnersAndPractitioner");
        var shared = await sam.EntryAsync(spaceId, id);
        Assert.Equal(("Second wording.", false, 0), (shared.GetProperty("text").GetString(), shared.GetProperty("edited").GetBoolean(), shared.GetProperty("earlierVersions").GetArrayLength()));
        Assert.Equal(written, shared.GetProperty("createdAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        // The version counts the author's private edits and audience changes: it is theirs alone.
        Assert.Equal(0, shared.GetProperty("version").GetInt32());
        var version = (await alex.EntryAsync(spaceId, id)).GetProperty("version").GetInt32();

        app.Time.Advance(TimeSpan.FromHours(1));
        var edited = app.Time.GetUtcNow().UtcDateTime;
        version = await alex.EditEntryAsync(spaceId, id, "Third wording.", version);

        foreach (var reader in new[] { sam, lee, alex })
        {
            var entry = await reader.EntryAsync(spaceId, id);
            Assert.Equal(("Third wording.", true), (entry.GetProperty("text").GetString(), entry.GetProperty("edited").GetBoolean()));
            Assert.Equal(edited, entry.GetProperty("updatedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
            var earlier = Assert.Single(entry.GetProperty("earlierVersions").EnumerateArray());
            Assert.Equal("Second wording.", earlier.GetProperty("text").GetString());
            Assert.Equal(edited, earlier.GetProperty("replacedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        }

        Assert.True(Assert.Single((await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal")).EnumerateArray()).GetProperty("edited").GetBoolean());
        Assert.Equal(version, await alex.EditEntryAsync(spaceId, id, "Third wording.", version)); // the same words again change nothing

        // Withdrawn and shared again, the earlier wording is still there for its readers.
        await alex.ShareAsync(spaceId, id, "onlyMe");
        await alex.ShareAsync(spaceId, id, "partners");
        var again = await sam.EntryAsync(spaceId, id);
        Assert.Equal(["Second wording."], again.GetProperty("earlierVersions").EnumerateArray().Select(v => v.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Withdrawing_rewriting_and_sharing_again_cannot_change_a_shared_text_silently()
    {
        var (alex, sam, space) = await SpaceSteps.TwoPartnersAsync(app);
        var entry = await alex.WriteEntryAsync(space, "What I promised you on Sunday", "partners");
        Assert.Contains("What I promised you on Sunday", await sam.JournalTextsAsync(space));

        var withdrawn = await alex.PostJsonAsync($"/api/v1/spaces/{space}/journal/{entry}/withdraw");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var version = (await alex.EntryAsync(space, entry)).GetProperty("version").GetInt32();
        await alex.EditEntryAsync(space, entry, "What I never promised", version);
        await alex.ShareAsync(space, entry, "partners");

        var seen = await sam.EntryAsync(space, entry);
        Assert.Equal("What I never promised", seen.GetProperty("text").GetString());
        Assert.True(seen.GetProperty("edited").GetBoolean());
        Assert.Equal(["What I promised you on Sunday"], seen.GetProperty("earlierVersions").EnumerateArray().Select(v => v.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_a_409_and_never_overwrites()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var shared = await alex.WriteEntryAsync(spaceId, "Draft.", "partners");
        var own = await alex.WriteEntryAsync(spaceId, "Own draft.");

        foreach (var id in new[] { shared, own })
        {
            Assert.Equal(2, await alex.EditEntryAsync(spaceId, id, "From the laptop.", 1));
            var stale = await alex.TryEditEntryAsync(spaceId, id, "From the phone.", 1);
            var problem = await SpaceSteps.AssertProblemAsync(stale, HttpStatusCode.Conflict);
            Assert.Equal("Changed meanwhile", problem.GetProperty("title").GetString());
            Assert.Equal("From the laptop.", (await alex.EntryAsync(spaceId, id)).GetProperty("text").GetString());
        }

        Assert.Equal(["Draft."], (await sam.EntryAsync(spaceId, shared)).GetProperty("earlierVersions").EnumerateArray().Select(v => v.GetProperty("text").GetString()));
        var afterShare = await alex.PutJsonAsync($"/api/v1/spaces/{spaceId}/journal/{own}/audience", new { audience = "partners" });
        Assert.Equal(3, (await Responses.JsonAsync(afterShare)).GetProperty("version").GetInt32());
        await SpaceSteps.AssertProblemAsync(await alex.TryEditEntryAsync(spaceId, own, "Edited from before sharing.", 2), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Of_several_saves_from_the_same_version_at_once_exactly_one_wins()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteEntryAsync(spaceId, "Before.", "partners");

        var saves = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => alex.TryEditEntryAsync(spaceId, id, $"Window {i}.", 1)));

        Assert.All(saves, s => Assert.True(s.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)s.StatusCode}"));
        var winner = Assert.Single(Enumerable.Range(0, saves.Length), i => saves[i].StatusCode == HttpStatusCode.OK);
        var entry = await sam.EntryAsync(spaceId, id);
        Assert.Equal(($"Window {winner}.", 2), (entry.GetProperty("text").GetString(), (await alex.EntryAsync(spaceId, id)).GetProperty("version").GetInt32()));
        Assert.Equal(["Before."], entry.GetProperty("earlierVersions").EnumerateArray().Select(v => v.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Deleting_an_entry_removes_it_and_its_earlier_wordings_for_good()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var id = await alex.WriteEntryAsync(spaceId, "Said in anger.", "partners");
        await alex.EditEntryAsync(spaceId, id, "Said more calmly.", 1);

        Assert.Equal(HttpStatusCode.NoContent, (await alex.DeleteAsync($"/api/v1/spaces/{spaceId}/journal/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/api/v1/spaces/{spaceId}/journal/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alex.GetAsync($"/api/v1/spaces/{spaceId}/journal/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alex.DeleteAsync($"/api/v1/spaces/{spaceId}/journal/{id}")).StatusCode);
        Assert.Empty(await sam.JournalTextsAsync(spaceId));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.JournalEntries.AnyAsync(e => e.Id == id));
        Assert.False(await db.JournalEntryVersions.AnyAsync(v => v.EntryId == id));
    }
}

public sealed class SqliteJournalTests(SqliteApp app) : JournalTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresJournalTests(PostgresApp app) : JournalTests(app), IClassFixture<PostgresApp>;
