using System.Net;
using System.Text.RegularExpressions;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Security;

/// <summary>
/// STYLE.md §10 and SECURITY.md C2, C3: canary values typed into every account flow appear in no
/// log line, no e-mail (beyond the address it is sent to), no URL and no page title.
/// </summary>
public sealed partial class PrivacyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string CanaryPassword = "canary-password-7f3a9c quiet";
    private const string NewCanaryPassword = "canary-newpassword-51be quiet";

    [Fact]
    public async Task Canaries_from_every_account_flow_stay_out_of_logs_mails_urls_and_titles()
    {
        var local = "canary-addr-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var email = local + "@example.test";
        using var client = app.NewClient();
        var urls = new List<string>();
        var titles = new List<string>();

        await client.RegisterAsync(email, CanaryPassword);
        await client.ConfirmAsync(email);
        await client.TrySignInAsync(email, "canary-wrong-password");
        await client.SignInAsync(email, CanaryPassword);
        await client.EnableTwoFactorAsync();
        foreach (var page in new[] { "/account", "/account/two-factor", "/account/sessions", "/account/data", "/account/password" })
        {
            var response = await client.GetAsync(page);
            urls.Add(page);
            titles.Add(Title().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        }

        await client.PostJsonAsync("/api/v1/account/password", new { currentPassword = CanaryPassword, newPassword = NewCanaryPassword });
        await client.PostJsonAsync("/api/v1/account/export", new { password = NewCanaryPassword });
        await client.PostJsonAsync("/api/v1/account/forgot-password", new { email });
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/account/delete", new { password = NewCanaryPassword })).StatusCode);

        await app.Mail.WaitForAsync(email, "Your account was deleted");
        var mails = app.Mail.To(email);
        Assert.True(mails.Count >= 4, "expected the confirmation, two-step, password and deletion messages");
        urls.AddRange(mails.SelectMany(m => Links().Matches(m.TextBody ?? "").Select(x => x.Value)));

        var logs = string.Join('\n', app.Logs.Lines);
        Assert.NotEmpty(app.Logs.Lines);
        foreach (var canary in new[] { local, CanaryPassword, NewCanaryPassword, "canary-wrong-password" })
        {
            Assert.DoesNotContain(canary, logs, StringComparison.OrdinalIgnoreCase);
            Assert.All(urls, u => Assert.DoesNotContain(canary, u, StringComparison.OrdinalIgnoreCase));
            Assert.All(titles, t => Assert.DoesNotContain(canary, t, StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(mails, m =>
        {
            Assert.DoesNotContain(CanaryPassword, m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(NewCanaryPassword, m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(local, m.Subject + m.TextBody, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Messages_never_mention_relationships_partners_or_what_anyone_wrote()
    {
        var email = AppClient.NewEmail();
        using var client = app.NewClient();
        await client.RegisterAsync(email);
        await client.ConfirmAsync(email);
        await client.PostJsonAsync("/api/v1/account/forgot-password", new { email });
        await client.PostJsonAsync("/api/v1/account/forgot-password", new { email = AppClient.NewEmail() });
        await app.Mail.WaitForAsync(email, count: 2);

        string[] sensitive = ["relationship", "partner", "affair", "trust", "betray", "therap", "couple", "sex", "journal", "space"];
        // Links are left out: their random tokens can spell anything.
        Assert.All(app.Mail.All(), m => Assert.All(sensitive, word => Assert.DoesNotContain(word, m.Subject + Links().Replace(m.TextBody ?? "", ""), StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Links();
}
