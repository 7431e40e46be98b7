using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account.Sessions;

/// <summary>The signed-in person's own sessions, newest activity first. Nobody else's, ever.</summary>
internal static class ListSessions
{
    public sealed record Item(Guid Id, string Client, DateTime SignedInAt, DateTime LastActiveAt, bool KeepSignedIn, bool IsCurrent);

    public sealed class Handler(AppDbContext db, CurrentUser current)
    {
        public async Task<IReadOnlyList<Item>> HandleAsync(CancellationToken cancellationToken)
        {
            var userId = current.Id;
            var thisSession = current.SessionId;
            return await db.UserSessions.AsNoTracking()
                .Where(s => s.UserId == userId)
                .OrderByDescending(s => s.LastSeenAt)
                .Select(s => new Item(s.Id, s.Client, s.CreatedAt, s.LastSeenAt, s.IsPersistent, s.Id == thisSession))
                .ToListAsync(cancellationToken);
        }
    }
}
