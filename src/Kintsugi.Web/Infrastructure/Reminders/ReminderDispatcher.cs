using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kintsugi.Web.Infrastructure.Reminders;

internal sealed class ReminderOptions
{
    /// <summary>How often due reminders are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long sent rows are kept (so a cancel after sending has nothing to undo), then deleted.</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Turns due reminders into e-mails in the outbox. Several instances may run it: each reminder is
/// claimed by a conditional UPDATE (SentAt still empty) in the same transaction that queues its
/// e-mail, so it is sent once or not at all. People who have not opted in get nothing.
/// </summary>
internal sealed partial class ReminderDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly unavailable or not migrated yet; try again on the next tick.
                LogFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends what is due now; returns how many reminders this instance claimed.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var signal = scope.ServiceProvider.GetRequiredService<OutboxSignal>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.ScheduledReminders.AsNoTracking()
            .Where(r => r.SentAt == null && r.DueAt <= now)
            .OrderBy(r => r.DueAt)
            .Select(r => new { r.Id, r.UserId, r.Kind, r.AskedFor })
            .Take(100)
            .ToListAsync(cancellationToken);
        var claimed = 0;
        foreach (var reminder in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.ScheduledReminders.Where(r => r.Id == reminder.Id && r.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAt, now), cancellationToken) != 1)
            {
                continue;
            }

            claimed++;
            var to = await db.Users.Where(u => u.Id == reminder.UserId && u.EmailConfirmed && (reminder.AskedFor || db.ReminderOptIns.Any(o => o.UserId == u.Id)))
                .Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            if (to is not null)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Id = Guid.CreateVersion7(time.GetUtcNow()),
                    Kind = EmailKind.Reminder,
                    Topic = reminder.Kind,
                    To = to,
                    UserId = reminder.UserId,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            LogClaimed(logger, reminder.Id, to is not null);
        }

        if (claimed > 0)
        {
            signal.Notify();
        }

        var keepUntil = now - options.Value.KeepSent;
        await db.ScheduledReminders.Where(r => r.SentAt != null && r.SentAt < keepUntil).ExecuteDeleteAsync(cancellationToken);
        return claimed;
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Reminder {ReminderId} due; e-mail queued: {Queued}")]
    private static partial void LogClaimed(ILogger logger, Guid reminderId, bool queued);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Reminders paused after {Error}; will try again")]
    private static partial void LogFailed(ILogger logger, string error);
}
