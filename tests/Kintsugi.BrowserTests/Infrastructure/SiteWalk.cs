using static Kintsugi.BrowserTests.Infrastructure.Person;

namespace Kintsugi.BrowserTests.Infrastructure;

/// <summary>A walk through the main pages, signed out and signed in, as a new member takes it.</summary>
public static class SiteWalk
{
    public static async Task MainPagesAsync(IPage page, Mailbox mail)
    {
        foreach (var (path, heading) in new[]
        {
            ("/", "Rebuild trust, together, at your own pace"),
            ("/support", "Support"),
            ("/check-an-apology", "Check an apology"),
            ("/account/sign-in", "Sign in"),
            ("/account/forgot-password", "Forgot your password?"),
            ("/account/resend-confirmation", "Send the confirmation link again"),
        })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Heading(heading)).ToBeVisibleAsync();
        }

        // Following links inside the app (enhanced navigation) as well as typing addresses.
        await page.GetByRole(AriaRole.Banner).Locator(page.Link("Support")).ClickAsync();
        await Assertions.Expect(page.Heading("Support")).ToBeVisibleAsync();
        await page.Link("Kintsugi").ClickAsync();
        await Assertions.Expect(page.Heading("Rebuild trust, together, at your own pace")).ToBeVisibleAsync();

        await NewAccountAsync(page, mail, "walk");
        foreach (var (path, heading) in new[]
        {
            ("/account/password", "Change your password"),
            ("/account/two-factor", "Two-step sign-in"),
            ("/account/sessions", "Where you're signed in"),
            ("/account/data", "Your data"),
            ("/account/delete", "Delete your account"),
            ("/account", "Your account"),
        })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Heading(heading)).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).Locator(page.Link("Two-step sign-in")).ClickAsync();
        await page.Button("Set up an authenticator app").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();

        await SignOutAsync(page);
    }
}
