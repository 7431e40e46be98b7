using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Passwords;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account.Recovery;

/// <summary>
/// Choose a new password with the link from the e-mail. The link works once (the token is bound to
/// the account's security stamp, which the reset changes). Every session is ended, and because the
/// link proves the address, an unconfirmed address counts as confirmed.
/// </summary>
internal static class ResetPassword
{
    public const string LinkProblem = "This link has expired or has already been used. You can ask for a new one.";

    public sealed class Request
    {
        [Required]
        public Guid UserId { get; set; }

        [Required]
        [StringLength(2048)]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [PasswordPolicy]
        public string Password { get; set; } = "";
    }

    public sealed class Handler(UserManager<AppUser> users, AppDbContext db, EmailOutbox outbox)
    {
        public async Task<Outcome<Done>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            if (await EmailLink.OpenAsync(users, request.UserId, request.Code) is not var (user, token))
            {
                return Outcome<Done>.Invalid("", LinkProblem);
            }

            var problems = PasswordPolicy.Problems(request.Password, user.Email);
            if (problems.Count > 0)
            {
                return Outcome<Done>.Invalid(nameof(Request.Password), problems[0]);
            }

            // The new password, the end of every session and the notice commit together, and once
            // the password is being saved nothing is abandoned halfway because the client went away.
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            user.EmailConfirmed = true; // the link proves the address
            var result = await users.ResetPasswordAsync(user, token, request.Password);
            if (!result.Succeeded)
            {
                return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                    ? Outcome<Done>.Invalid("", LinkProblem)
                    : Outcome<Done>.Invalid(nameof(Request.Password), result.Errors.First().Description);
            }

            await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(CancellationToken.None);
            await outbox.SendAsync(EmailKind.PasswordChanged, user.Email!, user.Id, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return Outcome<Done>.Ok(default);
        }
    }
}
