using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// Requests to join a space, as its partners see them: the name the newcomer chose and their
/// e-mail address, so each partner can be sure it is the person they meant to invite.
/// </summary>
internal static class ListJoinRequests
{
    public sealed record Item(Guid RequestId, string DisplayName, string Email, MemberRole Role, DateTime RequestedAt, bool ApprovedByMe);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Outcome<IReadOnlyList<Item>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<Item>>.NotFound();
            }

            var rows = await db.Memberships.AsNoTracking()
                .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Pending)
                .OrderBy(m => m.RequestedAt)
                .Select(m => new
                {
                    m.Id,
                    m.DisplayName,
                    Email = db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).Single(),
                    m.Role,
                    m.RequestedAt,
                    Approved = db.JoinApprovals.Any(a => a.MembershipId == m.Id && a.ApproverId == me.UserId),
                })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return Outcome<IReadOnlyList<Item>>.Ok([]);
            }

            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            return Outcome<IReadOnlyList<Item>>.Ok(rows
                .Select(r => new Item(r.Id, ContentKeys.Open(key, r.DisplayName, SpaceText.DisplayName(r.Id)), r.Email ?? "", r.Role, r.RequestedAt, r.Approved))
                .ToList());
        }
    }
}

/// <summary>One partner says yes. The newcomer is let in when the last partner does.</summary>
internal static class ApproveJoin
{
    public sealed record Approved(bool Joined);

    public sealed class Handler(AppDbContext db, SpaceAccess access, Admission admission, TimeProvider time)
    {
        public async Task<Outcome<Approved>> HandleAsync(Guid spaceId, Guid requestId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Approved>.NotFound();
            }

            if (!await db.Memberships.AnyAsync(m => m.Id == requestId && m.SpaceId == spaceId && m.Status == MemberStatus.Pending, cancellationToken))
            {
                return Outcome<Approved>.NotFound();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            if (!await db.JoinApprovals.AnyAsync(a => a.MembershipId == requestId && a.ApproverId == me.UserId, CancellationToken.None))
            {
                db.JoinApprovals.Add(new JoinApproval { MembershipId = requestId, ApproverId = me.UserId, ApprovedAt = time.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(CancellationToken.None);
            }

            await admission.AdmitApprovedAsync(spaceId);
            var joined = await db.Memberships.AnyAsync(m => m.Id == requestId && m.Status == MemberStatus.Active, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return Outcome<Approved>.Ok(new Approved(joined));
        }
    }
}

/// <summary>One partner says no: the request ends. The newcomer only sees that it is no longer open.</summary>
internal static class DeclineJoin
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid requestId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Done>.NotFound();
            }

            var deleted = await db.Memberships
                .Where(m => m.Id == requestId && m.SpaceId == spaceId && m.Status == MemberStatus.Pending)
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}

/// <summary>The newcomer withdraws their own request.</summary>
internal static class CancelJoinRequest
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid requestId, CancellationToken cancellationToken)
        {
            var userId = access.UserId;
            var deleted = await db.Memberships
                .Where(m => m.Id == requestId && m.UserId == userId && m.Status == MemberStatus.Pending)
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
