using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// The author deletes a breach record. The accounts others wrote about it stay theirs: they lose
/// the link (the database sets it to null) and remain in their authors' journals.
/// </summary>
internal static class DeleteBreach
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid breachId, CancellationToken cancellationToken)
        {
            var deleted = await db.Breaches.OwnedBy(db, access.UserId)
                .Where(b => b.Id == breachId && b.SpaceId == spaceId)
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
