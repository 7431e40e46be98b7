using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;

namespace Kintsugi.Web.Features.Account.Registration;

/// <summary>Send the confirmation link again. The answer never says whether the address has an account.</summary>
internal static class ResendConfirmation
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

            if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
            {
                await outbox.SendAsync(EmailKind.ConfirmEmail, user.Email!, user.Id, cancellationToken);
            }

            return Outcome<Done>.Ok(default);
        }
    }
}
