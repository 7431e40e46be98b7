using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// The author rewords a parked item, private or on the agenda of a container still to come or
/// running. Once its container has ended it is part of that record and stays as it was (it can
/// still be deleted).
/// </summary>
internal static class EditParked
{
    public const string Ended = "This was on the agenda of a container that has ended, so it stays as it was talked about. You can still delete it.";
    public const string MovedMeanwhile = "This item was moved or taken off an agenda in another window just now. Nothing was changed; try again.";

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid itemId, ParkItem.Request request, CancellationToken cancellationToken)
        {
            var item = await db.ParkedItems.AsNoTracking().OwnedBy(db, access.UserId).SingleOrDefaultAsync(p => p.Id == itemId && p.SpaceId == spaceId, cancellationToken);
            if (item is null || await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Done>.NotFound();
            }

            if (ParkItem.CheckText(request.Text) is { } problem)
            {
                return Outcome<Done>.Invalid(nameof(ParkItem.Request.Text), problem);
            }

            if (item.ContainerId is { } containerId && await db.Containers.AnyAsync(c => c.Id == containerId && c.State == ContainerState.Ended, cancellationToken))
            {
                return Outcome<Done>.Conflicted(Ended);
            }

            // Sealed under the key of the audience it has now; written only if that is still its audience
            // and place, so that a move at the same moment (which re-seals it) cannot leave it under the wrong key.
            var text = ContentKeys.Seal(await keys.ForAsync(spaceId, item.AuthorId, item.Audience, cancellationToken), ParkItem.Normalize(request.Text!), item.Binding);
            var (audience, place, now) = (item.Audience, item.ContainerId, time.GetUtcNow().UtcDateTime);
            var changed = await db.ParkedItems
                .Where(p => p.Id == itemId && p.Audience == audience && p.ContainerId == place)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Text, text).SetProperty(p => p.UpdatedAt, now), CancellationToken.None);
            return changed == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.Conflicted(MovedMeanwhile);
        }
    }
}
