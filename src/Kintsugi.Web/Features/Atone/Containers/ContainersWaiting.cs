using System.Globalization;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// The space home's "waiting for you", for containers: the one happening now or the next one
/// (joint, the same for every partner), and how many things the reader parked that are on no
/// agenda yet (their own, so nobody else's private activity shows).
/// </summary>
internal static class ContainersWaiting
{
    public sealed class Handler(AppDbContext db, ListContainers.Handler containers)
    {
        public async Task<IReadOnlyList<WhereWeAre.Waiting>> HandleAsync(Guid spaceId, Member me, CancellationToken cancellationToken)
        {
            var root = $"/spaces/{spaceId}";
            var waiting = new List<WhereWeAre.Waiting>();
            var all = await containers.ReadAsync(spaceId, cancellationToken);
            if ((all.FirstOrDefault(c => c.State == ContainerState.Running) ?? all.FirstOrDefault(c => c.IsNext)) is { } next)
            {
                waiting.Add(new WhereWeAre.Waiting("container", Say(ContainersContent.English.Waiting.Container, ContainerView.Readable(next.At)), $"{root}/containers/{next.Id}"));
            }

            if (me.IsPartner)
            {
                var parked = await db.ParkedItems.CountAsync(p => p.SpaceId == spaceId && p.AuthorId == me.UserId && p.Audience == Audience.OnlyMe, cancellationToken);
                if (parked > 0)
                {
                    waiting.Add(new WhereWeAre.Waiting("parked", Say(ContainersContent.English.Waiting.Parked, parked == 1 ? "one thing" : $"{parked} things"), $"{root}/parked"));
                }
            }

            return waiting;
        }
    }

    private static string Say(string format, string value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
