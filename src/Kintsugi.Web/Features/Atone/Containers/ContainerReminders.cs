using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// THE SEAM for content-free e-mail reminders of containers. The opt-in is stored
/// (<see cref="ContainerReminder"/>, one row per person and container); these methods are called
/// at every moment a reminder must be (re)scheduled or dropped, inside the caller's unit of work,
/// and for now do nothing. Connect them to the generic scheduled-reminder piece: schedule one
/// e-mail per opted-in person at <c>startsAtUtc</c> minus a lead time, with no content in it.
/// Called from: SetContainerReminder (on/off), ChangeContainerPlan (new time, or a person losing
/// sight of it when the practitioner is taken out), CancelContainer, StartContainer and
/// CloseContainer (no reminder needed any more), and ContainerCleanup (a person leaves or deletes their account).
/// </summary>
internal static class ContainerReminders
{
    /// <summary>One person asked to be reminded (or the time changed): (re)schedule their reminder.</summary>
    public static Task ScheduleAsync(AppDbContext db, Guid containerId, Guid userId, DateTime startsAtUtc, CancellationToken cancellationToken)
    {
        _ = (db, containerId, userId, startsAtUtc, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Drop the pending reminder of one person (<paramref name="userId"/>), or of everyone (null).</summary>
    public static Task CancelAsync(AppDbContext db, Guid containerId, Guid? userId, CancellationToken cancellationToken)
    {
        _ = (db, containerId, userId, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>The time of a container changed: every opted-in person's reminder moves with it.</summary>
    public static async Task RescheduleAllAsync(AppDbContext db, Guid containerId, DateTime startsAtUtc, CancellationToken cancellationToken)
    {
        foreach (var userId in await db.ContainerReminders.Where(r => r.ContainerId == containerId).Select(r => r.UserId).ToListAsync(cancellationToken))
        {
            await ScheduleAsync(db, containerId, userId, startsAtUtc, cancellationToken);
        }
    }
}
