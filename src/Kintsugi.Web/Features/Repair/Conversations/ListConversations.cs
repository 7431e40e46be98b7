using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>The rebuilding conversations of a space, newest first (partners only).</summary>
internal static class ListConversations
{
    public sealed record Item(Guid Id, string? BreachTitle, ConversationStep Step, DateTime StartedAt, DateTime? EndedAt, string? NextTime, int? Minutes);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ConversationReader reader)
    {
        public async Task<Outcome<IReadOnlyList<Item>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<Item>>.NotFound();
            }

            var rows = await db.Conversations.AsNoTracking().SeenBy(db, me.UserId)
                .Where(c => c.SpaceId == spaceId)
                .OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id)
                .ToListAsync(cancellationToken);
            var items = new List<Item>(rows.Count);
            foreach (var c in rows)
            {
                var view = await reader.ReadAsync(me, c, withContent: false, cancellationToken);
                items.Add(new Item(c.Id, view.BreachTitle, c.Step, c.StartedAt, c.EndedAt, view.NextTime, view.Minutes));
            }

            return Outcome<IReadOnlyList<Item>>.Ok(items);
        }
    }
}
