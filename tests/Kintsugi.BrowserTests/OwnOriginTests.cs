using Kintsugi.BrowserTests.Infrastructure;

namespace Kintsugi.BrowserTests;

/// <summary>
/// SECURITY.md D4: no page asks anything of another site (no CDN, font, analytics), and the strict
/// CSP lets every page load all of its own styles and scripts.
/// </summary>
public sealed class OwnOriginTests(BrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public Task Every_request_the_pages_make_goes_to_the_app_itself() => app.InContextAsync(nameof(Every_request_the_pages_make_goes_to_the_app_itself), async context =>
    {
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        context.Request += (_, request) => requests.Enqueue(request.Url);
        var page = await context.NewPageAsync();

        await SiteWalk.MainPagesAsync(page, app.Mail);

        var urls = requests.ToList();
        output.WriteLine($"{urls.Count} requests, {urls.Distinct().Count()} distinct URLs.");
        var foreign = urls
            .Where(url => !url.StartsWith("data:", StringComparison.Ordinal))
            .Where(url => !url.StartsWith(BrowserFixture.BeforeSite, StringComparison.Ordinal) && !url.StartsWith(BrowserFixture.NeutralSite, StringComparison.Ordinal))
            .Where(url => OriginOf(url) != app.Origin)
            .Distinct()
            .ToList();
        Assert.True(foreign.Count == 0, "Requests to another origin:" + Environment.NewLine + string.Join(Environment.NewLine, foreign));

        // The walk did load the app's own assets, so the check above had something to check.
        Assert.Contains(urls, url => new Uri(url).AbsolutePath.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(urls, url => new Uri(url).AbsolutePath.Contains("blazor.web", StringComparison.Ordinal));
    });

    [Fact]
    public Task Every_page_loads_its_styles_and_scripts_with_no_CSP_violation_or_error() => app.InContextAsync(nameof(Every_page_loads_its_styles_and_scripts_with_no_CSP_violation_or_error), async context =>
    {
        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Enqueue($"console {message.Type} on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) =>
        {
            // A page or an enhanced-navigation fetch cut short by the test's next navigation is not a problem.
            if (!(request.Failure == "net::ERR_ABORTED" && request.ResourceType is "document" or "fetch"))
            {
                problems.Enqueue($"request failed: {request.ResourceType} {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Enqueue($"{response.Status} for {response.Request.ResourceType} {response.Url} (on {page.Url})");
            }
        };

        await SiteWalk.MainPagesAsync(page, app.Mail);

        var distinct = problems.Distinct().ToList();
        Assert.True(distinct.Count == 0, $"{distinct.Count} problem(s) while loading pages:" + Environment.NewLine + string.Join(Environment.NewLine, distinct));
    });

    private static string OriginOf(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme == "blob" ? OriginOf(uri.AbsolutePath) : uri.GetLeftPart(UriPartial.Authority);
    }
}
