using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>What leaving a space does to its agreements (called by <see cref="Spaces.LeaveSpace"/>).</summary>
internal static class AgreementCleanup
{
    /// <summary>
    /// Inside the leave transaction: the leaver's signatures (on every version) and their reminders
    /// go. Agreements, versions, crossings and the plan are joint and stay with the partners; the
    /// leaver's views of crossings are journal entries and go (or stay) like the rest of their journal.
    /// </summary>
    public static async Task ForgetAsync(AppDbContext db, Guid spaceId, Guid userId)
    {
        await db.AgreementSignatures
            .Where(s => s.UserId == userId && db.Agreements.Any(a => a.Id == s.AgreementId && a.SpaceId == spaceId))
            .ExecuteDeleteAsync(CancellationToken.None);
        await ReminderSchedule.ForgetAsync(db, userId, spaceId);
    }

    /// <summary>After the leave is committed: with one partner fewer, a proposal everyone left has signed is now agreed.</summary>
    public static Task AfterLeaveAsync(AppDbContext db, Guid spaceId, DateTime now) => AgreementRules.MarkAgreedAsync(db, spaceId, now);
}
