using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// The author puts a parked item on the agenda of a container that has not ended (it is then
/// shared with that container's audience), moves it to another, or takes it off (null: private again).
/// </summary>
internal static class PlaceParked
{
    public sealed class Request
    {
        /// <summary>The container whose agenda it goes on; null takes it off any agenda.</summary>
        public Guid? ContainerId { get; set; }
    }

    public sealed record Placed(Audience Audience, Guid? ContainerId);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Placed>> HandleAsync(Guid spaceId, Guid itemId, Request request, CancellationToken cancellationToken)
        {
            var item = await db.ParkedItems.OwnedBy(db, access.UserId).SingleOrDefaultAsync(p => p.Id == itemId && p.SpaceId == spaceId, cancellationToken);
            if (item is null || await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Placed>.NotFound();
            }

            if (item.ContainerId is { } current && await db.Containers.AnyAsync(c => c.Id == current && c.State == ContainerState.Ended, cancellationToken))
            {
                return Outcome<Placed>.Conflicted(EditParked.Ended);
            }

            Container? container = null;
            if (request.ContainerId is { } containerId)
            {
                container = await db.Containers.AsNoTracking().SeenBy(db, access.UserId)
                    .SingleOrDefaultAsync(c => c.Id == containerId && c.SpaceId == spaceId && c.State != ContainerState.Ended, cancellationToken);
                if (container is null)
                {
                    return Outcome<Placed>.Invalid(nameof(Request.ContainerId), "Choose a container of this space that has not ended yet.");
                }
            }

            if (item.ContainerId != container?.Id)
            {
                await ParkedItems.PlaceAsync(keys, item, container, time.GetUtcNow().UtcDateTime, cancellationToken);
                await db.SaveChangesAsync(CancellationToken.None);
            }

            return Outcome<Placed>.Ok(new Placed(item.Audience, item.ContainerId));
        }
    }
}
