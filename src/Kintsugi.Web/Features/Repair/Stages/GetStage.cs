using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// The stage the space is in and the reader's own wish to move. Whether anyone else feels ready
/// is never shown; a proposal to go back is, because it is made to be answered.
/// </summary>
internal static class GetStage
{
    public sealed record View(Stage Current, Stage? Next, bool ReadyToMoveOn, IReadOnlyList<Stage> ProposedBack, Stage? MyProposal);

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<View>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<View>.NotFound();
            }

            var current = await db.Spaces.AsNoTracking().Where(s => s.Id == spaceId).Select(s => s.Stage).SingleAsync(cancellationToken);
            var votes = await db.StageVotes.AsNoTracking().Where(v => v.SpaceId == spaceId && v.From == current).ToListAsync(cancellationToken);
            var mine = votes.SingleOrDefault(v => v.UserId == me.UserId);
            var back = votes.Where(v => v.To < v.From).Select(v => v.To).Distinct().Order().ToList();
            return Outcome<View>.Ok(new View(
                current,
                current == Stage.Sustain ? null : current + 1,
                mine is { IsForward: true },
                back,
                mine is { IsForward: false } ? mine.To : null));
        }
    }
}
