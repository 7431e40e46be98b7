using System.Net;
using System.Text.RegularExpressions;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Security;

/// <summary>SECURITY.md E1, C2, D4: the headers every response carries, the cookies, and no foreign origins in pages.</summary>
public sealed partial class HeaderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string> Urls() =>
        ["/", "/support", "/check-an-apology", "/account/sign-in", "/account/register", "/api/v1/account", "/healthz", "/healthz/live", "/openapi/v1.json", "/css/site.css", "/no-such-page", "/api/v1/no-such-thing"];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var client = app.NewClient();
        var response = await client.GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"), "The server header names the software");
    }

    [Fact]
    public async Task Browsers_are_told_to_use_https_only()
    {
        using var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "kintsugi.example"; // HSTS is never sent to localhost

        var response = await client.Http.SendAsync(request);

        Assert.Matches("^max-age=\\d{7,}", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("/account/sessions")]
    [InlineData("/api/v1/account")]
    [InlineData("/api/v1/account/sessions")]
    public async Task Signed_in_pages_and_answers_are_never_stored(string url)
    {
        var (client, _) = await AppClient.SignedInAsync(app);
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url} may be cached: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_session_cookie_is_host_only_secure_http_only_and_same_site()
    {
        var email = AppClient.NewEmail();
        using var client = app.NewClient();
        await client.RegisterAsync(email);
        await client.ConfirmAsync(email);
        var response = await client.TrySignInAsync(email);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-kintsugi=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.StartsWith("__Host-", c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/support")]
    [InlineData("/account/sign-in")]
    [InlineData("/account/register")]
    [InlineData("/account/forgot-password")]
    public async Task Pages_load_nothing_from_another_origin(string url)
    {
        using var client = app.NewClient();
        var html = await client.PageAsync(url);

        var loads = Loads().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(loads);
        Assert.All(loads, u => Assert.False(u.Contains("//", StringComparison.Ordinal), $"{url} loads {u}"));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" on", InlineHandlers().Match(html).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_form_carries_an_antiforgery_token_and_a_post_without_one_is_refused()
    {
        using var client = app.NewClient();
        foreach (var page in new[] { "/account/sign-in", "/account/register", "/account/forgot-password", "/account/resend-confirmation" })
        {
            var html = await client.PageAsync(page);
            Assert.Equal(Forms().Count(html), Tokens().Count(html));
        }

        var forged = await client.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string> { ["Input.Email"] = "a@example.test", ["Input.Password"] = "whatever it is" }, withToken: false);
        Assert.Equal(HttpStatusCode.SeeOther, forged.StatusCode);
        var explained = await client.GetAsync(forged.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, explained.StatusCode);
        Assert.Contains("That request didn", await explained.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_out_form_needs_its_antiforgery_token()
    {
        var (client, _) = await AppClient.SignedInAsync(app);

        var forged = await client.Http.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Clear-Site-Data"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account")).StatusCode);

        var real = await client.SubmitAsync("/account", null, new Dictionary<string, string>(), action: "/account/sign-out");
        Assert.EndsWith("/account/signed-out", real.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task The_rate_limit_page_still_offers_quick_exit_to_the_neutral_site()
    {
        using var flood = app.NewClient();
        flood.Http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 25 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await flood.Http.PostAsync("/account/forgot-password", new FormUrlEncodedContent([]));
        }

        var html = await last!.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("href=\"https://www.bbc.co.uk/weather\" rel=\"noreferrer\" data-quick-exit", html, StringComparison.Ordinal);
        Assert.Contains("/js/quick-exit.js", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<(?:script|link|img|iframe|source)\\b[^>]*?\\b(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Loads();

    [GeneratedRegex("<[a-z]+[^>]*\\son[a-z]+=\"")]
    private static partial Regex InlineHandlers();

    [GeneratedRegex("<form\\b")]
    private static partial Regex Forms();

    [GeneratedRegex("name=\"__RequestVerificationToken\"")]
    private static partial Regex Tokens();
}
