using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>"What I parked": the reader's own parked items, newest first, each with the agenda it is on (if any).</summary>
internal static class ListParked
{
    public sealed record Item(Guid Id, string Text, Audience Audience, Guid? ContainerId, bool TalkedAbout, DateTime CreatedAt);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Outcome<IReadOnlyList<Item>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<Item>>.NotFound();
            }

            var rows = await db.ParkedItems.AsNoTracking().OwnedBy(db, me.UserId)
                .Where(p => p.SpaceId == spaceId)
                .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
                .ToListAsync(cancellationToken);
            var items = new List<Item>(rows.Count);
            foreach (var p in rows)
            {
                var key = await keys.ForAsync(spaceId, me.UserId, p.Audience, cancellationToken);
                items.Add(new Item(p.Id, ContentKeys.Open(key, p.Text, p.Binding), p.Audience, p.ContainerId, p.TalkedAbout, p.CreatedAt));
            }

            return Outcome<IReadOnlyList<Item>>.Ok(items);
        }
    }
}
