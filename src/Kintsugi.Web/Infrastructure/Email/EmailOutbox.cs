using Kintsugi.Web.Infrastructure.Data;

namespace Kintsugi.Web.Infrastructure.Email;

/// <summary>Queues a message durably and wakes the dispatcher. Sending never happens on the request path.</summary>
internal sealed class EmailOutbox(AppDbContext db, TimeProvider time, OutboxSignal signal)
{
    public async Task SendAsync(EmailKind kind, string to, Guid? userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            To = to.Trim(),
            UserId = userId,
            CreatedAt = now.UtcDateTime,
            NextAttemptAt = now.UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}

/// <summary>Lets a request wake the dispatcher at once instead of waiting for its next poll.</summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public void Dispose() => semaphore.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);
}
