using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Delete one's commitment with its whole log.</summary>
internal static class DeleteCommitment
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid commitmentId, CancellationToken cancellationToken)
        {
            var deleted = await db.Commitments.OwnedBy(db, access.UserId)
                .Where(c => c.Id == commitmentId && c.SpaceId == spaceId)
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
