using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>What leaving a space does to the Atone stage (called by <see cref="Spaces.LeaveSpace"/> inside its transaction).</summary>
internal static class AtoneCleanup
{
    /// <summary>
    /// The leaver's private letters, commitments and questions always go; what they shared goes too
    /// unless they keep it, and so do their answers and "I noticed"s.
    /// </summary>
    public static async Task ForgetAsync(AppDbContext db, Guid spaceId, Guid userId, bool keepShared)
    {
        var none = CancellationToken.None;
        await db.Letters.Where(l => l.SpaceId == spaceId && l.AuthorId == userId && (!keepShared || l.Audience == Audience.OnlyMe)).ExecuteDeleteAsync(none);
        // A letter that stays keeps only the wordings someone else has seen.
        await db.LetterDrafts
            .Where(d => d.SharedWith == Audience.OnlyMe && db.Letters.Any(l => l.Id == d.LetterId && l.SpaceId == spaceId && l.AuthorId == userId))
            .ExecuteDeleteAsync(none);
        await db.Commitments.Where(c => c.SpaceId == spaceId && c.AuthorId == userId && (!keepShared || c.Audience == Audience.OnlyMe)).ExecuteDeleteAsync(none);
        // A question someone answered keeps their answer: only the leaver's words go (ADR 0014).
        await db.HonestQuestions
            .Where(q => q.SpaceId == spaceId && q.AuthorId == userId && (q.Audience == Audience.OnlyMe || (!keepShared && !db.HonestAnswers.Any(a => a.QuestionId == q.Id && a.AuthorId != userId))))
            .ExecuteDeleteAsync(none);
        if (!keepShared)
        {
            await db.HonestQuestions.Where(q => q.SpaceId == spaceId && q.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Text, Array.Empty<byte>()), none);
        }

        if (!keepShared)
        {
            await db.HonestAnswers.Where(a => a.SpaceId == spaceId && a.AuthorId == userId).ExecuteDeleteAsync(none);
            await db.Noticed.Where(n => n.UserId == userId && db.FollowThroughs.Any(f => f.Id == n.FollowThroughId && f.SpaceId == spaceId)).ExecuteDeleteAsync(none);
        }
    }
}
