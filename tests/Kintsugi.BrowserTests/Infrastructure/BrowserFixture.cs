using System.Text;

[assembly: AssemblyFixture(typeof(Kintsugi.BrowserTests.Infrastructure.BrowserFixture))]

namespace Kintsugi.BrowserTests.Infrastructure;

/// <summary>
/// One app server and one Chromium for the whole run; each test gets its own browser context
/// (its own cookies, storage and history). There is no internet here, so the neutral site that
/// Quick exit opens and a "site visited before" are served by Playwright's routing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string MissingChromium = "Browser tests need Chromium: apt-get install -y --no-install-recommends chromium";

    /// <summary>Where Quick exit goes (QuickExit:Url in appsettings.json), served by the route below.</summary>
    public const string NeutralSite = "https://www.bbc.co.uk/weather";

    /// <summary>A site the person was on before opening Kintsugi in the same tab.</summary>
    public const string BeforeSite = "https://before.test/";

    private readonly KintsugiServer server = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The app's address, such as https://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>The app's origin, such as https://127.0.0.1:41234 (no trailing slash).</summary>
    public string Origin => BaseUrl.GetLeftPart(UriPartial.Authority);

    public Mailbox Mail => server.Mail;

    public IReadOnlyCollection<string> ServerProblems => server.Problems;

    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(MissingChromium);
        }

        BaseUrl = server.Start();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    /// <summary>A fresh browser context: its own cookies and history, with the outside sites routed.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            IgnoreHTTPSErrors = true, // the test server's self-signed certificate
            // The site's CSS turns its 0.15 s colour transitions off for people who ask for less
            // motion; without them axe never measures a button's contrast halfway through a fade.
            ReducedMotion = ReducedMotion.Reduce,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        await context.RouteAsync("https://www.bbc.co.uk/**", route => route.FulfillAsync(Html("Weather", "Sunny spells, light winds.")));
        await context.RouteAsync("https://before.test/**", route => route.FulfillAsync(Html("Before", "A page visited before Kintsugi.")));
        return context;
    }

    /// <summary>Whether a URL is a page of the app.</summary>
    public bool IsApp(string url) => url.StartsWith(Origin + "/", StringComparison.Ordinal) || url == Origin;

    /// <summary>
    /// Runs a test's steps in a new context; on failure, saves a screenshot of every open page and
    /// adds what the server logged to the error.
    /// </summary>
    public async Task InContextAsync(string name, Func<IBrowserContext, Task> steps)
    {
        await using var context = await NewContextAsync();
        try
        {
            await steps(context);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var report = new StringBuilder();
            Directory.CreateDirectory(ScreenshotDirectory);
            var index = 0;
            foreach (var page in context.Pages)
            {
                var path = Path.Combine(ScreenshotDirectory, $"{name}-{++index}.png");
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Page {index}: {page.Url} (screenshot {path})");
                }
                catch (PlaywrightException)
                {
                    report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Page {index}: {page.Url} (no screenshot)");
                }
            }

            foreach (var line in ServerProblems.TakeLast(20))
            {
                report.AppendLine("Server: " + line);
            }

            throw new BrowserTestException(report.ToString(), exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await server.DisposeAsync();
    }

    private static RouteFulfillOptions Html(string title, string text) => new()
    {
        Status = 200,
        ContentType = "text/html; charset=utf-8",
        Body = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p></body></html>",
    };
}

public sealed class BrowserTestException(string report, Exception inner) : Exception(inner.Message + Environment.NewLine + report, inner);
