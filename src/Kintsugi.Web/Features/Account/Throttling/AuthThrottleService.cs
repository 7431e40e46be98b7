using System.Security.Cryptography;
using System.Text;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account.Throttling;

/// <summary>Database-backed counters, so that limits hold across several app instances.</summary>
internal sealed class AuthThrottleService(AppDbContext db, TimeProvider time, ThrottleKeys keys)
{
    /// <summary>
    /// Counts this attempt first, atomically, and then decides: null if it is within the budget,
    /// otherwise how long to wait. Counting before the work means parallel attempts cannot slip
    /// past the limit (each one's count includes all that came before it). A success clears the key.
    /// </summary>
    public async Task<TimeSpan?> TryConsumeAsync(string key, ThrottleRule rule, CancellationToken cancellationToken)
    {
        await RecordAsync(key, rule, cancellationToken);
        var now = Now;
        var row = await db.AuthThrottles.AsNoTracking().Where(t => t.Key == key)
            .Select(t => new { t.WindowStartedAt, t.Count }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.Count <= rule.Limit)
        {
            return null;
        }

        var end = row.WindowStartedAt + rule.Window;
        return end > now ? end - now : TimeSpan.FromSeconds(1);
    }

    /// <summary>Counts one event atomically, starting a new window when the last one has passed.</summary>
    private async Task RecordAsync(string key, ThrottleRule rule, CancellationToken cancellationToken)
    {
        var now = Now;
        var windowOpenedAfter = now - rule.Window;
        for (var attempt = 0; ; attempt++)
        {
            var counted = await db.AuthThrottles
                .Where(t => t.Key == key && t.WindowStartedAt > windowOpenedAfter)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.Count, t => t.Count + 1), cancellationToken);
            if (counted == 0)
            {
                counted = await db.AuthThrottles
                    .Where(t => t.Key == key && t.WindowStartedAt <= windowOpenedAfter)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.Count, 1).SetProperty(t => t.WindowStartedAt, now), cancellationToken);
            }

            if (counted > 0)
            {
                return;
            }

            var row = db.AuthThrottles.Add(new AuthThrottle { Key = key, WindowStartedAt = now, Count = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request created the row first; count against it instead.
            }
            finally
            {
                // Only this row: the request's other tracked entities (the user, say) stay as they are.
                row.State = EntityState.Detached;
            }
        }
    }

    public Task ClearAsync(string key, CancellationToken cancellationToken) =>
        db.AuthThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(cancellationToken);

    public string AccountKey(string email) => keys.For("signin", Normalize(email));

    public string DeviceKey(string deviceId, string accountKey) => keys.For("device", deviceId + ":" + accountKey);

    public string SecondFactorKey(Guid userId, string? deviceId) =>
        deviceId is null ? keys.For("2fa", userId.ToString()) : keys.For("2fa-device", deviceId + ":" + userId);

    public string StepUpKey(Guid userId) => keys.For("step-up", userId.ToString());

    public string EmailKey(string email) => keys.For("mail", Normalize(email));

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

/// <summary>HMAC-SHA256 under a key derived from the master key: stable across instances, opaque in the database.</summary>
internal sealed class ThrottleKeys(MasterKey masterKey)
{
    private readonly byte[] key = masterKey.Derive("throttle-keys");

    public string For(string scope, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope + "\n" + value)));
}
