using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;

namespace Kintsugi.BrowserTests;

/// <summary>From signing up to two-step sign-in with an authenticator app and a recovery code, all in the browser.</summary>
public sealed class GoldenPathTests(BrowserFixture app)
{
    [Fact]
    public Task Sign_up_confirm_sign_in_and_use_two_step_sign_in() => app.InContextAsync(nameof(GoldenPathTests), async context =>
    {
        var page = await context.NewPageAsync();
        var email = NewEmail("golden");

        // Sign up, then confirm through the link in the e-mail.
        await page.GotoAsync("/account/register");
        await page.Field("E-mail address").FillAsync(email);
        await page.Field("Password").FillAsync(Password);
        await page.Button("Create account").ClickAsync();
        await Assertions.Expect(page.Heading("Check your e-mail")).ToBeVisibleAsync();

        var message = await app.Mail.WaitForAsync(email);
        var link = Mailbox.Link(message, "/account/confirm-email");
        Assert.StartsWith(app.Origin + "/account/confirm-email?", link, StringComparison.Ordinal);
        await page.GotoAsync(link);
        await page.Button("Confirm my e-mail address").ClickAsync();
        await Assertions.Expect(page.Heading("Your e-mail address is confirmed")).ToBeVisibleAsync();

        // Sign in with the password.
        await page.GotoAsync("/account/sign-in");
        await page.Field("E-mail address").FillAsync(email);
        await page.Field("Password").FillAsync(Password);
        await page.Button("Sign in").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account"));
        await Assertions.Expect(page.Heading("Your account")).ToBeVisibleAsync();

        // Chromium keeps the app's __Host- cookie: Secure, HttpOnly, host-only, path /.
        var session = Assert.Single(await context.CookiesAsync(), c => c.Name == "__Host-kintsugi");
        Assert.True(session.Secure);
        Assert.True(session.HttpOnly);
        Assert.Equal("/", session.Path);

        // Turn on two-step sign-in with an authenticator app.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).Locator(page.Link("Two-step sign-in")).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account/two-factor"));
        await page.Button("Set up an authenticator app").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        var key = await ReadAuthenticatorKeyAsync(page);
        Assert.Equal(20, key.Length);
        await page.Field("Six-digit code").FillAsync(AuthenticatorCode(key));
        await page.Button("Turn on two-step sign-in").ClickAsync();
        var codeItems = page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(codeItems).ToHaveCountAsync(10);
        var recoveryCodes = (await codeItems.AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal(10, recoveryCodes.Distinct().Count());

        await SignOutAsync(page);

        // Password, then the code of the next 30-second step (the set-up used the current one).
        await SubmitSignInAsync(page, email);
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account/sign-in/second-factor"));
        var nextCode = AuthenticatorCode(key, stepsAhead: 1);
        await page.Field("Code from your authenticator app").FillAsync(nextCode);
        await page.Button("Sign in").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account"));
        await Assertions.Expect(page.Heading("Your account")).ToBeVisibleAsync();

        await SignOutAsync(page);

        // The same code again is refused (SECURITY.md B4: each code works once).
        await SubmitSignInAsync(page, email);
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account/sign-in/second-factor"));
        await page.Field("Code from your authenticator app").FillAsync(nextCode);
        await page.Button("Sign in").ClickAsync();
        await Assertions.Expect(page.GetByText("That code didn't work")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account/sign-in/second-factor"));
        await Assertions.Expect(page.Heading("Your account")).Not.ToBeVisibleAsync();

        // A saved recovery code works instead, once.
        await page.Link("Use a recovery code").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account/sign-in/recovery-code"));
        await page.Field("Recovery code").FillAsync(recoveryCodes[0]);
        await page.Button("Sign in").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account/two-factor"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You signed in with a recovery code; it won't work again. You have 9 left.");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    });
}
