using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Passwords;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account.Manage;

/// <summary>Change the password. Every other session is ended; this one stays signed in.</summary>
internal static class ChangePassword
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(512)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [PasswordPolicy]
        public string NewPassword { get; set; } = "";
    }

    public sealed class Handler(UserManager<AppUser> users, CurrentUser current, StepUp stepUp, AppDbContext db, EmailOutbox outbox)
    {
        public async Task<Outcome<Done>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var verified = await stepUp.VerifyAsync(request.CurrentPassword, cancellationToken, nameof(Request.CurrentPassword));
            if (!verified.Succeeded)
            {
                return verified.Failure<Done>();
            }

            var user = verified.Value!;
            var problems = PasswordPolicy.Problems(request.NewPassword, user.Email);
            if (problems.Count > 0)
            {
                return Outcome<Done>.Invalid(nameof(Request.NewPassword), problems[0]);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
            if (!result.Succeeded)
            {
                return Outcome<Done>.Invalid(nameof(Request.NewPassword), result.Errors.First().Description);
            }

            var thisSession = current.SessionId;
            await db.UserSessions.Where(s => s.UserId == user.Id && s.Id != thisSession).ExecuteDeleteAsync(CancellationToken.None);
            await outbox.SendAsync(EmailKind.PasswordChanged, user.Email!, user.Id, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return Outcome<Done>.Ok(default);
        }
    }
}
