using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Infrastructure.Email;

/// <summary>
/// Sends queued messages in the background, with retries and backoff. Several instances can run
/// it at once: each message is claimed with a conditional update before it is sent.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int MaxAttempts = 8;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogTransport(logger, transport.Description);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) > 0)
                {
                }

                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly unavailable or not migrated yet; try again on the next poll.
                LogDispatchFailed(logger, ex.GetType().Name);
                await Task.Delay(PollInterval, time, stoppingToken);
            }
        }
    }

    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        var now = time.GetUtcNow().UtcDateTime;

        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(20).ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var id in due)
        {
            // The time of this claim, not of the batch: a slow send must not leave later claims already expired.
            now = time.GetUtcNow().UtcDateTime;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, now + ClaimFor), cancellationToken);
            var message = claimed == 1 ? await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) : null;
            if (message is null)
            {
                continue;
            }

            handled++;
            try
            {
                var mime = await composer.ComposeAsync(message);
                if (mime is not null)
                {
                    await transport.SendAsync(mime, cancellationToken);
                }

                await db.OutboxMessages.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
                LogSent(logger, id, message.Kind);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await RetryLaterAsync(db, message, now, ex, cancellationToken);
            }
        }

        return handled;
    }

    private async Task RetryLaterAsync(AppDbContext db, OutboxMessage message, DateTime now, Exception ex, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        if (attempts >= MaxAttempts)
        {
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteDeleteAsync(cancellationToken);
            LogGaveUp(logger, message.Id, message.Kind, attempts, ex.GetType().Name);
            return;
        }

        var next = now + TimeSpan.FromSeconds(30 * Math.Pow(2, attempts - 1));
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        // Only the exception's type: its message could contain the recipient's address.
        LogRetry(logger, message.Id, message.Kind, attempts, ex.GetType().Name);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "E-mail: {Description}")]
    private static partial void LogTransport(ILogger logger, string description);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "E-mail {MessageId} ({Kind}) sent")]
    private static partial void LogSent(ILogger logger, Guid messageId, EmailKind kind);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "E-mail {MessageId} ({Kind}) failed on attempt {Attempts} with {Error}; will retry")]
    private static partial void LogRetry(ILogger logger, Guid messageId, EmailKind kind, int attempts, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "E-mail {MessageId} ({Kind}) dropped after {Attempts} attempts; last error {Error}")]
    private static partial void LogGaveUp(ILogger logger, Guid messageId, EmailKind kind, int attempts, string error);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "E-mail dispatch paused after {Error}")]
    private static partial void LogDispatchFailed(ILogger logger, string error);
}
