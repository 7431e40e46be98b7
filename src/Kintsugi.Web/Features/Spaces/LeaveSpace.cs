using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// Leave a space: alone, at once, with no message to anyone (SECURITY.md A7). What the person
/// wrote there is erased, except the shared items they choose to leave behind for the others.
/// When the last partner leaves, the space and its key are deleted.
/// </summary>
internal static class LeaveSpace
{
    public sealed class Request
    {
        /// <summary>Leave what I shared for the others to keep reading; otherwise it is withdrawn and erased.</summary>
        public bool KeepShared { get; set; }
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access, Admission admission, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            var userId = access.UserId;
            var left = await LeaveAsync(spaceId, userId, request.KeepShared);
            return left ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }

        /// <summary>Leaves every space, erasing everything; used when an account is deleted.</summary>
        public async Task LeaveAllAsync(Guid userId)
        {
            var spaces = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.SpaceId).ToListAsync(CancellationToken.None);
            foreach (var spaceId in spaces)
            {
                await LeaveAsync(spaceId, userId, keepShared: false);
            }
        }

        private async Task<bool> LeaveAsync(Guid spaceId, Guid userId, bool keepShared)
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
            // Someone still waiting to join withdraws their request instead (CancelJoinRequest).
            var removed = await db.Memberships.Where(m => m.SpaceId == spaceId && m.UserId == userId && m.Status == MemberStatus.Active).ExecuteDeleteAsync(CancellationToken.None);
            if (removed == 0)
            {
                return false;
            }

            await db.JournalEntries
                .Where(e => e.SpaceId == spaceId && e.AuthorId == userId && (!keepShared || e.Audience == Audience.OnlyMe))
                .ExecuteDeleteAsync(CancellationToken.None);
            await RepairCleanup.ForgetAsync(db, spaceId, userId, keepShared);
            await Atone.AtoneCleanup.ForgetAsync(db, spaceId, userId, keepShared);
            await Atone.ContainerCleanup.ForgetAsync(db, spaceId, userId);
            await Agreements.AgreementCleanup.ForgetAsync(db, spaceId, userId);
            await db.Invites.Where(i => i.SpaceId == spaceId && i.CreatedBy == userId).ExecuteDeleteAsync(CancellationToken.None);
            await db.JoinApprovals
                .Where(a => a.ApproverId == userId && db.Memberships.Any(m => m.Id == a.MembershipId && m.SpaceId == spaceId))
                .ExecuteDeleteAsync(CancellationToken.None);

            var partnersLeft = await db.Memberships.AnyAsync(m => m.SpaceId == spaceId && m.Role == MemberRole.Partner && m.Status == MemberStatus.Active, CancellationToken.None);
            if (!partnersLeft)
            {
                // Nobody is left to hold it: the space, everything in it and its key go (crypto-shredding).
                await db.Spaces.Where(s => s.Id == spaceId).ExecuteDeleteAsync(CancellationToken.None);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }

            if (partnersLeft)
            {
                // After the commit, like ApproveJoin: a partner approving at this moment is then seen.
                // With one partner fewer, the journey may move on for those who stay: first that, then anyone now approved joins.
                await RepairCleanup.AfterLeaveAsync(db, spaceId, time.GetUtcNow().UtcDateTime);
                await Agreements.AgreementCleanup.AfterLeaveAsync(db, spaceId, time.GetUtcNow().UtcDateTime);
                await admission.AdmitApprovedAsync(spaceId);
            }

            return true;
        }
    }
}
