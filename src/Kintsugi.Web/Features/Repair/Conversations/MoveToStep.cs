using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>Go to any step, in any order: steps can be skipped and revisited, and nobody has to do it perfectly.</summary>
internal static class MoveToStep
{
    public sealed class Request
    {
        public ConversationStep Step { get; set; }
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(request.Step))
            {
                return Outcome<Done>.Invalid(nameof(Request.Step), "Choose one of the four steps.");
            }

            var changed = await db.Conversations.SeenBy(db, access.UserId)
                .Where(c => c.Id == conversationId && c.SpaceId == spaceId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Step, request.Step), CancellationToken.None);
            return changed == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
