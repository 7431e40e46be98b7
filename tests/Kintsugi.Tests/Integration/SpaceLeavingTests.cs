using System.Net;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

/// <summary>Leaving a space and deleting an account: alone, at once, and what was written goes with them (SECURITY.md A5, A7, D3).</summary>
public abstract class SpaceLeavingTests(KintsugiApp app)
{
    [Fact]
    public async Task Someone_who_left_gets_404_on_everything_exactly_like_a_stranger()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var alexEntry = await alex.WriteEntryAsync(spaceId, "Alex's shared words.", "partners");
        var samEntry = await sam.WriteEntryAsync(spaceId, "Sam's shared words.", "partners");
        var samsOwn = await sam.WriteEntryAsync(spaceId, "Sam's own words.");
        var requestId = await (await AppClient.SignedInAsync(app, "kim")).Client.RequestToJoinAsync(await alex.InviteAsync(spaceId));

        await sam.LeaveAsync(spaceId);

        (string Method, string Suffix, object? Body)[] requests =
        [
            ("GET", "", null), ("GET", "/journal", null), ("GET", $"/journal/{alexEntry}", null), ("GET", $"/journal/{samEntry}", null),
            ("GET", $"/journal/{samsOwn}", null), ("GET", "/invites", null), ("GET", "/join-requests", null),
            ("POST", "/journal", new { text = "Still here?" }), ("PUT", $"/journal/{samEntry}", new { text = "Changed", version = 1 }),
            ("PUT", $"/journal/{alexEntry}/audience", new { audience = "onlyMe" }), ("DELETE", $"/journal/{samEntry}", null),
            ("POST", "/invites", new { role = "partner" }), ("POST", $"/join-requests/{requestId}/approve", new { }),
            ("PUT", "", new { name = "Mine now", version = 1 }), ("POST", "/safety-check", new { }), ("POST", "/leave", new { keepShared = false }),
        ];
        var stranger = SpaceSteps.UnknownId(app);
        foreach (var (method, suffix, body) in requests)
        {
            var response = await SendAsync(sam, method, $"/api/v1/spaces/{spaceId}{suffix}", body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {suffix}: {(int)response.StatusCode}");
            Assert.Equal(await Responses.ObservableAsync(await SendAsync(sam, method, $"/api/v1/spaces/{stranger}{suffix}", body)), await Responses.ObservableAsync(response));
        }

        Assert.Empty((await sam.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray());
        Assert.Equal(["Alex's shared words."], await alex.JournalTextsAsync(spaceId));
        Assert.False(Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray()).GetProperty("approvedByMe").GetBoolean());
    }

    [Fact]
    public async Task Leaving_without_keeping_shared_entries_removes_them_for_everyone()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        await sam.WriteEntryAsync(spaceId, "Sam to partners.", "partners");
        await sam.WriteEntryAsync(spaceId, "Sam to everyone.", "partnersAndPractitioner");
        await sam.WriteEntryAsync(spaceId, "Sam alone.");
        await alex.WriteEntryAsync(spaceId, "Alex to partners.", "partners");

        await sam.LeaveAsync(spaceId, keepShared: false);

        Assert.Equal(["Alex to partners."], await alex.JournalTextsAsync(spaceId));
        Assert.Empty(await lee.JournalTextsAsync(spaceId));
        Assert.Equal(["Alex", "Dr Lee"], (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.JournalEntries.CountAsync(e => e.SpaceId == spaceId));
    }

    [Fact]
    public async Task Leaving_and_keeping_shared_entries_leaves_them_from_a_former_partner_and_erases_the_rest()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var apology = await sam.WriteEntryAsync(spaceId, "I am sorry.", "partners");
        await sam.EditEntryAsync(spaceId, apology, "I am sorry, truly.", 1);
        await sam.WriteEntryAsync(spaceId, "A note to myself.");

        await sam.LeaveAsync(spaceId, keepShared: true);

