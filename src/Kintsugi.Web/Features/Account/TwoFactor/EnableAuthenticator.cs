using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.TwoFactor;

/// <summary>
/// Confirm the app works by entering one of its codes; two-step sign-in is then on, and the ten
/// recovery codes are shown once (they are stored only as hashes).
/// </summary>
internal static class EnableAuthenticator
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your app.")]
        [StringLength(16, ErrorMessage = "Enter the 6-digit code from your app.")]
        public string Code { get; set; } = "";
    }

    public sealed record Success(IReadOnlyList<string> RecoveryCodes);

    public sealed class Handler(UserManager<AppUser> users, CurrentUser current, EmailOutbox outbox)
    {
        public async Task<Outcome<Success>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var user = await current.FindAsync();
            if (user is null)
            {
                return Outcome<Success>.NotFound();
            }

            if (await users.GetTwoFactorEnabledAsync(user))
            {
                return Outcome<Success>.Invalid("", "Two-step sign-in is already on.");
            }

            if (await users.GetAuthenticatorKeyAsync(user) is null)
            {
                return Outcome<Success>.Invalid("", "Start the set-up first, so there is a key to add to your app.");
            }

            var provider = users.Options.Tokens.AuthenticatorTokenProvider;
            if (!await users.VerifyTwoFactorTokenAsync(user, provider, Totp.Clean(request.Code)))
            {
                return Outcome<Success>.Invalid(nameof(Request.Code), "That code didn't match. Check that your app shows Kintsugi's key and enter the newest code.");
            }

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count);
            await outbox.SendAsync(EmailKind.TwoFactorEnabled, user.Email!, user.Id, cancellationToken);
            return Outcome<Success>.Ok(new Success([.. codes ?? []]));
        }
    }
}
