using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Infrastructure.Reminders;

/// <summary>Schedules and cancels reminders, and keeps each person's opt-in. Features call this; the dispatcher sends.</summary>
internal sealed class ReminderSchedule(AppDbContext db, TimeProvider time)
{
    /// <summary>
    /// One reminder per person for <paramref name="reference"/> and <paramref name="kind"/>: any
    /// unsent one is replaced. A time already past is simply not scheduled.
    /// </summary>
    public async Task ScheduleAsync(IEnumerable<Guid> userIds, Guid? spaceId, DateTime dueAtUtc, string kind, Guid reference, CancellationToken cancellationToken)
    {
        if (kind.Length is 0 or > ScheduledReminder.KindLength)
        {
            throw new ArgumentException("A reminder kind is a short key from the content file.", nameof(kind));
        }

        await CancelAsync(reference, kind, cancellationToken);
        var now = time.GetUtcNow();
        if (dueAtUtc <= now.UtcDateTime)
        {
            return;
        }

        foreach (var userId in userIds.Distinct())
        {
            db.ScheduledReminders.Add(new ScheduledReminder { Id = Guid.CreateVersion7(now), UserId = userId, SpaceId = spaceId, DueAt = dueAtUtc, Kind = kind, Ref = reference });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Cancels the unsent reminders about <paramref name="reference"/> (of one kind, or all).</summary>
    public Task CancelAsync(Guid reference, string? kind, CancellationToken cancellationToken) =>
        db.ScheduledReminders.Where(r => r.Ref == reference && r.SentAt == null && (kind == null || r.Kind == kind)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>When someone leaves a space: nothing more about it reaches them.</summary>
    public static Task ForgetAsync(AppDbContext db, Guid userId, Guid spaceId) =>
        db.ScheduledReminders.Where(r => r.UserId == userId && r.SpaceId == spaceId).ExecuteDeleteAsync(CancellationToken.None);

    public Task<bool> IsOptedInAsync(Guid userId, CancellationToken cancellationToken) =>
        db.ReminderOptIns.AnyAsync(o => o.UserId == userId, cancellationToken);

    public async Task SetOptInAsync(Guid userId, bool email, CancellationToken cancellationToken)
    {
        if (!email)
        {
            await db.ReminderOptIns.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        if (await IsOptedInAsync(userId, cancellationToken))
        {
            return;
        }

        var row = new ReminderOptIn { UserId = userId, ChosenAt = time.GetUtcNow().UtcDateTime };
        db.ReminderOptIns.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person's other request said yes first.
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
