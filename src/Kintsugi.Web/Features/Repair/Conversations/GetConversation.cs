using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>One conversation with what was heard, the next steps and the notes the reader may read.</summary>
internal static class GetConversation
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, ConversationReader reader)
    {
        public async Task<Outcome<ConversationView>> HandleAsync(Guid spaceId, Guid conversationId, CancellationToken cancellationToken)
        {
            var conversation = await db.Conversations.AsNoTracking().SeenBy(db, access.UserId)
                .SingleOrDefaultAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken);
            if (conversation is null || await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<ConversationView>.NotFound();
            }

            return Outcome<ConversationView>.Ok(await reader.ReadAsync(me, conversation, cancellationToken));
        }
    }
}
