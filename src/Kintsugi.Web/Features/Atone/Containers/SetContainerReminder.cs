using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Ask for (or stop) a content-free e-mail reminder of a planned container, for yourself only.</summary>
internal static class SetContainerReminder
{
    public sealed class Request
    {
        public bool On { get; set; } = true;
    }

    public sealed record Reminder(bool On);

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Reminder>> HandleAsync(Guid spaceId, Guid containerId, Request request, CancellationToken cancellationToken)
        {
            var container = await ContainerRules.SteeredAsync(db, access, spaceId, containerId, cancellationToken);
            if (container is null)
            {
                return Outcome<Reminder>.NotFound();
            }

            var userId = access.UserId;
            var exists = await db.ContainerReminders.AnyAsync(r => r.ContainerId == containerId && r.UserId == userId, cancellationToken);
            if (request.On && !exists)
            {
                if (container.State != ContainerState.Planned)
                {
                    return ContainerRules.WrongState<Reminder>("This container has already started: there is nothing left to remind you of.");
                }

                var row = new ContainerReminder { ContainerId = containerId, UserId = userId, CreatedAt = time.GetUtcNow().UtcDateTime };
                db.ContainerReminders.Add(row);
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    // Only the request that wrote the yes schedules the e-mail: two at once would otherwise each add one.
                    await ContainerReminders.ScheduleAsync(db, containerId, userId, container.StartsAt, time.GetUtcNow().UtcDateTime, CancellationToken.None);
                }
                catch (DbUpdateException)
                {
                    // The same person's other request added it first, and schedules it.
                    db.Entry(row).State = EntityState.Detached;
                }
            }
            else if (!request.On && exists)
            {
                await db.ContainerReminders.Where(r => r.ContainerId == containerId && r.UserId == userId).ExecuteDeleteAsync(CancellationToken.None);
                await ContainerReminders.CancelAsync(db, containerId, userId, CancellationToken.None);
            }

            return Outcome<Reminder>.Ok(new Reminder(request.On));
        }
    }
}
