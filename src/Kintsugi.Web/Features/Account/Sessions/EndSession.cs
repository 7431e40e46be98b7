using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Account.Sessions;

/// <summary>
/// End one of one's own sessions, or all the others. The row is deleted, so the ended session's
/// very next request is refused. Someone else's session id is answered like an unknown one.
/// </summary>
internal static class EndSession
{
    public sealed class Handler(AppDbContext db, CurrentUser current, SignIn.SignOut.Handler signOut)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid sessionId, CancellationToken cancellationToken)
        {
            var userId = current.Id;
            if (sessionId == current.SessionId)
            {
                await signOut.HandleAsync();
                return Outcome<Done>.Ok(default);
            }

            var ended = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return ended == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }

        public async Task<int> EndOthersAsync(CancellationToken cancellationToken)
        {
            var userId = current.Id;
            var thisSession = current.SessionId;
            return await db.UserSessions.Where(s => s.UserId == userId && s.Id != thisSession).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
