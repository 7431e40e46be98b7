using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// The one rule for letting someone in: a pending member becomes active once every current
/// partner has approved them. It runs after each approval, and after a partner leaves (the set of
/// partners whose approval is needed has changed).
/// </summary>
internal sealed class Admission(AppDbContext db, TimeProvider time)
{
    public async Task<int> AdmitApprovedAsync(Guid spaceId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var partners = db.Memberships
            .Where(p => p.SpaceId == spaceId && p.Status == MemberStatus.Active && p.Role == MemberRole.Partner)
            .Select(p => p.UserId);
        var ready = await db.Memberships
            .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Pending)
            .Where(m => partners.Any() && partners.All(p => db.JoinApprovals.Any(a => a.MembershipId == m.Id && a.ApproverId == p)))
            .Select(m => m.Id)
            .ToListAsync(CancellationToken.None);
        if (ready.Count == 0)
        {
            return 0;
        }

        await db.Memberships
            .Where(m => ready.Contains(m.Id) && m.Status == MemberStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Active).SetProperty(m => m.JoinedAt, now), CancellationToken.None);

        // Approvals have done their job; keeping them would only record who said yes when.
        await db.JoinApprovals.Where(a => ready.Contains(a.MembershipId)).ExecuteDeleteAsync(CancellationToken.None);
        return ready.Count;
    }
}
