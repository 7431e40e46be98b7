using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

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

            if (!await db.JoinApprovals.AnyAsync(a => a.MembershipId == requestId && a.ApproverId == me.UserId, CancellationToken.None))
            {
                db.JoinApprovals.Add(new JoinApproval { MembershipId = requestId, ApproverId = me.UserId, ApprovedAt = time.GetUtcNow().UtcDateTime });
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                catch (DbUpdateException)
                {
                    // A double click: this partner's other request recorded the same yes a moment ago.
                    db.ChangeTracker.Clear();
                }
            }

            // Only after this yes is committed: of two last partners approving at once, each check sees
            // its own yes and whatever was committed before, so the later check sees both. (Inside one
            // transaction each saw only its own, and the newcomer was left waiting for ever.)
            await admission.AdmitApprovedAsync(spaceId);
            var joined = await db.Memberships.AnyAsync(m => m.Id == requestId && m.Status == MemberStatus.Active, CancellationToken.None);
            return Outcome<Approved>.Ok(new Approved(joined));
        }
    }
}
