using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>One container: plan, time left, turns, agenda, notes.</summary>
internal static class GetContainer
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, ContainerReader reader)
    {
        public async Task<Outcome<ContainerView>> HandleAsync(Guid spaceId, Guid containerId, CancellationToken cancellationToken)
        {
            var container = await db.Containers.AsNoTracking().OpenTo(db, access.UserId).SingleOrDefaultAsync(c => c.Id == containerId && c.SpaceId == spaceId, cancellationToken);
            if (container is null || await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<ContainerView>.NotFound();
            }

            return Outcome<ContainerView>.Ok(await reader.ReadAsync(me, container, cancellationToken));
        }
    }
}
