using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.TwoFactor;

/// <summary>Turn two-step sign-in off (password required). The old key and recovery codes stop working.</summary>
internal static class DisableTwoFactor
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter your password to confirm.")]
        [StringLength(512)]
        public string Password { get; set; } = "";
    }

    public sealed class Handler(UserManager<AppUser> users, StepUp stepUp, EmailOutbox outbox)
    {
        public async Task<Outcome<Done>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var verified = await stepUp.VerifyAsync(request.Password, cancellationToken);
            if (!verified.Succeeded)
            {
                return verified.Failure<Done>();
            }

            var user = verified.Value!;
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.RemoveAuthenticationTokenAsync(user, KintsugiUserStore.Provider, KintsugiUserStore.AuthenticatorKeyName);
            await users.RemoveAuthenticationTokenAsync(user, KintsugiUserStore.Provider, KintsugiUserStore.RecoveryCodesName);
            await outbox.SendAsync(EmailKind.TwoFactorDisabled, user.Email!, user.Id, cancellationToken);
            return Outcome<Done>.Ok(default);
        }
    }
}
