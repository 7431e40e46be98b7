using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The breach records of a space the signed-in person may read, oldest first.</summary>
internal static class ListBreaches
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, BreachReader reader)
    {
        public async Task<Outcome<IReadOnlyList<BreachView>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<BreachView>>.NotFound();
            }

            var rows = await db.Breaches.AsNoTracking()
                .VisibleTo(db, me.UserId)
                .Where(b => b.SpaceId == spaceId)
                .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id)
                .ToListAsync(cancellationToken);
            return Outcome<IReadOnlyList<BreachView>>.Ok(await reader.ReadAsync(spaceId, me, rows, cancellationToken));
        }
    }
}
