using System.Text;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// A container as an .ics invite, built like the next conversation's (<see cref="CalendarFile.Build"/>):
/// a neutral title, floating local time, nothing naming the app, the purpose or anyone.
/// </summary>
internal static class ContainerInvite
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<CalendarFile.File>> HandleAsync(Guid spaceId, Guid containerId, string host, CancellationToken cancellationToken)
        {
            var container = await db.Containers.AsNoTracking().OpenTo(db, access.UserId).SingleOrDefaultAsync(c => c.Id == containerId && c.SpaceId == spaceId, cancellationToken);
            if (container is null)
            {
                return Outcome<CalendarFile.File>.NotFound();
            }

            var plan = container.OpenPlan(await keys.SpaceKeyAsync(spaceId, cancellationToken));
            if (!NextTime.TryParseLocal(plan.Local, out var local))
            {
                return Outcome<CalendarFile.File>.NotFound();
            }

            var text = CalendarFile.Build(containerId, new NextTime(local, plan.Minutes), host, time.GetUtcNow().UtcDateTime);
            return Outcome<CalendarFile.File>.Ok(new CalendarFile.File(Encoding.UTF8.GetBytes(text), "time-together.ics"));
        }
    }
}
