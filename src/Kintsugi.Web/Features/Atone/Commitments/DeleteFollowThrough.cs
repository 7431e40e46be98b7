using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>The author removes a line of their own log (a wrong day, a slip of the finger).</summary>
internal static class DeleteFollowThrough
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid commitmentId, Guid lineId, CancellationToken cancellationToken)
        {
            var mine = db.Commitments.OwnedBy(db, access.UserId).Where(c => c.Id == commitmentId && c.SpaceId == spaceId);
            var deleted = await db.FollowThroughs
                .Where(f => f.Id == lineId && f.CommitmentId == commitmentId && mine.Any())
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
