using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;

namespace Kintsugi.BrowserTests;

/// <summary>
/// SECURITY.md C1: on every page, Quick exit is the first thing in the tab order, has a keyboard
/// shortcut (Escape twice), and puts a neutral site in place of the app in the tab's history, so
/// that Back leads to whatever came before Kintsugi.
/// </summary>
public sealed class QuickExitTests(BrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public Task Clicking_quick_exit_opens_the_neutral_site_and_back_skips_every_app_page() => app.InContextAsync(nameof(Clicking_quick_exit_opens_the_neutral_site_and_back_skips_every_app_page), async context =>
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(BrowserFixture.BeforeSite);
        await Assertions.Expect(page).ToHaveTitleAsync("Before");

        // Several app entries in this tab's history, reached by clicking links as a person does.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Banner).Locator(page.Link("Support")).ClickAsync();
        await Assertions.Expect(page.Heading("Support")).ToBeVisibleAsync();
        await page.Link("Kintsugi").ClickAsync();
        await Assertions.Expect(page.Heading("Rebuild trust, together, at your own pace")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("history.length") >= 4);

        await page.Link("Quick exit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(BrowserFixture.NeutralSite);
        await Assertions.Expect(page).ToHaveTitleAsync("Weather");

        await page.GoBackAsync();
        Assert.False(app.IsApp(page.Url), $"Back after Quick exit returned to the app: {page.Url}");
        Assert.Equal(BrowserFixture.BeforeSite, page.Url);

        // Forward first comes back to the neutral site, which took the place of the first app entry.
        await page.GoForwardAsync();
        Assert.Equal(BrowserFixture.NeutralSite, page.Url);

        // The app pages that were after it are gone from the forward history; the one entry left
        // there is /quick-exit, which only redirects to the neutral site. (Playwright does not route
        // the redirected request, so without internet that last step fails; the redirect is what counts.)
        var appResponses = new List<string>();
        page.Response += (_, response) =>
        {
            if (app.IsApp(response.Url))
            {
                appResponses.Add($"{response.Status} {new Uri(response.Url).PathAndQuery} -> {response.Headers.GetValueOrDefault("location")}");
            }
        };
        try
        {
            await page.GoForwardAsync();
        }
        catch (PlaywrightException)
        {
            // The neutral site is not reachable from the test machine.
        }

        output.WriteLine("A second Forward: " + string.Join(", ", appResponses));
        Assert.Equal([$"302 /quick-exit -> {BrowserFixture.NeutralSite}"], appResponses);
    });

    [Fact]
    public Task Quick_exit_after_full_page_loads_leaves_no_app_page_behind_back() => app.InContextAsync(nameof(Quick_exit_after_full_page_loads_leaves_no_app_page_behind_back), async context =>
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(BrowserFixture.BeforeSite);

        // Each page a separate document (typed addresses, bookmarks), not an enhanced navigation.
        await page.GotoAsync("/");
        await page.GotoAsync("/support");
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.Heading("Sign in")).ToBeVisibleAsync();

        await page.Link("Quick exit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(BrowserFixture.NeutralSite);

        await page.GoBackAsync();
        Assert.False(app.IsApp(page.Url), $"Back after Quick exit returned to the app: {page.Url}");
        Assert.Equal(BrowserFixture.BeforeSite, page.Url);
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/support")]
    [InlineData("/account/sign-in")]
    [InlineData("/account/register")]
    public Task Quick_exit_is_first_in_the_tab_order(string path) => app.InContextAsync("tab-order" + path.Replace('/', '-'), async context =>
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await SettleAsync(page);

        await page.Keyboard.PressAsync("Tab");

        var focused = await page.EvaluateAsync<string>("document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : ''");
        Assert.True(await page.Link("Quick exit").EvaluateAsync<bool>("e => e === document.activeElement"),
            $"The first Tab on {path} focused {focused}, not the Quick exit link.");
    });

    [Fact]
    public Task Quick_exit_is_first_in_the_tab_order_after_following_a_link() => app.InContextAsync(nameof(Quick_exit_is_first_in_the_tab_order_after_following_a_link), async context =>
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Banner).Locator(page.Link("Support")).ClickAsync();
        await Assertions.Expect(page.Heading("Support")).ToBeVisibleAsync();
        await SettleAsync(page);

        await page.Keyboard.PressAsync("Tab");

        var focused = await page.EvaluateAsync<string>("document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : ''");
        Assert.True(await page.Link("Quick exit").EvaluateAsync<bool>("e => e === document.activeElement"),
            $"The first Tab after following a link to /support focused {focused}, not the Quick exit link.");
    });

    [Fact]
    public Task Escape_twice_opens_the_neutral_site_and_back_skips_every_app_page() => app.InContextAsync(nameof(Escape_twice_opens_the_neutral_site_and_back_skips_every_app_page), async context =>
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(BrowserFixture.BeforeSite);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Banner).Locator(page.Link("Support")).ClickAsync();
        await Assertions.Expect(page.Heading("Support")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page).ToHaveURLAsync(BrowserFixture.NeutralSite);
        await Assertions.Expect(page).ToHaveTitleAsync("Weather");

        await page.GoBackAsync();
        Assert.False(app.IsApp(page.Url), $"Back after Quick exit returned to the app: {page.Url}");
        Assert.Equal(BrowserFixture.BeforeSite, page.Url);
    });

    [Fact]
    public Task Escape_twice_works_on_an_account_page() => app.InContextAsync(nameof(Escape_twice_works_on_an_account_page), async context =>
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(BrowserFixture.BeforeSite);
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.Heading("Sign in")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page).ToHaveURLAsync(BrowserFixture.NeutralSite);

        await page.GoBackAsync();
        Assert.Equal(BrowserFixture.BeforeSite, page.Url);
    });

    /// <summary>Lets the page's scripts finish what they do after a page appears (such as moving focus).</summary>
    private static async Task SettleAsync(IPage page) =>
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
}
