using System.Security.Cryptography;
using System.Text;
using Kintsugi.Web.Features.Account.TwoFactor;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account;

/// <summary>
/// Identity's store keeps the authenticator key and the recovery codes in clear text. Here the key
/// is encrypted with Data Protection (whose key ring is itself wrapped by the master key) and the
/// recovery codes are kept only as HMACs under a key derived from the master key, bound to their
/// user: a copy of the database alone cannot be searched for them.
/// </summary>
internal sealed class KintsugiUserStore(AppDbContext context, IDataProtectionProvider protection, MasterKey masterKey, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AppUser, AppDbContext, Guid>(context, describer)
{
    private readonly byte[] recoveryKey = masterKey.Derive("recovery-codes");
    public const string Provider = "[Kintsugi]";
    public const string AuthenticatorKeyName = "AuthenticatorKey";
    public const string RecoveryCodesName = "RecoveryCodeHashes";
    private readonly IDataProtector protector = protection.CreateProtector("Kintsugi.AuthenticatorKey");

    public override Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken)
    {
        // A new key starts a new sequence of time steps.
        user.AuthenticatorLastUsedStep = null;
        return SetTokenAsync(user, Provider, AuthenticatorKeyName, protector.Protect(key), cancellationToken);
    }

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, Provider, AuthenticatorKeyName, cancellationToken);
        return stored is null ? null : protector.Unprotect(stored);
    }

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, Provider, RecoveryCodesName, string.Join(';', recoveryCodes.Select(code => Hash(user, code))), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        var hashes = await StoredHashesAsync(user, cancellationToken);
        var hash = Hash(user, code);
        if (!hashes.Contains(hash))
        {
            return false;
        }

        await SetTokenAsync(user, Provider, RecoveryCodesName, string.Join(';', hashes.Where(h => h != hash)), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(AppUser user, CancellationToken cancellationToken) =>
        (await StoredHashesAsync(user, cancellationToken)).Length;

    private async Task<string[]> StoredHashesAsync(AppUser user, CancellationToken cancellationToken) =>
        (await GetTokenAsync(user, Provider, RecoveryCodesName, cancellationToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);

    private string Hash(AppUser user, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(recoveryKey, Encoding.UTF8.GetBytes(user.Id + ":" + RecoveryCodes.Normalize(code))));
}
