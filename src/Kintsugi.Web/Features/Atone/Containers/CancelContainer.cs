using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// Call off a planned container (partners). What was on its agenda goes back to each author,
/// private again; nobody's reminder is sent. One that has started or ended stays as a record.
/// </summary>
internal static class CancelContainer
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid containerId, CancellationToken cancellationToken)
        {
            var container = await ContainerRules.PlannedByPartnersAsync(db, access, spaceId, containerId, cancellationToken);
            if (container is null)
            {
                return Outcome<Done>.NotFound();
            }

            if (container.State != ContainerState.Planned)
            {
                return ContainerRules.WrongState<Done>("Only a container that has not started can be called off; this one stays as a record.");
            }

            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
            await ParkedItems.ReturnAllAsync(db, keys, containerId, time.GetUtcNow().UtcDateTime, CancellationToken.None);
            await ContainerReminders.CancelAsync(db, containerId, null, CancellationToken.None);
            db.Containers.Remove(container);
            await db.SaveChangesAsync(CancellationToken.None);
            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }

            return Outcome<Done>.Ok(default);
        }
    }
}
