using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Delete one's letter with all its drafts. Answers others wrote to it stay theirs, without the link.</summary>
internal static class DeleteLetter
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid letterId, CancellationToken cancellationToken)
        {
            var deleted = await db.Letters.OwnedBy(db, access.UserId)
                .Where(l => l.Id == letterId && l.SpaceId == spaceId)
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
