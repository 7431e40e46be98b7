using System.Net;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

public abstract class RegistrationTests(KintsugiApp app)
{
    [Fact]
    public async Task Signing_up_with_a_known_or_unknown_address_gets_the_same_answer_and_one_email_each()
    {
        var (_, known) = await AppClient.SignedInAsync(app);
        var unknown = AppClient.NewEmail();
        using var client = app.NewClient();

        var again = await client.PostJsonAsync("/api/v1/account/register", new { email = known, password = "another long passphrase" });
        var fresh = await client.PostJsonAsync("/api/v1/account/register", new { email = unknown, password = "another long passphrase" });

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await Responses.ObservableAsync(again), await Responses.ObservableAsync(fresh));
        var toOwner = await app.Mail.WaitForAsync(known, count: 2);
        Assert.Equal("About your Kintsugi account", toOwner.Subject);
        Assert.Equal("Confirm your e-mail address", (await app.Mail.WaitForAsync(unknown)).Subject);
    }

    [Fact]
    public async Task Signing_up_again_does_not_change_the_existing_account()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var other = app.NewClient();
        await other.RegisterAsync(email, "someone else's passphrase");

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.TrySignInAsync(email, "someone else's passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.TrySignInAsync(email)).StatusCode);
    }

    [Theory]
    [InlineData("short", "Use at least 8 characters.")]
    [InlineData("password123", "most common passwords")]
    [InlineData("kintsugi2026", "name of this site")]
    public async Task Weak_passwords_are_refused_next_to_the_password_field(string password, string message)
    {
        using var client = app.NewClient();
        var response = await client.PostJsonAsync("/api/v1/account/register", new { email = AppClient.NewEmail(), password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Assert.Single(await Responses.ErrorsForAsync(response, "password")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_up_page_shows_bad_input_next_to_each_field_and_keeps_the_address()
    {
        using var client = app.NewClient();
        var response = await client.SubmitAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-address",
            ["Input.Password"] = "short",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Enter an e-mail address like name@example.com.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-address\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_link_only_confirms_when_its_button_is_pressed()
    {
        using var client = app.NewClient();
        var email = AppClient.NewEmail();
        await client.RegisterAsync(email);
        var link = new Uri(Mailbox.Link(await app.Mail.WaitForAsync(email), "/account/confirm-email"));

        // Opening the link (as a mail scanner would) changes nothing.
        var page = await client.PageAsync(link.PathAndQuery);
        Assert.Contains("Confirm my e-mail address", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.TrySignInAsync(email)).StatusCode);

        var confirmed = await client.SubmitAsync(link.PathAndQuery, "confirm-email", Hidden(page));
        Assert.Contains("Your e-mail address is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.TrySignInAsync(email)).StatusCode);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused_with_a_way_forward()
    {
        using var client = app.NewClient();
        var email = AppClient.NewEmail();
        await client.RegisterAsync(email);
        var link = new Uri(Mailbox.Link(await app.Mail.WaitForAsync(email), "/account/confirm-email"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);

        var response = await client.PostJsonAsync("/api/v1/account/confirm-email", new { userId = query["user"].ToString(), code = "bm90LWEtdG9rZW4" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired or has already been used", (await Responses.ErrorsForAsync(response, "request"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unconfirmed_account_is_told_to_confirm_only_with_the_right_password()
    {
        using var client = app.NewClient();
        var email = AppClient.NewEmail();
        await client.RegisterAsync(email);

        var wrong = await client.TrySignInAsync(email, "not the password at all");
        var unknown = await client.TrySignInAsync(AppClient.NewEmail(), "not the password at all");
        var right = await client.TrySignInAsync(email);

        Assert.Equal(await Responses.ObservableAsync(unknown), await Responses.ObservableAsync(wrong));
        Assert.Equal(HttpStatusCode.Forbidden, right.StatusCode);
        await app.Mail.WaitForAsync(email, count: 2); // the link is sent again
    }

    private static Dictionary<string, string> Hidden(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, "<input type=\"hidden\" name=\"(Input\\.[^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
}

public sealed class SqliteRegistrationTests(SqliteApp app) : RegistrationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRegistrationTests(PostgresApp app) : RegistrationTests(app), IClassFixture<PostgresApp>;
