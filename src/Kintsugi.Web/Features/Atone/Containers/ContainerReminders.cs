using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// Content-free e-mail reminders of containers, for the people who asked (<see cref="ContainerReminder"/>,
/// one row per person and container), through the generic scheduled reminders
/// (<see cref="ScheduledReminder"/>, sent by <see cref="ReminderDispatcher"/>). A reminder is due a day
/// before the container, or an hour before when it was planned later than that; it says only that
/// something planned is coming up. Called from SetContainerReminder (on/off), ChangeContainerPlan (new
/// time, or a person losing sight of it), CancelContainer, StartContainer and CloseContainer (nothing
/// left to remind of), and ContainerCleanup (a person leaves or deletes their account).
/// </summary>
internal static class ContainerReminders
{
    /// <summary>The key of the reminder's words in Content/reminders.en.json.</summary>
    public const string Kind = "container";

    /// <summary>When the reminder of a container starting at <paramref name="startsAtUtc"/> is due; null when it is too late for one.</summary>
    public static DateTime? DueAt(DateTime startsAtUtc, DateTime nowUtc) =>
        startsAtUtc.AddDays(-1) > nowUtc ? startsAtUtc.AddDays(-1)
        : startsAtUtc.AddHours(-1) > nowUtc ? startsAtUtc.AddHours(-1)
        : null;

    /// <summary>One person asked to be reminded (or the time changed): their unsent reminder is replaced.</summary>
    public static async Task ScheduleAsync(AppDbContext db, Guid containerId, Guid userId, DateTime startsAtUtc, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await CancelAsync(db, containerId, userId, cancellationToken);
        if (DueAt(startsAtUtc, nowUtc) is not { } due)
        {
            return;
        }

        var spaceId = await db.Containers.Where(c => c.Id == containerId).Select(c => (Guid?)c.SpaceId).SingleOrDefaultAsync(cancellationToken);
        db.ScheduledReminders.Add(new ScheduledReminder
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(nowUtc, TimeSpan.Zero)),
            UserId = userId,
            SpaceId = spaceId,
            DueAt = due,
            Kind = Kind,
            Ref = containerId,
            AskedFor = true,
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Drop the pending reminder of one person (<paramref name="userId"/>), or of everyone (null).</summary>
    public static Task CancelAsync(AppDbContext db, Guid containerId, Guid? userId, CancellationToken cancellationToken) =>
        db.ScheduledReminders
            .Where(r => r.Ref == containerId && r.Kind == Kind && r.SentAt == null && (userId == null || r.UserId == userId))
            .ExecuteDeleteAsync(CancellationToken.None);

    /// <summary>The time of a container changed: every opted-in person's reminder moves with it.</summary>
    public static async Task RescheduleAllAsync(AppDbContext db, Guid containerId, DateTime startsAtUtc, DateTime nowUtc, CancellationToken cancellationToken)
    {
        foreach (var userId in await db.ContainerReminders.Where(r => r.ContainerId == containerId).Select(r => r.UserId).ToListAsync(cancellationToken))
        {
            await ScheduleAsync(db, containerId, userId, startsAtUtc, nowUtc, cancellationToken);
        }
    }
}
