using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>What leaving a space does to the repair journey (called by <see cref="Spaces.LeaveSpace"/>).</summary>
internal static class RepairCleanup
{
    /// <summary>
    /// Inside the leave transaction: the leaver's private records, sealed answers, stage wishes and
    /// (unless they keep what they shared) shared records, opened answers, reflections and corrections are erased.
    /// </summary>
    public static async Task ForgetAsync(AppDbContext db, Guid spaceId, Guid userId, bool keepShared)
    {
        var none = CancellationToken.None;
        await db.Breaches.Where(b => b.SpaceId == spaceId && b.AuthorId == userId && (!keepShared || b.Audience == Audience.OnlyMe)).ExecuteDeleteAsync(none);
        // Answers still sealed always go; answers the others have already read stay if the leaver keeps what they shared.
        await db.DecisionAnswers
            .Where(a => a.SpaceId == spaceId && a.UserId == userId && (!keepShared || db.DecisionRounds.Any(r => r.Id == a.RoundId && r.RevealedAt == null)))
            .ExecuteDeleteAsync(none);
        await db.StageVotes.Where(v => v.SpaceId == spaceId && v.UserId == userId).ExecuteDeleteAsync(none);
        await db.Conversations.Where(c => c.SpaceId == spaceId && c.SpeakerId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SpeakerId, (Guid?)null), none);
        if (!keepShared)
        {
            await db.Reflections.Where(r => r.SpaceId == spaceId && r.ListenerId == userId).ExecuteDeleteAsync(none);
            await db.Reflections.Where(r => r.SpaceId == spaceId && r.SpeakerId == userId && r.Status == ReflectionStatus.Corrected)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Correction, Array.Empty<byte>()), none);
        }
    }

    /// <summary>After the leave is committed: with one partner fewer, a sealed round may be complete and a move agreed by everyone left.</summary>
    public static async Task AfterLeaveAsync(AppDbContext db, Guid spaceId, DateTime now)
    {
        await Rounds.RevealIfCompleteAsync(db, spaceId, now);
        await StageMoves.TryMoveAsync(db, spaceId);
    }
}
