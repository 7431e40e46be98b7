using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The rule that moves a space: every partner wants the same move from the stage it is in.</summary>
internal static class StageMoves
{
    /// <summary>
    /// Moves the space if every partner now wants the same move. Called after each vote has been
    /// saved (and after someone leaves), so of two last votes cast at once, the later one sees both.
    /// The conditional update makes a double move impossible.
    /// </summary>
    public static async Task<bool> TryMoveAsync(AppDbContext db, Guid spaceId)
    {
        var current = await db.Spaces.AsNoTracking().Where(s => s.Id == spaceId).Select(s => (Stage?)s.Stage).SingleOrDefaultAsync(CancellationToken.None);
        if (current is not { } from)
        {
            return false;
        }

        var partners = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active && m.Role == MemberRole.Partner)
            .Select(m => m.UserId)
            .ToListAsync(CancellationToken.None);
        var votes = await db.StageVotes.AsNoTracking().Where(v => v.SpaceId == spaceId && v.From == from).ToListAsync(CancellationToken.None);
        var targets = partners.Select(p => votes.FirstOrDefault(v => v.UserId == p)?.To).Distinct().ToList();
        if (partners.Count == 0 || targets is not [{ } to])
        {
            return false;
        }

        // Inside a caller's transaction (an account being deleted) this joins it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
        // The rule is checked again in the UPDATE itself, against what is committed at that moment:
        // a wish taken back, or a partner let in, since the read above stops the move.
        var moved = await db.Spaces
            .Where(s => s.Id == spaceId && s.Stage == from
                        && !db.Memberships.Any(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active && m.Role == MemberRole.Partner
                                                    && !db.StageVotes.Any(v => v.SpaceId == spaceId && v.UserId == m.UserId && v.From == from && v.To == to)))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stage, to), CancellationToken.None);
        if (moved == 1)
        {
            // Readiness was for the stage just left; everyone starts the new one unmarked.
            await db.StageVotes.Where(v => v.SpaceId == spaceId).ExecuteDeleteAsync(CancellationToken.None);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        return moved == 1;
    }
}
