using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>The author deletes an entry and its earlier wordings, for good (SECURITY.md D3).</summary>
internal static class DeleteEntry
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid entryId, CancellationToken cancellationToken)
        {
            var deleted = await db.JournalEntries.OwnedBy(db, access.UserId)
                .Where(e => e.Id == entryId && e.SpaceId == spaceId)
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
