using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The rule that opens a round: every partner of the space has answered it (at least two of them).</summary>
internal static class Rounds
{
    public static async Task<bool> IsCompleteAsync(AppDbContext db, DecisionRound round, CancellationToken cancellationToken)
    {
        if (round.RevealedAt is not null)
        {
            return true;
        }

        var partners = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == round.SpaceId && m.Status == MemberStatus.Active && m.Role == MemberRole.Partner)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        var answered = await db.DecisionAnswers.AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => a.UserId).ToListAsync(cancellationToken);
        return partners.Count >= 2 && partners.All(answered.Contains);
    }

    /// <summary>
    /// Marks the space's open round revealed if it is complete, so that it stays revealed when a new
    /// partner joins later. Called after an answer and after someone leaves; readers also apply the
    /// rule themselves, so a race between two last answers never hides a complete round.
    /// </summary>
    public static async Task RevealIfCompleteAsync(AppDbContext db, Guid spaceId, DateTime now)
    {
        var round = await db.DecisionRounds.AsNoTracking()
            .Where(r => r.SpaceId == spaceId)
            .OrderByDescending(r => r.Number)
            .FirstOrDefaultAsync(CancellationToken.None);
        if (round is { RevealedAt: null } && await IsCompleteAsync(db, round, CancellationToken.None))
        {
            // Checked again in the UPDATE, against what is committed then (a partner let in meanwhile keeps it sealed).
            await db.DecisionRounds
                .Where(r => r.Id == round.Id && r.RevealedAt == null
                            && !db.Memberships.Any(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active && m.Role == MemberRole.Partner
                                                        && !db.DecisionAnswers.Any(a => a.RoundId == round.Id && a.UserId == m.UserId)))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevealedAt, now), CancellationToken.None);
        }
    }
}
