using System.Net;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>A practitioner sees only what is shared with them, needs two-step sign-in, and any one partner can end their access (SECURITY.md A5, A8, B4).</summary>
public abstract class SpacePractitionerTests(KintsugiApp app)
{
    [Fact]
    public async Task Without_two_step_sign_in_a_practitioner_gets_403_and_sees_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var entry = await alex.WriteEntryAsync(spaceId, "For our counsellor.", "partnersAndPractitioner");
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam], twoFactor: false);
        var space = $"/api/v1/spaces/{spaceId}";

        var listed = Assert.Single((await lee.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray());
        Assert.Equal(("needsTwoFactor", ""), (listed.GetProperty("standing").GetString(), listed.GetProperty("name").GetString()));
        foreach (var response in new[] { await lee.GetAsync(space), await lee.GetAsync(space + "/journal"), await lee.GetAsync($"{space}/journal/{entry}"), await lee.PostJsonAsync(space + "/journal", new { text = "Notes" }) })
        {
            var problem = await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("two-step sign-in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("counsellor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await lee.EnableTwoFactorAsync();
        Assert.Equal(["For our counsellor."], await lee.JournalTextsAsync(spaceId));
        Assert.Equal("Our space", Assert.Single((await lee.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_practitioner_reads_only_what_was_shared_with_them()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var mine = await alex.WriteEntryAsync(spaceId, "Alex alone.");
        var partnersOnly = await alex.WriteEntryAsync(spaceId, "Between the two of us.", "partners");
        var forThem = await sam.WriteEntryAsync(spaceId, "For Dr Lee as well.", "partnersAndPractitioner");
        var (lee, _) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);

        Assert.Equal(["For Dr Lee as well."], await lee.JournalTextsAsync(spaceId));
        var entry = await lee.EntryAsync(spaceId, forThem);
        Assert.Equal(("Sam", false), (entry.GetProperty("author").GetString(), entry.GetProperty("mine").GetBoolean()));
        var random = await Responses.ObservableAsync(await lee.GetAsync($"/api/v1/spaces/{spaceId}/journal/{SpaceSteps.UnknownId(app)}"));
        Assert.Equal(random, await Responses.ObservableAsync(await lee.GetAsync($"/api/v1/spaces/{spaceId}/journal/{partnersOnly}")));
        Assert.Equal(random, await Responses.ObservableAsync(await lee.GetAsync($"/api/v1/spaces/{spaceId}/journal/{mine}")));

        var space = await lee.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        Assert.Equal("practitioner", space.GetProperty("myRole").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, space.GetProperty("values").ValueKind);
        Assert.Equal(["Alex", "Sam", "Dr Lee"], space.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task A_practitioner_cannot_invite_approve_decline_write_or_change_the_space()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (lee, leeMembership) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var requestId = await kim.RequestToJoinAsync(await alex.InviteAsync(spaceId));
        var space = $"/api/v1/spaces/{spaceId}";

        foreach (var response in new[]
                 {
                     await lee.PostJsonAsync(space + "/invites", new { role = "partner" }), await lee.GetAsync(space + "/invites"),
                     await lee.GetAsync(space + "/join-requests"), await lee.PostJsonAsync($"{space}/join-requests/{requestId}/approve"),
                     await lee.PostJsonAsync($"{space}/join-requests/{requestId}/decline"), await lee.PostJsonAsync(space + "/journal", new { text = "Session notes" }),
                     await lee.PutJsonAsync(space, new { name = "Renamed", version = 1 }), await lee.DeleteAsync($"{space}/practitioners/{leeMembership}"),
                 })
        {
            await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.NotFound);
        }

        var pending = Assert.Single((await alex.GetJsonAsync(space + "/join-requests")).EnumerateArray());
        Assert.Equal(requestId, pending.GetProperty("requestId").GetGuid());
        Assert.Empty((await alex.GetJsonAsync(space + "/invites")).EnumerateArray());
        Assert.Equal("Our space", (await alex.GetJsonAsync(space)).GetProperty("name").GetString());
        Assert.Empty(await alex.JournalTextsAsync(spaceId));
        Assert.Equal(3, (await alex.GetJsonAsync(space)).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Any_one_partner_can_remove_the_practitioner_and_it_takes_effect_on_their_very_next_request()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var entry = await alex.WriteEntryAsync(spaceId, "For Dr Lee.", "partnersAndPractitioner");
        var (lee, leeMembership) = await SpaceSteps.AddPractitionerAsync(app, spaceId, [alex, sam]);
        Assert.Equal("For Dr Lee.", (await lee.EntryAsync(spaceId, entry)).GetProperty("text").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await sam.DeleteAsync($"/api/v1/spaces/{spaceId}/practitioners/{leeMembership}")).StatusCode);

        var random = SpaceSteps.UnknownId(app);
        foreach (var suffix in new[] { $"/journal/{entry}", "/journal", "" })
        {
            var response = await lee.GetAsync($"/api/v1/spaces/{spaceId}{suffix}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(await Responses.ObservableAsync(await lee.GetAsync($"/api/v1/spaces/{random}{suffix}")), await Responses.ObservableAsync(response));
        }

        Assert.Empty((await lee.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray());
        Assert.Equal(["Alex", "Sam"], (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task The_practitioner_route_cannot_remove_a_partner()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var samMembership = (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("members").EnumerateArray()
            .Single(m => !m.GetProperty("isMe").GetBoolean()).GetProperty("membershipId").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await alex.DeleteAsync($"/api/v1/spaces/{spaceId}/practitioners/{samMembership}")).StatusCode);

        Assert.Equal("Our space", (await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("name").GetString());
    }
}

public sealed class SqliteSpacePractitionerTests(SqliteApp app) : SpacePractitionerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSpacePractitionerTests(PostgresApp app) : SpacePractitionerTests(app), IClassFixture<PostgresApp>;
