using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Passwords;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account.Registration;

/// <summary>
/// Create an account. Whether or not the address already has one, the answer is the same
/// ("check your e-mail") and the work is the same: one password hash and one queued message
/// (SECURITY.md B6). The owner of an existing account is told someone tried.
/// </summary>
internal static class Register
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [AccountEmail]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [PasswordPolicy]
        public string Password { get; set; } = "";
    }

    public sealed class Handler(
        AppDbContext db,
        UserManager<AppUser> users,
        IPasswordHasher<AppUser> hasher,
        EmailOutbox outbox,
        AuthThrottleService throttle,
        ThrottleRules rules,
        TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            if (!AccountEmail.TryNormalize(request.Email, out var email))
            {
                return Outcome<Done>.Invalid(nameof(Request.Email), AccountEmail.Invalid);
            }

            var problems = PasswordPolicy.Problems(request.Password, email);
            if (problems.Count > 0)
            {
                return Outcome<Done>.Invalid(nameof(Request.Password), problems[0]);
            }

            if (await throttle.TryConsumeAsync(throttle.EmailKey(email), rules.EmailsPerAddress, cancellationToken) is { } wait)
            {
                return Outcome<Done>.Throttled(wait);
            }

            var existing = await users.FindByEmailAsync(email);
            if (existing is not null)
            {
                // The same cost as creating an account, so timing tells nothing either.
                hasher.HashPassword(existing, request.Password);
                await outbox.SendAsync(EmailKind.AlreadyRegistered, existing.Email!, existing.Id, cancellationToken);
                return Outcome<Done>.Ok(default);
            }

            var now = time.GetUtcNow();
            var user = new AppUser { Id = Guid.CreateVersion7(now), UserName = email, Email = email, CreatedAt = now.UtcDateTime };
            IdentityResult created;
            try
            {
                created = await users.CreateAsync(user, request.Password);
            }
            catch (DbUpdateException)
            {
                // The unique index caught two sign-ups for one address at the same moment: the
                // other one won. Same answer as for any existing address.
                db.Entry(user).State = EntityState.Detached;
                return Outcome<Done>.Ok(default);
            }

            if (created.Succeeded)
            {
                await outbox.SendAsync(EmailKind.ConfirmEmail, email, user.Id, cancellationToken);
            }
            else if (created.Errors.All(e => e.Code is not (nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))))
            {
                return Outcome<Done>.Invalid(nameof(Request.Password), created.Errors.First().Description);
            }

            // A duplicate here means someone registered the same address a moment ago: same answer.
            return Outcome<Done>.Ok(default);
        }
    }
}
