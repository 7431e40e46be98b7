using System.Net;
using System.Text;
using Kintsugi.Tests.Infrastructure;

namespace Kintsugi.Tests.Integration;

/// <summary>Behaviour that only the real server shows.</summary>
public sealed class KestrelTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Fact]
    public async Task A_request_body_over_one_megabyte_is_refused_with_a_413_problem()
    {
        using var http = new HttpClient { BaseAddress = app.Address };
        var response = await http.PostAsync("/api/v1/account/register", new StringContent("{\"email\":\"" + new string('a', 1_200_000) + "\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Forms_work_over_plain_http_when_secure_cookies_are_off()
    {
        using var http = new HttpClient { BaseAddress = app.Address };
        var page = await http.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("__RequestVerificationToken", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.StartsWith("kintsugi-", c, StringComparison.Ordinal));
    }
}
