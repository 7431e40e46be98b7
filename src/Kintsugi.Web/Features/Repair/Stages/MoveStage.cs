using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// A partner says where they would like the space to be: the next stage ("I feel ready to move
/// on", private), an earlier one (a proposal to go back, seen by the others), or nowhere (taking
/// it back, silently). The space moves when every partner wants the same move.
/// </summary>
internal static class MoveStage
{
    public sealed class Request
    {
        /// <summary>The stage you would like to move to; null to take your wish back.</summary>
        public Stage? To { get; set; }
    }

    public sealed record Result(Stage Current, bool Moved);

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Result>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Result>.NotFound();
            }

            var current = await db.Spaces.AsNoTracking().Where(s => s.Id == spaceId).Select(s => s.Stage).SingleAsync(cancellationToken);
            if (request.To is { } to && (!Enum.IsDefined(to) || to == current || to > current + 1))
            {
                return Outcome<Result>.Invalid(nameof(Request.To), current == Stage.Sustain && to >= current
                    ? "Sustain is the last stage: there is nothing after it to move on to."
                    : "Choose the next stage, or an earlier one to go back to.");
            }

            await db.StageVotes.Where(v => v.SpaceId == spaceId && v.UserId == me.UserId).ExecuteDeleteAsync(CancellationToken.None);
            if (request.To is not { } target)
            {
                return Outcome<Result>.Ok(new Result(current, false));
            }

            db.StageVotes.Add(new StageVote { SpaceId = spaceId, UserId = me.UserId, From = current, To = target });
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // The same person's other request (a double click) saved a wish a moment ago; theirs stands.
                return Outcome<Result>.Ok(new Result(current, false));
            }

            var moved = await StageMoves.TryMoveAsync(db, spaceId);
            return Outcome<Result>.Ok(new Result(moved ? target : current, moved));
        }
    }
}
