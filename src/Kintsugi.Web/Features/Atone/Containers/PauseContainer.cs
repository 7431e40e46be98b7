using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// A pause, called by anyone in the container without a reason: at least twenty minutes (flooding:
/// CONTENT.md), or 0 to go on. The time box stands still meanwhile. Who called it is not recorded.
/// </summary>
internal static class PauseContainer
{
    public sealed class Request
    {
        /// <summary>How long to rest; 0 goes on now.</summary>
        public int Minutes { get; set; } = TakePause.ShortestMinutes;
    }

    public sealed record Paused(DateTime? Until);

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Paused>> HandleAsync(Guid spaceId, Guid containerId, Request request, CancellationToken cancellationToken)
        {
            var container = await ContainerRules.SteeredAsync(db, access, spaceId, containerId, cancellationToken);
            if (container is null)
            {
                return Outcome<Paused>.NotFound();
            }

            if (request.Minutes != 0 && request.Minutes is < TakePause.ShortestMinutes or > TakePause.LongestMinutes)
            {
                return Outcome<Paused>.Invalid(nameof(Request.Minutes), "A pause lasts at least twenty minutes: that is how long a body needs to settle. Up to a day.");
            }

            if (container.State != ContainerState.Running)
            {
                return ContainerRules.WrongState<Paused>("Only a running container can be paused.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            container.FoldPause(now);
            if (request.Minutes != 0)
            {
                container.PausedAt = now;
                container.PausedUntil = now.AddMinutes(request.Minutes);
            }

            await db.Containers.Where(c => c.Id == containerId && c.State == ContainerState.Running)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.PausedSeconds, container.PausedSeconds).SetProperty(c => c.PausedAt, container.PausedAt).SetProperty(c => c.PausedUntil, container.PausedUntil),
                    CancellationToken.None);
            return Outcome<Paused>.Ok(new Paused(container.PausedUntil));
        }
    }
}
