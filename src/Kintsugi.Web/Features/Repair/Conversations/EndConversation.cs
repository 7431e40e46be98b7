using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>Close a conversation for now, or open it again. Everything in it stays readable.</summary>
internal static class EndConversation
{
    public sealed class Request
    {
        public bool Ended { get; set; } = true;
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            DateTime? endedAt = request.Ended ? time.GetUtcNow().UtcDateTime : null;
            var changed = await db.Conversations.SeenBy(db, access.UserId)
                .Where(c => c.Id == conversationId && c.SpaceId == spaceId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedAt, endedAt).SetProperty(c => c.PausedUntil, (DateTime?)null), CancellationToken.None);
            return changed == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
