using System.Net;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>Starting a space, the private safety check, editing the space, and joining with every partner's consent (SECURITY.md A6, C5, F3).</summary>
public abstract class SpaceTests(KintsugiApp app)
{
    [Fact]
    public async Task A_new_space_shows_its_name_journey_values_and_its_first_partner()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");

        var created = await alex.PostJsonAsync("/api/v1/spaces", new { name = "  Rebuilding us  ", displayName = "Alex", journey = "affair", values = "We tell each other the truth." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var spaceId = (await Responses.JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/spaces/{spaceId}", created.Headers.Location?.OriginalString);
        await alex.TakeSafetyCheckAsync(spaceId);

        var space = await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}");
        Assert.Equal("Rebuilding us", space.GetProperty("name").GetString());
        Assert.Equal("affair", space.GetProperty("journey").GetString());
        Assert.Equal("We tell each other the truth.", space.GetProperty("values").GetString());
        Assert.Equal(1, space.GetProperty("version").GetInt32());
        Assert.Equal("partner", space.GetProperty("myRole").GetString());
        Assert.Equal(0, space.GetProperty("joinRequests").GetInt32());
        var member = Assert.Single(space.GetProperty("members").EnumerateArray());
        Assert.Equal("Alex", member.GetProperty("displayName").GetString());
        Assert.Equal("partner", member.GetProperty("role").GetString());
        Assert.True(member.GetProperty("isMe").GetBoolean());

        var listed = Assert.Single((await alex.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray());
        Assert.Equal(spaceId, listed.GetProperty("id").GetGuid());
        Assert.Equal("Rebuilding us", listed.GetProperty("name").GetString());
        Assert.Equal("partner", listed.GetProperty("standing").GetString());
    }

    [Fact]
    public async Task Before_the_safety_check_a_partner_is_told_to_take_it_and_can_take_it_or_leave()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var spaceId = await alex.CreateSpaceAsync(safetyCheck: false);
        var space = $"/api/v1/spaces/{spaceId}";

        Assert.Equal("needsSafetyCheck", Assert.Single((await alex.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray()).GetProperty("standing").GetString());
        foreach (var response in new[]
                 {
                     await alex.GetAsync(space), await alex.GetAsync(space + "/journal"), await alex.GetAsync(space + "/invites"),
                     await alex.PostJsonAsync(space + "/journal", new { text = "Hello" }), await alex.PostJsonAsync(space + "/invites", new { role = "partner" }),
                     await alex.PutJsonAsync(space, new { name = "Renamed", version = 1 }),
                 })
        {
            var problem = await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("safety check", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await alex.TakeSafetyCheckAsync(spaceId);
        Assert.Equal("Our space", (await alex.GetJsonAsync(space)).GetProperty("name").GetString());

        var other = await alex.CreateSpaceAsync("Another try", safetyCheck: false);
        await alex.LeaveAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await alex.GetAsync($"/api/v1/spaces/{other}")).StatusCode);
        Assert.Equal([spaceId], (await alex.GetJsonAsync("/api/v1/spaces")).GetProperty("spaces").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task The_safety_check_can_be_taken_with_every_answer_left_out_and_nothing_is_gated_on_the_answers()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        object[] answers =
        [
            new { },
            new { feelSafe = "", afraidOfReaction = " ", freeWill = (string?)null },
            new { feelSafe = "no", afraidOfReaction = "yes", freeWill = "unsure" },
        ];
        bool[] concerning = [false, false, true];

        for (var i = 0; i < answers.Length; i++)
        {
            var spaceId = await alex.CreateSpaceAsync($"Space {i}", safetyCheck: false);
            var response = await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/safety-check", answers[i]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(concerning[i], (await Responses.JsonAsync(response)).GetProperty("concerning").GetBoolean());
            Assert.Equal($"Space {i}", (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task An_answer_that_is_not_offered_is_a_400_next_to_its_field_and_does_not_count()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var spaceId = await alex.CreateSpaceAsync(safetyCheck: false);

        var response = await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/safety-check", new { feelSafe = "maybe", freeWill = "yes" });

        var errors = (await SpaceSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["feelSafe"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(["Choose one of the answers, or leave it out."], errors.GetProperty("feelSafe").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await alex.GetAsync($"/api/v1/spaces/{spaceId}")).StatusCode);
    }

    [Fact]
    public async Task A_partners_safety_check_and_its_answers_show_nowhere_for_the_others()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var (sam, _) = await AppClient.SignedInAsync(app, "sam");
        var spaceId = await alex.CreateSpaceAsync();
        var requestId = await sam.RequestToJoinAsync(await alex.InviteAsync(spaceId));
        Assert.True(await alex.ApproveAsync(spaceId, requestId));
        string[] paths = [$"/api/v1/spaces/{spaceId}", "/api/v1/spaces", $"/api/v1/spaces/{spaceId}/journal", $"/api/v1/spaces/{spaceId}/join-requests"];
        var before = await Task.WhenAll(paths.Select(async p => await Responses.ObservableAsync(await alex.GetAsync(p))));

        app.Time.Advance(TimeSpan.FromMinutes(3));
        var check = await sam.PostJsonAsync($"/api/v1/spaces/{spaceId}/safety-check", new { feelSafe = "no", afraidOfReaction = "yes" });
        Assert.True((await Responses.JsonAsync(check)).GetProperty("concerning").GetBoolean());

        var after = await Task.WhenAll(paths.Select(async p => await Responses.ObservableAsync(await alex.GetAsync(p))));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Partners_edit_the_space_together_and_a_save_from_a_stale_page_is_a_409()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var path = $"/api/v1/spaces/{spaceId}";
        Assert.Equal(1, (await alex.GetJsonAsync(path)).GetProperty("version").GetInt32());

        var samSaves = await sam.PutJsonAsync(path, new { name = "Us, again", journey = "dishonesty", values = "Sam's wording", version = 1 });
        Assert.Equal(HttpStatusCode.OK, samSaves.StatusCode);
        Assert.Equal(2, (await Responses.JsonAsync(samSaves)).GetProperty("version").GetInt32());

        var alexSaves = await alex.PutJsonAsync(path, new { name = "Alex's name", values = "Alex's wording", version = 1 });
        var problem = await SpaceSteps.AssertProblemAsync(alexSaves, HttpStatusCode.Conflict);
        Assert.Equal("Changed meanwhile", problem.GetProperty("title").GetString());
        var space = await alex.GetJsonAsync(path);
        Assert.Equal(("Us, again", "dishonesty", "Sam's wording", 2), (space.GetProperty("name").GetString(), space.GetProperty("journey").GetString(), space.GetProperty("values").GetString(), space.GetProperty("version").GetInt32()));

        var unknownJourney = await alex.PutJsonAsync(path, new { name = "Us", journey = "a-cruise", version = 2 });
        await SpaceSteps.AssertProblemAsync(unknownJourney, HttpStatusCode.BadRequest);
        Assert.Equal(["Choose one of the journeys offered."], await Responses.ErrorsForAsync(unknownJourney, "journey"));
        Assert.Equal(HttpStatusCode.OK, (await alex.PutJsonAsync(path, new { name = "Both of ours", values = "Combined", version = 2 })).StatusCode);
        Assert.Equal("Both of ours", (await sam.GetJsonAsync(path)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Joining_needs_every_partners_approval_and_until_then_the_newcomer_sees_nothing()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app, "Kintsugi for A and S");
        var entry = await alex.WriteEntryAsync(spaceId, "We went for a walk.", "partners");
        var (kim, kimEmail) = await AppClient.SignedInAsync(app, "kim");
        var requestId = await kim.RequestToJoinAsync(await alex.InviteAsync(spaceId), "Kim");

        var kimsList = await kim.GetAsync("/api/v1/spaces");
        var kimsText = await kimsList.Content.ReadAsStringAsync();
        var listed = await Responses.JsonAsync(kimsList);
        Assert.Empty(listed.GetProperty("spaces").EnumerateArray());
        var request = Assert.Single(listed.GetProperty("requests").EnumerateArray());
        Assert.Equal(requestId, request.GetProperty("requestId").GetGuid());
        Assert.False(request.TryGetProperty("name", out _));
        foreach (var secret in new[] { "Kintsugi for A and S", "Alex", "Sam", spaceId.ToString() })
        {
            Assert.DoesNotContain(secret, kimsText, StringComparison.OrdinalIgnoreCase);
        }

        var seen = Assert.Single((await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
        Assert.Equal(("Kim", kimEmail, false), (seen.GetProperty("displayName").GetString(), seen.GetProperty("email").GetString(), seen.GetProperty("approvedByMe").GetBoolean()));
        Assert.False(await alex.ApproveAsync(spaceId, requestId));
        Assert.False(await alex.ApproveAsync(spaceId, requestId)); // a second yes from the same partner is not a second partner's yes
        Assert.True(Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray()).GetProperty("approvedByMe").GetBoolean());

        var random = SpaceSteps.UnknownId(app);
        foreach (var suffix in new[] { "", "/journal", $"/journal/{entry}", "/invites", "/join-requests" })
        {
            var real = await kim.GetAsync($"/api/v1/spaces/{spaceId}{suffix}");
            Assert.Equal(HttpStatusCode.NotFound, real.StatusCode);
            Assert.Equal(await Responses.ObservableAsync(await kim.GetAsync($"/api/v1/spaces/{random}{suffix}")), await Responses.ObservableAsync(real));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await kim.PostJsonAsync($"/api/v1/spaces/{spaceId}/journal", new { text = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kim.PostJsonAsync($"/api/v1/spaces/{spaceId}/join-requests/{requestId}/approve")).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await sam.ApproveAsync(spaceId, requestId));
        Assert.Equal(HttpStatusCode.Forbidden, (await kim.GetAsync($"/api/v1/spaces/{spaceId}")).StatusCode);
        await kim.TakeSafetyCheckAsync(spaceId);
        Assert.Equal(["Alex", "Sam", "Kim"], (await kim.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()));
        Assert.Equal(["We went for a walk."], await kim.JournalTextsAsync(spaceId));
        Assert.Empty((await kim.GetJsonAsync("/api/v1/spaces")).GetProperty("requests").EnumerateArray());
        Assert.Empty((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
    }

    [Fact]
    public async Task When_the_last_two_approvals_arrive_at_the_same_moment_the_newcomer_is_let_in()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        for (var round = 0; round < 5; round++)
        {
            var (newcomer, _) = await AppClient.SignedInAsync(app, "newcomer");
            var requestId = await newcomer.RequestToJoinAsync(await alex.InviteAsync(spaceId), $"Newcomer {round}");

            var approvals = await Task.WhenAll(
                alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/join-requests/{requestId}/approve"),
                sam.PostJsonAsync($"/api/v1/spaces/{spaceId}/join-requests/{requestId}/approve"));

            Assert.All(approvals, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync($"/api/v1/spaces/{spaceId}")).StatusCode); // in, and asked for the safety check
            Assert.Empty((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
            await newcomer.LeaveAsync(spaceId);
        }
    }

    [Fact]
    public async Task A_double_click_on_approve_counts_once_and_answers_calmly()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var requestId = await kim.RequestToJoinAsync(await alex.InviteAsync(spaceId));

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/join-requests/{requestId}/approve")));

        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await kim.GetAsync($"/api/v1/spaces/{spaceId}")).StatusCode);
        Assert.True(await sam.ApproveAsync(spaceId, requestId));
    }

    [Fact]
    public async Task One_partners_no_ends_a_request_even_after_another_said_yes()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var code = await alex.InviteAsync(spaceId);
        var requestId = await kim.RequestToJoinAsync(code);
        Assert.False(await alex.ApproveAsync(spaceId, requestId));

        Assert.Equal(HttpStatusCode.NoContent, (await sam.PostJsonAsync($"/api/v1/spaces/{spaceId}/join-requests/{requestId}/decline")).StatusCode);

        Assert.Empty((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
        Assert.Empty((await kim.GetJsonAsync("/api/v1/spaces")).GetProperty("requests").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/join-requests/{requestId}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kim.GetAsync($"/api/v1/spaces/{spaceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kim.TryJoinAsync(code)).StatusCode);
        Assert.Equal(2, (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}")).GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task The_newcomer_can_withdraw_their_own_request_and_nobody_else_can()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var requestId = await kim.RequestToJoinAsync(await alex.InviteAsync(spaceId));

        Assert.Equal(HttpStatusCode.NotFound, (await sam.DeleteAsync($"/api/v1/spaces/requests/{requestId}")).StatusCode);
        Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await kim.DeleteAsync($"/api/v1/spaces/requests/{requestId}")).StatusCode);

        Assert.Empty((await kim.GetJsonAsync("/api/v1/spaces")).GetProperty("requests").EnumerateArray());
        Assert.Empty((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/join-requests/{requestId}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kim.DeleteAsync($"/api/v1/spaces/requests/{requestId}")).StatusCode);
    }
}

public sealed class SqliteSpaceTests(SqliteApp app) : SpaceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSpaceTests(PostgresApp app) : SpaceTests(app), IClassFixture<PostgresApp>;
