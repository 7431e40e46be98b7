using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Kintsugi.Web.Features.Account.TwoFactor;

/// <summary>What the two-step sign-in page shows: whether it is on, and the key being set up.</summary>
internal sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, AuthenticatorSetup.Key? PendingKey);

/// <summary>
/// Reading the status, and starting set-up. Starting creates a fresh key, so it is a POST; reading
/// only shows a key that set-up already created and that has not been confirmed yet.
/// </summary>
internal static class AuthenticatorSetup
{
    /// <summary>The key as text (grouped for typing), and as an otpauth:// link and its QR code.</summary>
    public sealed record Key(string Text, string Uri, string QrSvgPath, int QrSize);

    public sealed class Handler(UserManager<AppUser> users, CurrentUser current, IConfiguration configuration)
    {
        public async Task<Outcome<TwoFactorStatus>> StatusAsync()
        {
            var user = await current.FindAsync();
            if (user is null)
            {
                return Outcome<TwoFactorStatus>.NotFound();
            }

            var enabled = await users.GetTwoFactorEnabledAsync(user);
            var key = enabled ? null : await users.GetAuthenticatorKeyAsync(user);
            return Outcome<TwoFactorStatus>.Ok(new TwoFactorStatus(
                enabled,
                enabled ? await users.CountRecoveryCodesAsync(user) : 0,
                key is null ? null : Describe(key, user.Email!)));
        }

        public async Task<Outcome<Key>> StartAsync()
        {
            var user = await current.FindAsync();
            if (user is null)
            {
                return Outcome<Key>.NotFound();
            }

            if (await users.GetTwoFactorEnabledAsync(user))
            {
                return Outcome<Key>.Invalid("", "Two-step sign-in is already on. Turn it off first to set up a different app.");
            }

            await users.ResetAuthenticatorKeyAsync(user);
            return Outcome<Key>.Ok(Describe((await users.GetAuthenticatorKeyAsync(user))!, user.Email!));
        }

        private Key Describe(string key, string email)
        {
            var issuer = configuration["TwoFactor:Issuer"] is { Length: > 0 } configured ? configured : "Kintsugi";
            var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits={Totp.Digits}";
            var grouped = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
            var (path, size) = QrPath(uri);
            return new Key(grouped, uri, path, size);
        }

        /// <summary>The QR code as one SVG path (no inline styles, so the CSP needs no exception).</summary>
        private static (string Path, int Size) QrPath(string text)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
            var matrix = data.ModuleMatrix;
            var path = new System.Text.StringBuilder();
            for (var y = 0; y < matrix.Count; y++)
            {
                for (var x = 0; x < matrix[y].Length; x++)
                {
                    if (matrix[y][x])
                    {
                        path.Append(System.Globalization.CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                    }
                }
            }

            return (path.ToString(), matrix.Count);
        }
    }
}
