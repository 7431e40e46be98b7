using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.SignIn;

/// <summary>
/// The owner's way past a lock that someone else caused (SECURITY.md B5): ask for a link by
/// e-mail, open it in the browser you want to use, press the button, and that browser gets its own
/// budget of attempts (it becomes a known device), whatever strangers are doing elsewhere. Asking
/// gets the same answer and one message for every address, like the password reset.
/// </summary>
internal static class UnlockBrowser
{
    public const string TokenPurpose = "UnlockBrowser";
    public const string LinkProblem = "This link has expired or is not valid any more. You can ask for a new one.";

    public sealed class SendRequest
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [AccountEmail]
        public string Email { get; set; } = "";
    }

    public sealed class Request
    {
        [Required]
        public Guid UserId { get; set; }

        [Required]
        [StringLength(2048)]
        public string Code { get; set; } = "";
    }

    public sealed class Handler(
        UserManager<AppUser> users,
        EmailOutbox outbox,
        AuthThrottleService throttle,
        ThrottleRules rules,
        KnownDevice knownDevice,
        IHttpContextAccessor http)
    {
        public async Task<Outcome<Done>> SendAsync(SendRequest request, CancellationToken cancellationToken)
        {
            if (!AccountEmail.TryNormalize(request.Email, out var email))
            {
                return Outcome<Done>.Invalid(nameof(SendRequest.Email), AccountEmail.Invalid);
            }

            if (await throttle.TryConsumeAsync(throttle.EmailKey(email), rules.EmailsPerAddress, cancellationToken) is { } wait)
            {
                return Outcome<Done>.Throttled(wait);
            }

            var user = await users.FindByEmailAsync(email);
            await (user is null
                ? outbox.SendAsync(EmailKind.UnlockWithoutAccount, email, null, cancellationToken)
                : outbox.SendAsync(EmailKind.UnlockBrowser, user.Email!, user.Id, cancellationToken));
            return Outcome<Done>.Ok(default);
        }

        public async Task<Outcome<Done>> UnlockAsync(Request request)
        {
            if (await EmailLink.OpenAsync(users, request.UserId, request.Code) is not var (user, token)
                || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, TokenPurpose, token))
            {
                return Outcome<Done>.Invalid("", LinkProblem);
            }

            knownDevice.Remember(http.HttpContext!, throttle.AccountKey(user.Email!));
            return Outcome<Done>.Ok(default);
        }
    }
}
