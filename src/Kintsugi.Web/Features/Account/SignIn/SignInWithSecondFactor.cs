using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Features.Account.TwoFactor;
using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Features.Account.SignIn;

/// <summary>
/// The second step: a code from the authenticator app (each accepted once only) or a recovery code
/// (each usable once). Wrong codes have their own budget, apart from wrong passwords.
/// </summary>
internal static class SignInWithSecondFactor
{
    public const string Expired = "This sign-in took too long. Please start again with your e-mail address and password.";
    public const string WrongCode = "That code didn't work. Codes change every 30 seconds and each one works once; wait for the next and try again.";
    public const string WrongRecoveryCode = "That recovery code didn't work. Each code works once; check it and try again.";

    public sealed class Request
    {
        [Required(ErrorMessage = "Enter the code.")]
        [StringLength(64, ErrorMessage = "That code is too long.")]
        public string Code { get; set; } = "";

        /// <summary>Carried over from the first step's "keep me signed in".</summary>
        public bool RememberMe { get; set; }

        public bool IsRecoveryCode { get; set; }
    }

    public sealed record Success(int RecoveryCodesLeft);

    public sealed class Handler(
        KintsugiSignInManager signIn,
        AuthThrottleService throttle,
        ThrottleRules rules,
        KnownDevice knownDevice,
        IHttpContextAccessor http)
    {
        public async Task<Outcome<Success>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null)
            {
                return Outcome<Success>.Invalid("", Expired);
            }

            // A browser the owner has signed in on keeps its own budget, so that someone who has
            // the password but not the app cannot lock the owner out of their second factor.
            var accountKey = throttle.AccountKey(user.Email!);
            var key = throttle.SecondFactorKey(user.Id, knownDevice.DeviceIdFor(http.HttpContext!, accountKey));
            if (await throttle.TryConsumeAsync(key, rules.SecondFactorFailures, cancellationToken) is { } wait)
            {
                return Outcome<Success>.Throttled(wait);
            }

            var result = request.IsRecoveryCode
                ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCodes.Normalize(request.Code))
                : await signIn.TwoFactorAuthenticatorSignInAsync(Totp.Clean(request.Code), request.RememberMe, rememberClient: false);
            if (!result.Succeeded)
            {
                return Outcome<Success>.Invalid(nameof(Request.Code), request.IsRecoveryCode ? WrongRecoveryCode : WrongCode);
            }

            await throttle.ClearAsync(key, cancellationToken);
            knownDevice.Remember(http.HttpContext!, accountKey);
            return Outcome<Success>.Ok(new Success(await signIn.UserManager.CountRecoveryCodesAsync(user)));
        }
    }
}
