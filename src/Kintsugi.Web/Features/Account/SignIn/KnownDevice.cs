using System.Security.Cryptography;
using System.Text.Json;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Kintsugi.Web.Features.Account.SignIn;

/// <summary>
/// A "device cookie" (OWASP's defence against lockout abuse): after a successful sign-in the browser
/// holds an encrypted list of the accounts that signed in on it. Those accounts get their own failure
/// budget on this browser, so a stranger hammering the account elsewhere cannot lock its owner out.
/// The cookie holds only keyed hashes, never an address.
/// </summary>
internal sealed class KnownDevice(IDataProtectionProvider protection, TimeProvider time, CookieSettings cookies)
{
    private readonly string cookieName = cookies.Name("kintsugi-device");
    private const int MaxAccounts = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Kintsugi.KnownDevice").ToTimeLimitedDataProtector();

    /// <summary>This browser's device id if the account (by its throttle key) has signed in on it before.</summary>
    public string? DeviceIdFor(HttpContext context, string accountKey)
    {
        var state = Read(context);
        return state is not null && state.Accounts.Contains(accountKey) ? state.DeviceId : null;
    }

    public void Remember(HttpContext context, string accountKey)
    {
        var state = Read(context) ?? new State(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), []);
        var accounts = state.Accounts.Where(a => a != accountKey).Prepend(accountKey).Take(MaxAccounts).ToArray();
        var value = protector.Protect(JsonSerializer.Serialize(state with { Accounts = accounts }), time.GetUtcNow() + Lifetime);
        context.Response.Cookies.Append(cookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = cookies.Secure || context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
            MaxAge = Lifetime,
        });
    }

    private State? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(cookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<State>(protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record State(string DeviceId, string[] Accounts);
}
