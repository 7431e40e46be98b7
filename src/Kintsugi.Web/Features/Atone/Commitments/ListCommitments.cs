using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>The commitments of a space the signed-in person may read: open ones first, then those laid down.</summary>
internal static class ListCommitments
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, CommitmentReader reader)
    {
        public async Task<Outcome<IReadOnlyList<CommitmentView>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<CommitmentView>>.NotFound();
            }

            var rows = await db.Commitments.AsNoTracking()
                .VisibleTo(db, me.UserId)
                .Where(c => c.SpaceId == spaceId)
                .OrderBy(c => c.EndedAt != null).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken);
            return Outcome<IReadOnlyList<CommitmentView>>.Ok(await reader.ReadAsync(spaceId, me.UserId, rows, cancellationToken));
        }
    }
}
