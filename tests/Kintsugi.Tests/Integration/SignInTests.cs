using System.Net;
using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

public abstract class SignInTests(KintsugiApp app)
{
    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_identical_answers()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var client = app.NewClient();

        var wrong = await client.TrySignInAsync(email, "not the password at all");
        var unknown = await client.TrySignInAsync(AppClient.NewEmail(), "not the password at all");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(await Responses.ObservableAsync(wrong), await Responses.ObservableAsync(unknown));
    }

    [Fact]
    public async Task Five_failures_lock_an_address_with_429_and_Retry_After_known_or_not()
    {
        var (_, known) = await AppClient.SignedInAsync(app);
        var unknown = AppClient.NewEmail();
        foreach (var email in new[] { known, unknown })
        {
            using var attacker = app.NewClient();
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.TrySignInAsync(email, $"guess number {i}")).StatusCode);
            }

            // Locked, even for the right password, and from a different address.
            using var another = app.NewClient();
            var locked = await another.TrySignInAsync(email);
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
            Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Parallel_attempts_cannot_get_more_password_checks_than_the_budget()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        var clients = Enumerable.Range(0, 24).Select(_ => app.NewClient()).ToList();

        var results = await Task.WhenAll(clients.Select((c, i) => c.TrySignInAsync(email, $"parallel guess {i}")));

        // At most five reach the password check; when all are counted before any is checked, none do.
        Assert.InRange(results.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), 0, 5);
        Assert.Equal(results.Length, results.Count(r => r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task The_owner_can_unlock_a_fresh_browser_by_email_after_a_stranger_locked_the_address()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var stranger = app.NewClient();
        for (var i = 0; i < 6; i++)
        {
            await stranger.TrySignInAsync(email, $"guess number {i}");
        }

        using var privateWindow = app.NewClient();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await privateWindow.TrySignInAsync(email)).StatusCode);

        var page = await privateWindow.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = AppClient.Password });
        Assert.Contains("href=\"/account/unlock\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var asked = await privateWindow.PostJsonAsync("/api/v1/account/unlock-request", new { email });
        var unknown = await privateWindow.PostJsonAsync("/api/v1/account/unlock-request", new { email = AppClient.NewEmail() });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(await Responses.ObservableAsync(asked), await Responses.ObservableAsync(unknown));

        var link = new Uri(Mailbox.Link(await app.Mail.WaitForAsync(email, "Unlock your browser"), "/account/unlock/confirm"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        Assert.Equal(HttpStatusCode.NoContent, (await privateWindow.PostJsonAsync("/api/v1/account/unlock", new { userId = query["user"].ToString(), code = query["code"].ToString() })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await privateWindow.TrySignInAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await stranger.TrySignInAsync(email)).StatusCode);
    }

    [Theory]
    [InlineData("x <{0}>")]
    [InlineData("{0} (2)")]
    [InlineData("{0}\u0000")]
    public async Task Addresses_with_names_comments_or_control_characters_are_refused_everywhere(string shape)
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        var variant = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, email);
        using var client = app.NewClient();

        foreach (var path in new[] { "/api/v1/account/register", "/api/v1/account/forgot-password", "/api/v1/account/resend-confirmation", "/api/v1/account/sign-in", "/api/v1/account/unlock-request" })
        {
            var response = await client.PostJsonAsync(path, new { email = variant, password = "a quiet walk by the river" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["Enter an e-mail address like name@example.com."], await Responses.ErrorsForAsync(response, "email"));
        }

        Assert.Single(app.Mail.To(email)); // only the confirmation
    }

    [Fact]
    public async Task Addresses_are_matched_whatever_their_case()
    {
        using var client = app.NewClient();
        var email = AppClient.NewEmail();
        await client.RegisterAsync(email.ToUpperInvariant());
        await client.ConfirmAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.TrySignInAsync(email)).StatusCode);
    }

    [Fact]
    public async Task The_lock_lifts_when_its_window_has_passed()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.TrySignInAsync(email, $"guess number {i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.TrySignInAsync(email)).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await client.TrySignInAsync(email)).StatusCode);
    }

    [Fact]
    public async Task A_strangers_failures_do_not_lock_the_owner_out_of_the_browser_they_use()
    {
        var (owner, email) = await AppClient.SignedInAsync(app);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostJsonAsync("/api/v1/account/sign-out")).StatusCode);

        using var stranger = app.NewClient();
        for (var i = 0; i < 8; i++)
        {
            await stranger.TrySignInAsync(email, $"guess number {i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await stranger.TrySignInAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.TrySignInAsync(email)).StatusCode);
    }

    [Fact]
    public async Task One_client_address_flooding_the_sign_in_gets_429_with_Retry_After()
    {
        using var flood = app.NewClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 25 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await flood.TrySignInAsync(AppClient.NewEmail(), "not the password at all");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null, "429 without Retry-After");
        using var neighbour = app.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await neighbour.TrySignInAsync(AppClient.NewEmail(), "not the password at all")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_answers_a_locked_address_with_429_and_a_message()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var client = app.NewClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password at all" };
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SubmitAsync("/account/sign-in", "sign-in", fields);
            Assert.Contains("don&#x27;t match an account", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var locked = await client.SubmitAsync("/account/sign-in", "sign-in", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Contains("too many attempts", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_signs_in_and_follows_only_local_return_addresses()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var client = app.NewClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = AppClient.Password };

        var local = await client.SubmitAsync("/account/sign-in?returnUrl=%2Faccount%2Fsessions", "sign-in", fields);
        Assert.Equal("https://localhost/account/sessions", local.Headers.Location?.ToString());

        using var other = app.NewClient();
        var foreign = await other.SubmitAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", "sign-in", fields);
        Assert.Equal("https://localhost/account", foreign.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Passwords_are_stored_as_PBKDF2_HMAC_SHA512_with_at_least_210000_iterations()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByEmailAsync(email);
        var hash = Convert.FromBase64String(user!.PasswordHash!);

        // Identity's v3 format: 0x01 | PRF (uint32 BE) | iterations (uint32 BE) | salt length | salt | subkey
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1))); // 2 = HMACSHA512
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 210_000);
        Assert.DoesNotContain(AppClient.Password, user.PasswordHash!, StringComparison.Ordinal);
    }
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
