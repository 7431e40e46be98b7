using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Lay a commitment down, or take it up again. Its log and the "I noticed"s stay.</summary>
internal static class EndCommitment
{
    public sealed class Request
    {
        public bool Ended { get; set; } = true;
    }

    public sealed record State(DateTime? EndedAt);

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<State>> HandleAsync(Guid spaceId, Guid commitmentId, Request request, CancellationToken cancellationToken)
        {
            DateTime? at = request.Ended ? time.GetUtcNow().UtcDateTime : null;
            var changed = await db.Commitments.OwnedBy(db, access.UserId)
                .Where(c => c.Id == commitmentId && c.SpaceId == spaceId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedAt, at).SetProperty(c => c.Version, c => c.Version + 1), CancellationToken.None);
            return changed == 1 ? Outcome<State>.Ok(new State(at)) : Outcome<State>.NotFound();
        }
    }
}
