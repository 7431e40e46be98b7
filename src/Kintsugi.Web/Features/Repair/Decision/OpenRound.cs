using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>Revisit the decision point: any partner starts a new sealed round once the last one is open to all.</summary>
internal static class OpenRound
{
    public const string StillSealed = "The current round is still waiting for everyone's answers. You can change your own answer until then.";

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Done>.NotFound();
            }

            var latest = await db.DecisionRounds.AsNoTracking().Where(r => r.SpaceId == spaceId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
            if (latest is null || !await Rounds.IsCompleteAsync(db, latest, cancellationToken))
            {
                // Before the first round is complete there is nothing to revisit; the same answer either way, so it tells nothing.
                return Outcome<Done>.Conflicted(StillSealed);
            }

            var now = time.GetUtcNow();
            if (latest.RevealedAt is null)
            {
                await Rounds.RevealIfCompleteAsync(db, spaceId, now.UtcDateTime);
            }

            db.DecisionRounds.Add(new DecisionRound { Id = Guid.CreateVersion7(now), SpaceId = spaceId, Number = latest.Number + 1 });
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // Another partner started the same new round a moment ago: that is what was asked for.
            }

            return Outcome<Done>.Ok(default);
        }
    }
}
