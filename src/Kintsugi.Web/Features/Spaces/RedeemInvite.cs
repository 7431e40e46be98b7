using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// Use an invite code: it is consumed at once (single use) and becomes a request to join, which
/// every current partner must approve before the newcomer sees anything (SECURITY.md A6).
/// Unknown, used, revoked and expired codes all get the same answer.
/// </summary>
internal static class RedeemInvite
{
    public const string DoesNotWork = "That code doesn't work. It may have been mistyped, used already, taken back or expired. Ask for a new one.";

    public sealed class Request
    {
        [Required(ErrorMessage = "Enter the invite code.")]
        [StringLength(100, ErrorMessage = DoesNotWork)]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Choose the name the others will see for you.")]
        [StringLength(SpaceText.DisplayNameLength, ErrorMessage = "Keep your name under 60 characters.")]
        public string DisplayName { get; set; } = "";
    }

    public sealed record Requested(Guid RequestId, MemberRole Role);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Requested>> HandleAsync(Request request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var hash = Invite.Hash(request.Code);
            var invite = await db.Invites.AsNoTracking()
                .Where(i => i.CodeHash == hash && i.ExpiresAt > now.UtcDateTime)
                .Select(i => new { i.Id, i.SpaceId, i.Role })
                .SingleOrDefaultAsync(cancellationToken);
            if (invite is null)
            {
                return Outcome<Requested>.Invalid(nameof(Request.Code), DoesNotWork);
            }

            var userId = access.UserId;
            if (await db.Memberships.AnyAsync(m => m.SpaceId == invite.SpaceId && m.UserId == userId, cancellationToken))
            {
                return Outcome<Requested>.Invalid(nameof(Request.Code), "You are already in this space, or have already asked to join it. The code is still unused: pass it back to whoever gave it to you.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);

            // Claiming is deleting: of two people using one code at once, exactly one gets it.
            if (await db.Invites.Where(i => i.Id == invite.Id).ExecuteDeleteAsync(CancellationToken.None) != 1)
            {
                return Outcome<Requested>.Invalid(nameof(Request.Code), DoesNotWork);
            }

            var key = await keys.SpaceKeyAsync(invite.SpaceId, cancellationToken);
            var membershipId = Guid.CreateVersion7(now);
            db.Memberships.Add(new Membership
            {
                Id = membershipId,
                SpaceId = invite.SpaceId,
                UserId = userId,
                Role = invite.Role,
                Status = MemberStatus.Pending,
                DisplayName = ContentKeys.Seal(key, request.DisplayName.Trim(), SpaceText.DisplayName(membershipId)),
                RequestedAt = now.UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return Outcome<Requested>.Ok(new Requested(membershipId, invite.Role));
        }
    }
}
