using System.Net;
using System.Text.RegularExpressions;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Features.Account.TwoFactor;
using Kintsugi.Web.Features.Spaces;

namespace Kintsugi.Tests.Integration;

/// <summary>Invite codes: unguessable, single-use, expiring, revocable, and every failing code looks the same (SECURITY.md A6).</summary>
public abstract partial class SpaceInviteTests(KintsugiApp app)
{
    [Fact]
    public async Task An_invite_code_carries_at_least_128_random_bits_and_works_however_it_is_typed()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var spaceId = await alex.CreateSpaceAsync();

        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/invites", new { role = "partner" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var invite = await Responses.JsonAsync(response);
            var code = invite.GetProperty("code").GetString()!;
            Assert.Matches(CodeShape(), code);
            Assert.True(Base32.Decode(code.Replace("-", "", StringComparison.Ordinal)).Length * 8 >= 128, $"{code} carries fewer than 128 bits");
            Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddHours(72), invite.GetProperty("expiresAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
            Assert.Equal($"https://localhost/spaces/join?code={code}", invite.GetProperty("link").GetString());
            codes.Add(code);
        }

        Assert.Equal(codes.Count, codes.Distinct().Count());
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await kim.RequestToJoinAsync(" " + codes[0].ToLowerInvariant().Replace('-', ' ') + " ");
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var spaceId = await alex.CreateSpaceAsync();
        var code = await alex.InviteAsync(spaceId);
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var (lee, _) = await AppClient.SignedInAsync(app, "lee");
        await kim.RequestToJoinAsync(code);

        var second = await lee.TryJoinAsync(code);

