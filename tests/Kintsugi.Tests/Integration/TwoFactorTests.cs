using System.Net;
using System.Net.Http.Json;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

public abstract class TwoFactorTests(KintsugiApp app)
{
    [Fact]
    public async Task With_two_step_on_a_password_alone_does_not_sign_in()
    {
        var (client, email) = await AppClient.SignedInAsync(app);
        await client.EnableTwoFactorAsync();
        await client.PostJsonAsync("/api/v1/account/sign-out");

        var first = await client.TrySignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await Responses.JsonAsync(first)).GetProperty("secondFactorRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_only()
    {
        var (client, email) = await AppClient.SignedInAsync(app);
        var (key, _) = await client.EnableTwoFactorAsync();
        var code = client.CodeAt(key, 1);

        await client.PostJsonAsync("/api/v1/account/sign-out");
        await client.TrySignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account")).StatusCode);

        // The same code, still inside its 90-second window, from a fresh sign-in: refused.
        using var replay = app.NewClient();
        await replay.TrySignInAsync(email);
        var refused = await replay.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("each one works once", (await Responses.ErrorsForAsync(refused, "code"))[0], StringComparison.Ordinal);

        // The next code works.
        app.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await replay.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code = replay.CodeAt(key, 1) })).StatusCode);
    }

    [Fact]
    public async Task Two_simultaneous_uses_of_one_code_cannot_both_succeed()
    {
        var (client, email) = await AppClient.SignedInAsync(app);
        var (key, _) = await client.EnableTwoFactorAsync();
        var code = client.CodeAt(key, 1);
        var clients = Enumerable.Range(0, 4).Select(_ => app.NewClient()).ToList();
        foreach (var c in clients)
        {
            await c.TrySignInAsync(email);
        }

        var results = await Task.WhenAll(clients.Select(c => c.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code })));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (client, email) = await AppClient.SignedInAsync(app);
        var (_, codes) = await client.EnableTwoFactorAsync();
        Assert.Equal(10, codes.Count);

        using var phoneLost = app.NewClient();
        await phoneLost.TrySignInAsync(email);
        var used = await phoneLost.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code = codes[3].ToLowerInvariant(), isRecoveryCode = true });
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(9, (await Responses.JsonAsync(used)).GetProperty("recoveryCodesLeft").GetInt32());

        using var again = app.NewClient();
        await again.TrySignInAsync(email);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code = codes[3], isRecoveryCode = true })).StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_have_their_own_budget_apart_from_wrong_passwords()
    {
        var (owner, email) = await AppClient.SignedInAsync(app);
        var (key, _) = await owner.EnableTwoFactorAsync();
        await owner.PostJsonAsync("/api/v1/account/sign-out");

        // A stranger without the password spends the password budget...
        using var stranger = app.NewClient();
        for (var i = 0; i < 6; i++)
        {
            await stranger.TrySignInAsync(email, $"guess number {i}");
        }

        // ...which leaves the owner's second factor untouched on their own browser.
        await owner.TrySignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code = owner.CodeAt(key, 1) })).StatusCode);

        // Someone with the password but not the app is stopped after five wrong codes...
        await owner.PostJsonAsync("/api/v1/account/sign-out");
        using var thief = app.NewClient();
        app.Time.Advance(TimeSpan.FromMinutes(16));
        await thief.TrySignInAsync(email);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await thief.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code = $"00000{i}" })).StatusCode);
        }

        var locked = await thief.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code = thief.CodeAt(key, 0) });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);

        // ...while the owner's own browser keeps its own budget.
        await owner.TrySignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostJsonAsync("/api/v1/account/sign-in/second-factor", new { code = owner.CodeAt(key, 1) })).StatusCode);
    }

    [Fact]
    public async Task Turning_two_step_off_needs_the_password()
    {
        var (client, email) = await AppClient.SignedInAsync(app);
        await client.EnableTwoFactorAsync();

        var wrong = await client.PostJsonAsync("/api/v1/account/two-factor/disable", new { password = "not the password at all" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/account/two-factor/disable", new { password = AppClient.Password })).StatusCode);

        using var later = app.NewClient();
        var signIn = await later.TrySignInAsync(email);
        Assert.False((await Responses.JsonAsync(signIn)).GetProperty("secondFactorRequired").GetBoolean());
        await app.Mail.WaitForAsync(email, count: 3); // confirmation, "two-step is on", "two-step is off"
    }

    [Fact]
    public async Task Turning_two_step_off_twice_from_two_tabs_gives_a_message_not_an_error()
    {
        var (client, _) = await AppClient.SignedInAsync(app);
        await client.EnableTwoFactorAsync();
        var fields = new Dictionary<string, string> { ["DisableInput.Password"] = AppClient.Password };

        var first = await client.SubmitAsync("/account/two-factor", "disable-two-factor", fields);
        Assert.Contains("Two-step sign-in is off.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var second = await client.Http.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["_handler"] = "disable-two-factor",
            ["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(await first.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Set up an authenticator app", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_authenticator_key_and_recovery_codes_are_not_stored_in_clear()
    {
        var (client, email) = await AppClient.SignedInAsync(app);
        var (key, codes) = await client.EnableTwoFactorAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var stored = string.Join('\n', await db.UserTokens.Where(t => t.UserId == userId).Select(t => t.Value).ToListAsync());

        Assert.NotEmpty(stored);
        Assert.DoesNotContain(Kintsugi.Web.Features.Account.TwoFactor.Base32.Encode(key), stored, StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, code => Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_two_step_page_sets_up_an_authenticator_with_a_QR_code_and_a_text_key()
    {
        var (client, _) = await AppClient.SignedInAsync(app);
        var started = await client.SubmitAsync("/account/two-factor", "start-authenticator", new Dictionary<string, string>());
        var html = await started.Content.ReadAsStringAsync();

        Assert.Contains("aria-label=\"QR code for your authenticator app\"", html, StringComparison.Ordinal);
        var keyText = System.Text.RegularExpressions.Regex.Match(html, "id=\"authenticator-key\">([a-z2-7 ]+)<").Groups[1].Value;
        var key = Kintsugi.Web.Features.Account.TwoFactor.Base32.Decode(keyText);
        Assert.Equal(20, key.Length);

        var wrong = await client.SubmitAsync("/account/two-factor", "enable-authenticator", new Dictionary<string, string> { ["EnableInput.Code"] = "123" });
        Assert.Contains("id=\"code-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enabled = await client.SubmitAsync("/account/two-factor", "enable-authenticator", new Dictionary<string, string> { ["EnableInput.Code"] = client.CodeAt(key, 0) });
        var codes = System.Text.RegularExpressions.Regex.Matches(await enabled.Content.ReadAsStringAsync(), "<li><code>([A-Z0-9-]{14})</code></li>");
        Assert.Equal(10, codes.Count);
        var status = await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/account/two-factor");
        Assert.True(status.GetProperty("enabled").GetBoolean());
    }
}

public sealed class SqliteTwoFactorTests(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTwoFactorTests(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
