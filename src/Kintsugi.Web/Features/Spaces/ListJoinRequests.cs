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
