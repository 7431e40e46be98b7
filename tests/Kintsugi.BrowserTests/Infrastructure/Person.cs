using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kintsugi.Web.Features.Account.TwoFactor;

namespace Kintsugi.BrowserTests.Infrastructure;

/// <summary>The steps a person takes in the browser, written once for every test that needs them.</summary>
public static partial class Person
{
    public const string Password = "a quiet walk by the river";

    public static string NewEmail(string who = "person") => $"{who}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}@example.test";

    public static ILocator Heading(this IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = name, Level = 1 });

    public static ILocator Button(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    public static ILocator Link(this IPage page, string name) =>
        page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = name, Exact = true });

    public static ILocator Field(this IPage page, string label) =>
        page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    /// <summary>A regular expression matching exactly this path of the app, with any query string.</summary>
    public static Regex PathIs(string path) => new($"^https?://[^/]+{Regex.Escape(path)}(\\?.*)?$");

    /// <summary>Signs up through the form; ends on "Check your e-mail".</summary>
    public static async Task RegisterAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/account/register");
        await page.Field("E-mail address").FillAsync(email);
        await page.Field("Password").FillAsync(password);
        await page.Button("Create account").ClickAsync();
        await Assertions.Expect(page.Heading("Check your e-mail")).ToBeVisibleAsync();
    }

    /// <summary>Opens the link in the confirmation e-mail; ends on the page with the button, not yet pressed.</summary>
    public static async Task OpenConfirmationLinkAsync(IPage page, Mailbox mail, string email)
    {
        var message = await mail.WaitForAsync(email);
        await page.GotoAsync(Mailbox.Link(message, "/account/confirm-email"));
        await Assertions.Expect(page.Heading("Confirm your e-mail address")).ToBeVisibleAsync();
    }

    public static async Task ConfirmAsync(IPage page, Mailbox mail, string email)
    {
        await OpenConfirmationLinkAsync(page, mail, email);
        await page.Button("Confirm my e-mail address").ClickAsync();
        await Assertions.Expect(page.Heading("Your e-mail address is confirmed")).ToBeVisibleAsync();
    }

    /// <summary>Fills in the sign-in form and sends it; where it lands is for the caller to check.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Field("E-mail address").FillAsync(email);
        await page.Field("Password").FillAsync(password);
        await page.Button("Sign in").ClickAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await SubmitSignInAsync(page, email, password);
        await Assertions.Expect(page).ToHaveURLAsync(PathIs("/account"));
        await Assertions.Expect(page.Heading("Your account")).ToBeVisibleAsync();
    }

    /// <summary>A new account, signed up, confirmed and signed in through the pages.</summary>
    public static async Task<string> NewAccountAsync(IPage page, Mailbox mail, string who = "person")
    {
        var email = NewEmail(who);
        await RegisterAsync(page, email);
        await ConfirmAsync(page, mail, email);
        await SignInAsync(page, email);
        return email;
    }

    /// <summary>The "Sign out" button in the header.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Banner).Locator(page.Button("Sign out")).ClickAsync();
        await Assertions.Expect(page.Heading("You are signed out")).ToBeVisibleAsync();
    }

    /// <summary>Reads the text key off the set-up page, as a person types it into their app.</summary>
    public static async Task<byte[]> ReadAuthenticatorKeyAsync(IPage page)
    {
        var text = await page.Locator("#authenticator-key").InnerTextAsync();
        return Base32.Decode(text.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant());
    }

    /// <summary>What the authenticator app shows now, or <paramref name="stepsAhead"/> 30-second steps later.</summary>
    public static string AuthenticatorCode(byte[] key, int stepsAhead = 0) =>
        Totp.Code(key, Totp.StepAt(TimeProvider.System.GetUtcNow()) + stepsAhead);

    /// <summary>Turns on two-step sign-in from the account pages; returns the key and the recovery codes shown.</summary>
    public static async Task<(byte[] Key, IReadOnlyList<string> RecoveryCodes)> TurnOnTwoStepSignInAsync(IPage page)
    {
        await page.GotoAsync("/account/two-factor");
        await page.Button("Set up an authenticator app").ClickAsync();
        await Assertions.Expect(page.Locator("#authenticator-key")).ToBeVisibleAsync();
        var key = await ReadAuthenticatorKeyAsync(page);
        await page.Field("Six-digit code").FillAsync(AuthenticatorCode(key));
        await page.Button("Turn on two-step sign-in").ClickAsync();
        var codes = page.GetByRole(AriaRole.List, new PageGetByRoleOptions { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(codes).ToHaveCountAsync(10);
        return (key, [.. (await codes.AllInnerTextsAsync()).Select(c => c.Trim())]);
    }
}
