using System.Globalization;
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

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, BreachReader breaches)
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

            // One read of the records they are about, and only of those this reader may open (SECURITY.md A4).
            var breachIds = rows.Where(c => c.BreachId is not null).Select(c => c.BreachId!.Value).Distinct().ToList();
            var visible = breachIds.Count == 0 ? [] : await db.Breaches.AsNoTracking().VisibleTo(db, me.UserId).Where(b => breachIds.Contains(b.Id)).ToListAsync(cancellationToken);
            var titles = (await breaches.ReadAsync(spaceId, me, visible, cancellationToken)).ToDictionary(b => b.Id, b => b.Title);

            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var items = new List<Item>(rows.Count);
            foreach (var c in rows)
            {
                var next = NextTime.Parse(ContentKeys.Open(key, c.NextTime, Conversation.BindNextTime(c.Id)));
                items.Add(new Item(
                    c.Id,
                    c.BreachId is { } breachId ? titles.GetValueOrDefault(breachId) : null,
                    c.Step,
                    c.StartedAt,
                    c.EndedAt,
                    next?.Local.ToString(NextTime.Format, CultureInfo.InvariantCulture),
                    next?.Minutes));
            }

            return Outcome<IReadOnlyList<Item>>.Ok(items);
        }
    }
}
