using System.Net;
using Kintsugi.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Security;

/// <summary>SECURITY.md A1: the policy table and the app agree, and protected endpoints refuse anonymous callers.</summary>
public sealed partial class EndpointPolicyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Every_endpoint_is_in_the_policy_table_and_every_row_is_an_endpoint()
    {
        var endpoints = Endpoints().ToList();
        var missing = endpoints.Where(e => Row(e) is null).Select(Describe).ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from PolicyTable (add a row saying who may use them):\n" + string.Join('\n', missing));

        var stale = PolicyTable.Rows.Where(r => !endpoints.Any(e => Row(e) == r)).Select(r => $"{r.Methods} {r.Route}").ToList();
        Assert.True(stale.Count == 0, "PolicyTable rows with no endpoint:\n" + string.Join('\n', stale));
        TestReport.Write($"policy table (A1): {endpoints.Count} endpoints in {PolicyTable.Rows.Count} rows, {PolicyTable.Rows.Count(r => r.Access == Access.Anonymous)} of them anonymous, 0 missing");
    }

    [Fact]
    public void Anonymous_access_is_exactly_the_allow_list()
    {
        var wrong = Endpoints()
            .Select(e => (Endpoint: e, Row: Row(e)!))
            .Where(x => x.Row is not null && (x.Row.Access == Access.Anonymous) != (x.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .Select(x => $"{Describe(x.Endpoint)}: table says {x.Row.Access}")
            .ToList();
        Assert.True(wrong.Count == 0, "Authorization metadata disagrees with the table:\n" + string.Join('\n', wrong));
    }

    public static TheoryData<string, string> SignedInRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in PolicyTable.Rows.Where(r => r.Access is Access.SignedIn or Access.Member))
        {
            foreach (var method in row.Methods.Split(','))
            {
                data.Add(method, GuidParameter().Replace(row.Route, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SignedInRoutes))]
    public async Task Signed_in_endpoints_refuse_anonymous_callers(string method, string path)
    {
        using var client = app.NewClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = path.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
        }

        var response = await client.Http.SendAsync(request);
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else if (method == "GET")
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }
        else
        {
            // A page form post without a session or token is refused before anything runs.
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{method} {path} answered {response.StatusCode}");
        }
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static PolicyRow? Row(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } list ? string.Join(',', list) : "*";
        if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null || endpoint.RoutePattern.RawText == "/{**path:file}")
        {
            return PolicyTable.Rows.Single(r => r.Route == PolicyTable.StaticFiles);
        }

        return PolicyTable.Rows.SingleOrDefault(r => r.Route == endpoint.RoutePattern.RawText && r.Methods == methods);
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText} ({endpoint.DisplayName})";

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\w+:guid\}")]
    private static partial System.Text.RegularExpressions.Regex GuidParameter();
}
