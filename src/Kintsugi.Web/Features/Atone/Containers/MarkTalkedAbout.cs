using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Tick an agenda item off as talked about (or not yet). Anyone in the container may.</summary>
internal static class MarkTalkedAbout
{
    public sealed class Request
    {
        public bool TalkedAbout { get; set; } = true;
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid containerId, Guid itemId, Request request, CancellationToken cancellationToken)
        {
            if (await ContainerRules.SteeredAsync(db, access, spaceId, containerId, cancellationToken) is null)
            {
                return Outcome<Done>.NotFound();
            }

            // Parked items on this agenda that the reader can see.
            var changed = await db.ParkedItems.VisibleTo(db, access.UserId)
                .Where(p => p.Id == itemId && p.ContainerId == containerId && p.Audience != Audience.OnlyMe)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.TalkedAbout, request.TalkedAbout), CancellationToken.None);
            if (changed == 0)
            {
                // A question for a container that the reader can read: ticked off here, or back on the list.
                Guid? talkedIn = request.TalkedAbout ? containerId : null;
                changed = await db.HonestQuestions.VisibleTo(db, access.UserId)
                    .Where(q => q.Id == itemId && q.SpaceId == spaceId && (q.TalkedAboutIn == containerId || (q.ForContainer && q.TalkedAboutIn == null)))
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.TalkedAboutIn, talkedIn), CancellationToken.None);
            }

            return changed == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
