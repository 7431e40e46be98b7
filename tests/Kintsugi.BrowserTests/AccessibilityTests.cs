using Kintsugi.BrowserTests.Infrastructure;
using static Kintsugi.BrowserTests.Infrastructure.Person;

namespace Kintsugi.BrowserTests;

/// <summary>
/// axe-core on every page the browser tests visit, in every state they see it (empty, with
/// errors shown, during and after set-up): no serious or critical violation.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture app, ITestOutputHelper output)
{
    [Fact]
    public Task Pages_for_people_who_are_not_signed_in_have_no_serious_violations() => app.InContextAsync("axe-signed-out", async context =>
    {
        var page = await context.NewPageAsync();
        var axe = new AxeAudit(output);

        await page.GotoAsync("/");
        await axe.CheckAsync(page, "home");

        await page.GotoAsync("/support");
        await axe.CheckAsync(page, "support");

        await page.GotoAsync("/no-such-page");
        await Assertions.Expect(page.Heading("We can't find that page")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "404");

        await page.GotoAsync("/account/register");
        await axe.CheckAsync(page, "register");
        await page.Button("Create account").ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "register, sent empty");
        await page.Field("E-mail address").FillAsync("not-an-address");
        await page.Field("Password").FillAsync("12345");
        await page.Button("Create account").ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter an e-mail address like name@example.com.");
        await axe.CheckAsync(page, "register, invalid values");

        await page.GotoAsync("/account/sign-in");
        await axe.CheckAsync(page, "sign-in");
        await page.Button("Sign in").ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "sign-in, sent empty");
        await SubmitSignInAsync(page, NewEmail("nobody"), "not the password at all");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await axe.CheckAsync(page, "sign-in, wrong password");

        await page.GotoAsync("/account/forgot-password");
        await axe.CheckAsync(page, "forgot-password");
        await page.Button("Send the link").ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "forgot-password, sent empty");

        await page.GotoAsync("/account/resend-confirmation");
        await axe.CheckAsync(page, "resend-confirmation");

        await page.GotoAsync("/account/check-email");
        await axe.CheckAsync(page, "check-email");

        await page.GotoAsync("/account/confirm-email?user=00000000-0000-0000-0000-000000000000&code=nope");
        await axe.CheckAsync(page, "confirm-email, broken link");

        var email = NewEmail("axe-confirm");
        await RegisterAsync(page, email);
        await OpenConfirmationLinkAsync(page, app.Mail, email);
        await axe.CheckAsync(page, "confirm-email");
        await page.Button("Confirm my e-mail address").ClickAsync();
        await Assertions.Expect(page.Heading("Your e-mail address is confirmed")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "confirm-email, confirmed");

        await page.GotoAsync("/account/signed-out");
        await axe.CheckAsync(page, "signed-out");

        axe.AssertNoSeriousViolations();
    });

    [Fact]
    public Task Account_and_two_step_sign_in_pages_have_no_serious_violations() => app.InContextAsync("axe-account", async context =>
    {
        var page = await context.NewPageAsync();
        var axe = new AxeAudit(output);
        var email = await NewAccountAsync(page, app.Mail, "axe");

        await axe.CheckAsync(page, "account");
        foreach (var (path, heading) in new[]
        {
            ("/account/password", "Change your password"),
            ("/account/sessions", "Where you're signed in"),
            ("/account/data", "Your data"),
            ("/account/delete", "Delete your account"),
        })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Heading(heading)).ToBeVisibleAsync();
            await axe.CheckAsync(page, path);
        }

        await page.GotoAsync("/account/password");
        await page.Field("Current password").FillAsync(Password);
        await page.Field("New password").FillAsync("short");
        await page.Button("Change password").ClickAsync();
        await Assertions.Expect(page.Locator("#new-password-error")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "password, with errors");

        await page.GotoAsync("/account/data?problem=password");
        await axe.CheckAsync(page, "data, with an error");

        await page.GotoAsync("/account/delete");
        await page.Button("Delete my account").ClickAsync();
        await Assertions.Expect(page.Locator("#delete-password-error")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "delete, sent empty");

        // Two-step sign-in: before, during (QR code and key) and after set-up.
        await page.GotoAsync("/account/two-factor");
        await axe.CheckAsync(page, "two-factor, off");
        await page.Button("Set up an authenticator app").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        await axe.CheckAsync(page, "two-factor, set-up");
        await page.Field("Six-digit code").FillAsync("000000");
        await page.Button("Turn on two-step sign-in").ClickAsync();
        await Assertions.Expect(page.Locator("#code-error").Or(page.GetByRole(AriaRole.Alert))).ToBeVisibleAsync();
        await axe.CheckAsync(page, "two-factor, set-up with a wrong code");
        var key = await ReadAuthenticatorKeyAsync(page);
        await page.Field("Six-digit code").FillAsync(AuthenticatorCode(key));
        await page.Button("Turn on two-step sign-in").ClickAsync();
        var codes = page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(codes).ToHaveCountAsync(10);
        await axe.CheckAsync(page, "two-factor, recovery codes shown");
        var recoveryCode = (await codes.First.InnerTextAsync()).Trim();
        await page.Link("I have saved them").ClickAsync();
        await Assertions.Expect(page.GetByText("Two-step sign-in is on")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "two-factor, on");

        // The second step of signing in, with and without an error, and with a recovery code.
        await SignOutAsync(page);
        await SubmitSignInAsync(page, email);
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account/sign-in/second-factor"));
        await axe.CheckAsync(page, "second-factor");
        await page.Field("Code from your authenticator app").FillAsync("12");
        await page.Button("Sign in").ClickAsync();
        await Assertions.Expect(page.Locator("#code-error").Or(page.GetByRole(AriaRole.Alert))).ToBeVisibleAsync();
        await axe.CheckAsync(page, "second-factor, wrong code");
        await page.Link("Use a recovery code").ClickAsync();
        await Assertions.Expect(page.Field("Recovery code")).ToBeVisibleAsync();
        await axe.CheckAsync(page, "recovery-code");
        await page.Field("Recovery code").FillAsync(recoveryCode);
        await page.Button("Sign in").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have 9 left");
        await axe.CheckAsync(page, "recovery-code, signed in");

        axe.AssertNoSeriousViolations();
    });
}
