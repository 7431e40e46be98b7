using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.TwoFactor;

/// <summary>Replace the recovery codes with ten new ones (password required); the old ones stop working.</summary>
internal static class RegenerateRecoveryCodes
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter your password to confirm.")]
        [StringLength(512)]
        public string Password { get; set; } = "";
    }

    public sealed class Handler(UserManager<AppUser> users, StepUp stepUp)
    {
        public async Task<Outcome<EnableAuthenticator.Success>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var verified = await stepUp.VerifyAsync(request.Password, cancellationToken);
            if (!verified.Succeeded)
            {
                return verified.Failure<EnableAuthenticator.Success>();
            }

            var user = verified.Value!;
            if (!await users.GetTwoFactorEnabledAsync(user))
            {
                return Outcome<EnableAuthenticator.Success>.Invalid("", "Recovery codes come with two-step sign-in. Turn it on first.");
            }

            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count);
            return Outcome<EnableAuthenticator.Success>.Ok(new EnableAuthenticator.Success([.. codes ?? []]));
        }
    }
}
