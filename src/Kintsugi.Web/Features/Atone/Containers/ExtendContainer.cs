using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>"Agree on ten more minutes": the box grows by ten minutes, up to an hour in all, so that it stays a box.</summary>
internal static class ExtendContainer
{
    public sealed record Extended(int ExtraMinutes);

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Extended>> HandleAsync(Guid spaceId, Guid containerId, CancellationToken cancellationToken)
        {
            var container = await ContainerRules.SteeredAsync(db, access, spaceId, containerId, cancellationToken);
            if (container is null)
            {
                return Outcome<Extended>.NotFound();
            }

            if (container.State != ContainerState.Running)
            {
                return ContainerRules.WrongState<Extended>("Only a running container can be given more time.");
            }

            // Conditional, so that two people agreeing at the same moment add ten minutes each at most up to the cap.
            var added = await db.Containers
                .Where(c => c.Id == containerId && c.State == ContainerState.Running && c.ExtraMinutes + Container.ExtraStep <= Container.MostExtraMinutes)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExtraMinutes, c => c.ExtraMinutes + Container.ExtraStep), CancellationToken.None);
            if (added == 0)
            {
                return Outcome<Extended>.Invalid("", "You have already added an hour. Let this one end here, and plan another container for what is left.");
            }

            return Outcome<Extended>.Ok(new Extended(container.ExtraMinutes + Container.ExtraStep));
        }
    }
}
