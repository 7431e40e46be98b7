using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kintsugi.Web.Features.Account;

/// <summary>Removes what has expired: ended sessions, old throttle counters and expired invites (minimal retention, ASVS 14.2).</summary>
internal sealed partial class AccountCleanup(IServiceScopeFactory scopes, TimeProvider time, IOptions<Sessions.SessionLimits> sessions, ILogger<AccountCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeepCounters = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var idleBefore = now - sessions.Value.IdleTimeout;
        var rememberedIdleBefore = now - sessions.Value.RememberedIdleTimeout;
        await db.UserSessions
            .Where(s => s.ExpiresAt <= now || (!s.IsPersistent && s.LastSeenAt <= idleBefore) || (s.IsPersistent && s.LastSeenAt <= rememberedIdleBefore))
            .ExecuteDeleteAsync(cancellationToken);
        var countersBefore = now - KeepCounters;
        await db.AuthThrottles.Where(t => t.WindowStartedAt <= countersBefore).ExecuteDeleteAsync(cancellationToken);
        await db.Invites.Where(i => i.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Account clean-up failed with {Error}; will try again")]
    private static partial void LogFailed(ILogger logger, string error);
}
