using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Begin a planned container: the clock starts now (server time), whatever time was planned.</summary>
internal static class StartContainer
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid containerId, CancellationToken cancellationToken)
        {
            if (!await db.Containers.OpenTo(db, access.UserId).AnyAsync(c => c.Id == containerId && c.SpaceId == spaceId, cancellationToken))
            {
                return Outcome<Done>.NotFound();
            }

            // Conditional: two people pressing "start" at once start it once.
            var now = time.GetUtcNow().UtcDateTime;
            var started = await db.Containers.Where(c => c.Id == containerId && c.State == ContainerState.Planned)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ContainerState.Running).SetProperty(c => c.StartedAt, now), CancellationToken.None);
            if (started == 0)
            {
                return ContainerRules.WrongState<Done>("This container has already started.");
            }

            await ContainerReminders.CancelAsync(db, containerId, null, CancellationToken.None);
            return Outcome<Done>.Ok(default);
        }
    }
}
