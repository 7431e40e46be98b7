using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>One commitment with its log, if the signed-in person may read it; otherwise exactly "not found".</summary>
internal static class GetCommitment
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, CommitmentReader reader)
    {
        public async Task<Outcome<CommitmentView>> HandleAsync(Guid spaceId, Guid commitmentId, CancellationToken cancellationToken)
        {
            var row = await db.Commitments.AsNoTracking()
                .VisibleTo(db, access.UserId)
                .SingleOrDefaultAsync(c => c.Id == commitmentId && c.SpaceId == spaceId, cancellationToken);
            return row is null
                ? Outcome<CommitmentView>.NotFound()
                : Outcome<CommitmentView>.Ok((await reader.ReadAsync(spaceId, access.UserId, [row], cancellationToken))[0]);
        }
    }
}
