using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Account.Throttling;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Email;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account.Data;

/// <summary>
/// Delete the account and everything that belongs to it, at once and alone (SECURITY.md A7, D3):
/// the user row and, through cascades, its sessions, tokens, memberships, content and own key;
/// spaces nobody else is left in; pending e-mails and throttle counters too. A short notice goes to the address so the owner knows.
/// </summary>
internal static class DeleteAccount
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter your password to confirm.")]
        [StringLength(512)]
        public string Password { get; set; } = "";
    }

    public sealed class Handler(
        UserManager<AppUser> users,
        StepUp stepUp,
        AppDbContext db,
        AuthThrottleService throttle,
        EmailOutbox outbox,
        SignIn.SignOut.Handler signOut,
        Spaces.LeaveSpace.Handler leaveSpaces)
    {
        public async Task<Outcome<Done>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var verified = await stepUp.VerifyAsync(request.Password, cancellationToken);
            if (!verified.Succeeded)
            {
                return verified.Failure<Done>();
            }

            var user = verified.Value!;
            var email = user.Email!;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await signOut.HandleAsync();

            // Leaving each space first deletes spaces nobody else is left in, with their keys.
            await leaveSpaces.LeaveAllAsync(user.Id);
            await db.OutboxMessages.Where(m => m.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            var keys = new[] { throttle.AccountKey(email), throttle.EmailKey(email), throttle.SecondFactorKey(user.Id, null), throttle.StepUpKey(user.Id) };
            await db.AuthThrottles.Where(t => keys.Contains(t.Key)).ExecuteDeleteAsync(cancellationToken);
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException("The account could not be deleted: " + string.Join(", ", deleted.Errors.Select(e => e.Code)));
            }

            await outbox.SendAsync(EmailKind.AccountDeleted, email, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome<Done>.Ok(default);
        }
    }
}