        Assert.Equal(await Responses.ObservableAsync(await lee.TryJoinAsync(Invite.NewCode())), await Responses.ObservableAsync(second));
        Assert.Equal([RedeemInvite.DoesNotWork], await Responses.ErrorsForAsync(second, "code"));
        Assert.Empty((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/invites")).EnumerateArray());
        Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
    }

    [Fact]
    public async Task Of_several_people_using_one_code_at_once_exactly_one_gets_it()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var spaceId = await alex.CreateSpaceAsync();
        var code = await alex.InviteAsync(spaceId);
        var people = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i => (await AppClient.SignedInAsync(app, $"person{i}")).Client));

        var answers = await Task.WhenAll(people.Select(p => p.TryJoinAsync(code)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
    }

    [Fact]
    public async Task A_code_expires_72_hours_after_it_was_made()
    {
        var (alex, alexEmail) = await AppClient.SignedInAsync(app, "alex");
        var spaceId = await alex.CreateSpaceAsync();
        var early = await alex.InviteAsync(spaceId);
        var late = await alex.InviteAsync(spaceId);
        Assert.Equal(2, (await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/invites")).GetArrayLength());

        app.Time.Advance(TimeSpan.FromHours(72) - TimeSpan.FromMinutes(1));
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await kim.RequestToJoinAsync(early);

        app.Time.Advance(TimeSpan.FromMinutes(2));
        var (lee, _) = await AppClient.SignedInAsync(app, "lee");
        var expired = await lee.TryJoinAsync(late);
        Assert.Equal(await Responses.ObservableAsync(await lee.TryJoinAsync(Invite.NewCode())), await Responses.ObservableAsync(expired));

        await alex.SignInAsync(alexEmail); // the session ended while the clock ran on
        Assert.Empty((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/invites")).EnumerateArray());
        Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
    }

    [Fact]
    public async Task Any_partner_can_take_an_invite_back_and_its_code_stops_working_at_once()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var created = await Responses.JsonAsync(await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/invites", new { role = "practitioner" }));
        var inviteId = created.GetProperty("id").GetGuid();
        var listed = Assert.Single((await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/invites")).EnumerateArray());
        Assert.Equal((inviteId, "practitioner", false), (listed.GetProperty("id").GetGuid(), listed.GetProperty("role").GetString(), listed.GetProperty("createdByMe").GetBoolean()));
        Assert.DoesNotContain(created.GetProperty("code").GetString()!, await (await sam.GetAsync($"/api/v1/spaces/{spaceId}/invites")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await sam.DeleteAsync($"/api/v1/spaces/{spaceId}/invites/{inviteId}")).StatusCode);

        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        var revoked = await kim.TryJoinAsync(created.GetProperty("code").GetString()!);
        Assert.Equal(await Responses.ObservableAsync(await kim.TryJoinAsync(Invite.NewCode())), await Responses.ObservableAsync(revoked));
        Assert.Empty((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/invites")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await alex.DeleteAsync($"/api/v1/spaces/{spaceId}/invites/{inviteId}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_used_expired_and_revoked_codes_get_byte_identical_answers()
    {
        var (alex, alexEmail) = await AppClient.SignedInAsync(app, "alex");
        var spaceId = await alex.CreateSpaceAsync();
        var used = await alex.InviteAsync(spaceId);
        var expired = await alex.InviteAsync(spaceId);
        var revoked = await Responses.JsonAsync(await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/invites", new { role = "partner" }));
        Assert.Equal(HttpStatusCode.NoContent, (await alex.DeleteAsync($"/api/v1/spaces/{spaceId}/invites/{revoked.GetProperty("id").GetGuid()}")).StatusCode);
        var (lee, _) = await AppClient.SignedInAsync(app, "lee");
        await lee.RequestToJoinAsync(used);

        app.Time.Advance(TimeSpan.FromHours(73));
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        string[] codes = [Invite.NewCode(), used, expired, revoked.GetProperty("code").GetString()!, "not a code at all"];
        var answers = new List<string>();
        foreach (var code in codes)
        {
            var response = await kim.TryJoinAsync(code);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([RedeemInvite.DoesNotWork], await Responses.ErrorsForAsync(response, "code"));
            answers.Add(await Responses.ObservableAsync(response));
        }

        Assert.Single(answers.Distinct());
        await alex.SignInAsync(alexEmail);
        Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/join-requests")).EnumerateArray());
    }

    [Fact]
    public async Task Using_a_code_for_a_space_you_are_already_in_leaves_it_for_the_person_it_was_meant_for()
    {
        var (alex, sam, spaceId) = await SpaceSteps.TwoPartnersAsync(app);
        var code = await alex.InviteAsync(spaceId);

        var mistaken = await sam.TryJoinAsync(code);

        await SpaceSteps.AssertProblemAsync(mistaken, HttpStatusCode.BadRequest);
        Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/invites")).EnumerateArray());
        var (kim, _) = await AppClient.SignedInAsync(app, "kim");
        await kim.RequestToJoinAsync(code);
    }

    [Fact]
    public async Task Only_partners_of_the_space_can_see_make_or_take_back_its_invites()
    {
        var (alex, _) = await AppClient.SignedInAsync(app, "alex");
        var spaceId = await alex.CreateSpaceAsync();
        var inviteId = (await Responses.JsonAsync(await alex.PostJsonAsync($"/api/v1/spaces/{spaceId}/invites", new { role = "partner" }))).GetProperty("id").GetGuid();
        var (bob, _) = await AppClient.SignedInAsync(app, "bob");
        var bobsSpace = await bob.CreateSpaceAsync("Bob's space");

        var list = await bob.GetAsync($"/api/v1/spaces/{spaceId}/invites");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(await Responses.ObservableAsync(await bob.GetAsync($"/api/v1/spaces/{SpaceSteps.UnknownId(app)}/invites")), await Responses.ObservableAsync(list));
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostJsonAsync($"/api/v1/spaces/{spaceId}/invites", new { role = "partner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/v1/spaces/{spaceId}/invites/{inviteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/v1/spaces/{bobsSpace}/invites/{inviteId}")).StatusCode);

        Assert.Equal(inviteId, Assert.Single((await alex.GetJsonAsync($"/api/v1/spaces/{spaceId}/invites")).EnumerateArray()).GetProperty("id").GetGuid());
    }

    [GeneratedRegex("^[A-Z2-7]{4}(-[A-Z2-7]{4})+$")]
    private static partial Regex CodeShape();
}

public sealed class SqliteSpaceInviteTests(SqliteApp app) : SpaceInviteTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSpaceInviteTests(PostgresApp app) : SpaceInviteTests(app), IClassFixture<PostgresApp>;
