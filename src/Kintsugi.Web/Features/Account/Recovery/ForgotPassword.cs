using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.Recovery;

/// <summary>
/// Ask for a reset link. Every address gets the same answer and exactly one message: a reset link
/// if there is an account, a short note if there is none (SECURITY.md B6).
/// </summary>
internal static class ForgotPassword
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [AccountEmail]
        public string Email { get; set; } = "";
    }

    public sealed class Handler(UserManager<AppUser> users, EmailOutbox outbox, AuthThrottleService throttle, ThrottleRules rules)
    {
        public async Task<Outcome<Done>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            if (!AccountEmail.TryNormalize(request.Email, out var email))
            {
                return Outcome<Done>.Invalid(nameof(Request.Email), AccountEmail.Invalid);
            }

            if (await throttle.TryConsumeAsync(throttle.EmailKey(email), rules.EmailsPerAddress, cancellationToken) is { } wait)
            {
                return Outcome<Done>.Throttled(wait);
            }

            var user = await users.FindByEmailAsync(email);
            await (user is null
                ? outbox.SendAsync(EmailKind.ResetWithoutAccount, email, null, cancellationToken)
                : outbox.SendAsync(EmailKind.ResetPassword, user.Email!, user.Id, cancellationToken));
            return Outcome<Done>.Ok(default);
        }
    }
}
