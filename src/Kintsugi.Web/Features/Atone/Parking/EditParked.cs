using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>The author rewords a parked item, wherever it is (private, or on an agenda).</summary>
internal static class EditParked
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid itemId, ParkItem.Request request, CancellationToken cancellationToken)
        {
            var item = await db.ParkedItems.OwnedBy(db, access.UserId).SingleOrDefaultAsync(p => p.Id == itemId && p.SpaceId == spaceId, cancellationToken);
            if (item is null || await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Done>.NotFound();
            }

            if (ParkItem.CheckText(request.Text) is { } problem)
            {
                return Outcome<Done>.Invalid(nameof(ParkItem.Request.Text), problem);
            }

            item.Text = ContentKeys.Seal(await keys.ForAsync(spaceId, item.AuthorId, item.Audience, cancellationToken), ParkItem.Normalize(request.Text!), item.Binding);
            item.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Done>.Ok(default);
        }
    }
}
