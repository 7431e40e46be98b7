using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kintsugi.Web.Features.Account.TwoFactor;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>One person's browser or API client: cookies, an address, and the steps people take.</summary>
public sealed partial class AppClient(HttpClient http, KintsugiApp app) : IDisposable
{
    public const string Password = "a quiet walk by the river";

    public HttpClient Http => http;

    public KintsugiApp App => app;

    public static string NewEmail(string who = "person") => $"{who}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5))}@example.test";

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    public Task<HttpResponseMessage> PostJsonAsync(string path, object? body = null) => http.PostAsJsonAsync(path, body ?? new { });

    public async Task<string> PageAsync(string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fills in and sends a form the way a browser does: the page's antiforgery token and the form's handler name.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string? formName, IDictionary<string, string> fields, bool withToken = true, string? action = null)
    {
        var page = await PageAsync(pagePath);
        var form = new Dictionary<string, string>(fields);
        if (formName is not null)
        {
            form["_handler"] = formName;
        }

        if (withToken)
        {
            form["__RequestVerificationToken"] = TokenPattern().Match(page) is { Success: true } match
                ? WebUtility.HtmlDecode(match.Groups[1].Value)
                : throw new InvalidOperationException($"No antiforgery token on {pagePath}.");
        }

        return await http.PostAsync(action ?? pagePath, new FormUrlEncodedContent(form));
    }

    public async Task RegisterAsync(string email, string password = Password)
    {
        var response = await PostJsonAsync("/api/v1/account/register", new { email, password });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Opens the newest confirmation e-mail to the address and presses its button.</summary>
    public async Task ConfirmAsync(string email, int messageNumber = 1)
    {
        var message = await app.Mail.WaitForAsync(email, messageNumber);
        var link = new Uri(Mailbox.Link(message, "/account/confirm-email"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var response = await PostJsonAsync("/api/v1/account/confirm-email", new { userId = query["user"].ToString(), code = query["code"].ToString() });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task<HttpResponseMessage> TrySignInAsync(string email, string password = Password, bool rememberMe = false) =>
        await PostJsonAsync("/api/v1/account/sign-in", new { email, password, rememberMe });

    public async Task SignInAsync(string email, string password = Password)
    {
        var response = await TrySignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A new, confirmed, signed-in account on a fresh client.</summary>
    public static async Task<(AppClient Client, string Email)> SignedInAsync(KintsugiApp app, string who = "person")
    {
        var client = app.NewClient();
        var email = NewEmail(who);
        await client.RegisterAsync(email);
        await client.ConfirmAsync(email);
        await client.SignInAsync(email);
        return (client, email);
    }

    /// <summary>Turns on two-step sign-in through the API; returns the key and the recovery codes.</summary>
    public async Task<(byte[] Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync()
    {
        var start = await PostJsonAsync("/api/v1/account/two-factor/authenticator");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var key = Base32.Decode((await start.Content.ReadFromJsonAsync<KeyBody>())!.Key);
        var enable = await PostJsonAsync("/api/v1/account/two-factor/enable", new { code = CodeAt(key, 0) });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        return (key, (await enable.Content.ReadFromJsonAsync<CodesBody>())!.RecoveryCodes);
    }

    /// <summary>The authenticator code for the test clock's current time step plus <paramref name="stepsAhead"/>.</summary>
    public string CodeAt(byte[] key, int stepsAhead) => Totp.Code(key, Totp.StepAt(app.Time.GetUtcNow()) + stepsAhead);

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed record KeyBody(string Key, string Uri);

    private sealed record CodesBody(IReadOnlyList<string> RecoveryCodes);
}
