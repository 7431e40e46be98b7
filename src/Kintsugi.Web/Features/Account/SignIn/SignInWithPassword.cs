using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.SignIn;

internal enum SignInStep
{
    SignedIn,
    SecondFactorNeeded,
    EmailNotConfirmed,
}

/// <summary>
/// The first step of signing in. Unknown addresses and wrong passwords get the same message after
/// the same work (one password hash), and count against the same per-address budget (SECURITY.md B5, B6).
/// </summary>
internal static class SignInWithPassword
{
    public const string Mismatch = "That e-mail address and password don't match an account. Check both and try again.";

    public sealed class Request
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [AccountEmail]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(512, ErrorMessage = "That password is too long.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public sealed class Handler(
        UserManager<AppUser> users,
        KintsugiSignInManager signIn,
        IPasswordHasher<AppUser> hasher,
        AuthThrottleService throttle,
        ThrottleRules rules,
        KnownDevice knownDevice,
        EmailOutbox outbox,
        IHttpContextAccessor http)
    {
        private static readonly AppUser DecoyUser = new();
        private static string? decoyHash;

        public async Task<Outcome<SignInStep>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var context = http.HttpContext!;
            if (!AccountEmail.TryNormalize(request.Email, out var email))
            {
                return Outcome<SignInStep>.Invalid(nameof(Request.Email), AccountEmail.Invalid);
            }

            var accountKey = throttle.AccountKey(email);
            var deviceId = knownDevice.DeviceIdFor(context, accountKey);
            var (counter, rule) = deviceId is null
                ? (accountKey, rules.SignInFailures)
                : (throttle.DeviceKey(deviceId, accountKey), rules.KnownDeviceFailures);

            if (await throttle.TryConsumeAsync(counter, rule, cancellationToken) is { } wait)
            {
                return Outcome<SignInStep>.Throttled(wait);
            }

            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                // An unknown address costs the same hash as a known one (made once per process).
                decoyHash ??= hasher.HashPassword(DecoyUser, "decoy password, never used to sign in");
                hasher.VerifyHashedPassword(DecoyUser, decoyHash, request.Password);
            }

            if (user is null || !await users.CheckPasswordAsync(user, request.Password))
            {
                return Outcome<SignInStep>.Invalid("", Mismatch);
            }

            await throttle.ClearAsync(counter, cancellationToken);
            if (!user.EmailConfirmed)
            {
                // Only someone who knows the password learns this.
                if (await throttle.TryConsumeAsync(throttle.EmailKey(email), rules.EmailsPerAddress, cancellationToken) is null)
                {
                    await outbox.SendAsync(EmailKind.ConfirmEmail, user.Email!, user.Id, cancellationToken);
                }

                return Outcome<SignInStep>.Ok(SignInStep.EmailNotConfirmed);
            }

            var result = await signIn.SignInAfterPasswordAsync(user, request.RememberMe);
            if (result.RequiresTwoFactor)
            {
                return Outcome<SignInStep>.Ok(SignInStep.SecondFactorNeeded);
            }

            if (!result.Succeeded)
            {
                return Outcome<SignInStep>.Invalid("", Mismatch);
            }

            knownDevice.Remember(context, accountKey);
            return Outcome<SignInStep>.Ok(SignInStep.SignedIn);
        }
    }
}
