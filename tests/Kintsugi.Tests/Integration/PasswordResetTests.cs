using System.Net;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

public abstract class PasswordResetTests(KintsugiApp app)
{
    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_one_message_each()
    {
        var (_, known) = await AppClient.SignedInAsync(app);
        var unknown = AppClient.NewEmail();
        using var client = app.NewClient();

        var a = await client.PostJsonAsync("/api/v1/account/forgot-password", new { email = known });
        var b = await client.PostJsonAsync("/api/v1/account/forgot-password", new { email = unknown });

        Assert.Equal(HttpStatusCode.Accepted, a.StatusCode);
        Assert.Equal(await Responses.ObservableAsync(a), await Responses.ObservableAsync(b));
        Assert.Contains("/account/reset-password?", (await app.Mail.WaitForAsync(known, count: 2)).TextBody, StringComparison.Ordinal);
        var note = await app.Mail.WaitForAsync(unknown);
        Assert.Contains("there is no account with it", note.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/reset-password?", note.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reset_link_sets_a_new_password_once_and_signs_out_everywhere()
    {
        var (signedIn, email) = await AppClient.SignedInAsync(app);
        using var client = app.NewClient();
        await client.PostJsonAsync("/api/v1/account/forgot-password", new { email });
        var link = new Uri(Mailbox.Link(await app.Mail.WaitForAsync(email, count: 2), "/account/reset-password"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var body = new { userId = query["user"].ToString(), code = query["code"].ToString(), password = "a brand new passphrase" };

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/account/reset-password", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/v1/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.TrySignInAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.TrySignInAsync(email, "a brand new passphrase")).StatusCode);

        var reused = await client.PostJsonAsync("/api/v1/account/reset-password", body with { password = "yet another passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("already been used", (await Responses.ErrorsForAsync(reused, "request"))[0], StringComparison.Ordinal);
        Assert.Equal("Your password was changed", (await app.Mail.WaitForAsync(email, count: 3)).Subject);
    }

    [Fact]
    public async Task The_reset_page_refuses_a_weak_password_next_to_the_field()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var client = app.NewClient();
        await client.PostJsonAsync("/api/v1/account/forgot-password", new { email });
        var link = new Uri(Mailbox.Link(await app.Mail.WaitForAsync(email, count: 2), "/account/reset-password"));
        var page = await client.PageAsync(link.PathAndQuery);
        var hidden = System.Text.RegularExpressions.Regex.Matches(page, "<input type=\"hidden\" name=\"(Input\\.[^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        hidden["Input.Password"] = "password1";

        var response = await client.SubmitAsync(link.PathAndQuery, "reset-password", hidden);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("most common passwords", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.TrySignInAsync(email)).StatusCode);
    }

    [Fact]
    public async Task Reset_emails_to_one_address_are_limited()
    {
        var email = AppClient.NewEmail();
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostJsonAsync("/api/v1/account/forgot-password", new { email })).StatusCode);
        }

        var limited = await client.PostJsonAsync("/api/v1/account/forgot-password", new { email });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}

public sealed class SqlitePasswordResetTests(SqliteApp app) : PasswordResetTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPasswordResetTests(PostgresApp app) : PasswordResetTests(app), IClassFixture<PostgresApp>;
