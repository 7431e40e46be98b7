using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kintsugi.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

/// <summary>SECURITY.md E4 and the issue's bar: malformed requests get a clear 4xx ProblemDetails, never a 500.</summary>
public abstract class ApiContractTests(KintsugiApp app)
{
    private static readonly (string Name, string ContentType, string Body)[] BadBodies =
    [
        ("broken JSON", "application/json", "{\"email\": "),
        ("wrong types", "application/json", "{\"email\": 12, \"password\": [], \"code\": {}, \"userId\": \"not-a-guid\", \"rememberMe\": \"yes\"}"),
        ("an array", "application/json", "[1, 2, 3]"),
        ("empty object", "application/json", "{}"),
        ("null", "application/json", "null"),
        ("plain text", "text/plain", "email=a@example.test"),
        ("a form", "application/x-www-form-urlencoded", "email=a%40example.test&password=x"),
        ("huge strings", "application/json", "{\"email\": \"" + new string('a', 5000) + "@example.test\", \"password\": \"" + new string('b', 100_000) + "\"}"),
    ];

    [Fact]
    public async Task Malformed_requests_to_every_api_endpoint_get_a_problem_and_never_a_500()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Path: e.RoutePattern.RawText!.Replace("{id:guid}", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", StringComparison.Ordinal))))
            .ToList();
        Assert.True(endpoints.Count >= 20, "the API endpoints were not found");

        var failures = new List<string>();
        foreach (var signedIn in new[] { false, true })
        {
            foreach (var (method, path) in endpoints.Where(e => e.Path != "/api/v1/account/delete"))
            {
                using var client = signedIn ? (await AppClient.SignedInAsync(app)).Client : app.NewClient();
                foreach (var (name, contentType, body) in BadBodies)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method != "GET")
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, contentType);
                    }

                    var response = await client.Http.SendAsync(request);
                    var type = response.Content.Headers.ContentType?.MediaType;
                    if ((int)response.StatusCode >= 500 || ((int)response.StatusCode >= 400 && type != "application/problem+json"))
                    {
                        failures.Add($"{(signedIn ? "signed in" : "anonymous")} {method} {path} with {name}: {(int)response.StatusCode} {type}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Pages_given_mangled_query_strings_answer_with_a_page_not_a_500()
    {
        var (client, _) = await AppClient.SignedInAsync(app);
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!.Replace("{Code:int}", "400", StringComparison.Ordinal))
            .ToList();
        const string Mangled = "?user=not-a-guid&code=%00%FF&rememberMe=maybe&returnUrl=%00javascript:x&problem=%3Cscript%3E&seconds=99999999999";

        var failures = new List<string>();
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page + Mangled);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{page}: {(int)response.StatusCode}");
            }
        }

        Assert.True(pages.Count > 15, "the pages were not found");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Signing_up_the_same_new_address_many_times_at_once_answers_each_calmly()
    {
        var email = AppClient.NewEmail();
        // Five: within the address's e-mail budget, so every answer should be the calm 202.
        var clients = Enumerable.Range(0, 5).Select(_ => app.NewClient()).ToList();

        var results = await Task.WhenAll(clients.Select(c => c.PostJsonAsync("/api/v1/account/register", new { email, password = AppClient.Password })));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
    }

    [Fact]
    public async Task A_state_changing_call_must_be_json_so_no_cross_site_form_can_make_it()
    {
        var (client, _) = await AppClient.SignedInAsync(app);
        var response = await client.Http.PostAsync("/api/v1/account/sign-out", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task Unknown_api_paths_are_a_404_problem()
    {
        using var client = app.NewClient();
        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint()
    {
        using var client = app.NewClient();
        var document = await client.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToHashSet();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{(\w+):guid\}", "{$1}").TrimEnd('/'));

        Assert.All(routes, r => Assert.Contains(r, paths));
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_answers_when_the_database_does()
    {
        using var client = app.NewClient();
        var ready = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await (await client.GetAsync("/healthz/live")).Content.ReadAsStringAsync());
    }
}

public sealed class SqliteApiContractTests(SqliteApp app) : ApiContractTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiContractTests(PostgresApp app) : ApiContractTests(app), IClassFixture<PostgresApp>;