        var item = Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/journal")).EnumerateArray());
        Assert.Equal(("I am sorry, truly.", "A former partner", false, true), (item.GetProperty("text").GetString(), item.GetProperty("author").GetString(), item.GetProperty("mine").GetBoolean(), item.GetProperty("edited").GetBoolean()));
        var entry = await alex.EntryAsync(spaceId, apology);
        Assert.Equal("I am sorry.", Assert.Single(entry.GetProperty("earlierVersions").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await alex.TryEditEntryAsync(spaceId, apology, "Rewritten by Alex", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/api/v1/spaces/{spaceId}/journal/{apology}")).StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal([apology], await db.JournalEntries.Where(e => e.SpaceId == spaceId).Select(e => e.Id).ToListAsync());
    }

    [Fact]
    public async Task When_the_last_partner_leaves_the_space_and_everything_in_it_is_gone()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var shared = await alex.WriteEntryAsync(spaceId, "For everyone.", "partnersAndPractitioner");
        await sam.WriteEntryAsync(spaceId, "Sam's, kept.", "partnersAndPractitioner");
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await kim.RequestToJoinAsync(await alex.InviteAsync(spaceId));
        await sam.InviteAsync(spaceId);

        await sam.LeaveAsync(spaceId, keepShared: true);
        Assert.Equal(2, (await lee.JournalTextsAsync(spaceId)).Count);
        await alex.LeaveAsync(spaceId, keepShared: true);

        Assert.Equal(HttpStatusCode.NotFound, (await lee.GetAsync($"/api/v1/spaces/{spaceId}/journal/{shared}")).StatusCode);
        Assert.Empty((await lee.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray());
        Assert.Empty((await kim.GetJsonAsync("/api/v1/spaces")).GetProperty("requests").EnumerateArray());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Spaces.AnyAsync(s => s.Id == spaceId));
        Assert.Equal(0, await db.Memberships.CountAsync(m => m.SpaceId == spaceId));
        Assert.Equal(0, await db.JournalEntries.CountAsync(e => e.SpaceId == spaceId));
        Assert.Equal(0, await db.Invites.CountAsync(i => i.SpaceId == spaceId));
    }

    [Fact]
    public async Task When_a_partner_leaves_a_newcomer_every_remaining_partner_approved_is_let_in()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var requestId = await kim.RequestToJoinAsync(await alex.InviteAsync(spaceId), "Kim");
        Assert.False(await alex.ApproveAsync(spaceId, requestId));
        Assert.Equal(HttpStatusCode.NotFound, (await kim.GetAsync($"/api/v1/spaces/{spaceId}")).StatusCode);

        await sam.LeaveAsync(spaceId);

        Assert.Equal(HttpStatusCode.Forbidden, (await kim.GetAsync($"/api/v1/spaces/{spaceId}")).StatusCode);
        await kim.TakeSafetyCheckAsync(spaceId);
        Assert.Equal(["Alex", "Kim"], (await kim.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task Deleting_an_account_removes_its_memberships_and_entries_and_the_spaces_only_it_held()
    {
        var (alex, alexEmail) = await AppClient.SignedInAsync(app, "alex");
        var (sam, _) = await AppClient.SignedInAsync(app, "sam");
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var solo = await alex.CreateSpaceAsync("Just me");
        var soloEntry = await alex.WriteEntryAsync(solo, "Only I know this.");
        await alex.InviteAsync(solo);
        var ours = await alex.CreateSpaceAsync("Ours");
        await sam.JoinAsync(ours, [alex], "Sam");
        var alexPrivate = await alex.WriteEntryAsync(ours, "Alex, privately.");
        var alexShared = await alex.WriteEntryAsync(ours, "Alex, to Sam.", "partners");
        await alex.EditEntryAsync(ours, alexShared, "Alex, to Sam, again.", 1);
        await sam.WriteEntryAsync(ours, "Sam, to Alex.", "partners");
        var kims = await kim.CreateSpaceAsync("Kim's");
        await alex.RequestToJoinAsync(await kim.InviteAsync(kims));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var alexId = await db.Users.Where(u => u.Email == alexEmail).Select(u => u.Id).SingleAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await alex.PostJsonAsync("/api/v1/account/delete", new { password = AppClient.Password })).StatusCode);

        Assert.Equal(["Sam, to Alex."], await sam.JournalTextsAsync(ours));
        Assert.Equal(["Sam"], (await sam.GetJsonAsync($"/api/v1/spaces/{ours}")).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()));
        Assert.Empty((await kim.GetJsonAsync($"/api/v1/spaces/{kims}/join-requests")).EnumerateArray());
        Assert.False(await db.Spaces.AnyAsync(s => s.Id == solo));
        Assert.True(await db.Spaces.AnyAsync(s => s.Id == ours));
        Assert.Equal(0, await db.Memberships.CountAsync(m => m.UserId == alexId));
        Assert.Equal(0, await db.JournalEntries.CountAsync(e => e.AuthorId == alexId));
        Guid[] alexEntries = [soloEntry, alexPrivate, alexShared];
        Assert.Equal(0, await db.JournalEntryVersions.CountAsync(v => alexEntries.Contains(v.EntryId)));
        Assert.Equal(0, await db.Invites.CountAsync(i => i.CreatedBy == alexId));
        Assert.Equal(0, await db.JoinApprovals.CountAsync(a => a.ApproverId == alexId));
        Assert.False(await db.UserKeys.AnyAsync(k => k.UserId == alexId));
    }

    private static Task<HttpResponseMessage> SendAsync(AppClient client, string method, string path, object? body) => method switch
    {
        "GET" => client.GetAsync(path),
        "DELETE" => client.DeleteAsync(path),
        "PUT" => client.PutJsonAsync(path, body!),
        _ => client.PostJsonAsync(path, body),
    };
}

public sealed class SqliteSpaceLeavingTests(SqliteApp app) : SpaceLeavingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSpaceLeavingTests(PostgresApp app) : SpaceLeavingTests(app), IClassFixture<PostgresApp>;
