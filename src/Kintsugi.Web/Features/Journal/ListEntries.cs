using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>The journal entries of a space that the signed-in person may read: their own, and what others shared with them.</summary>
internal static class ListEntries
{
    public sealed record Item(Guid Id, bool Mine, string Author, Audience Audience, string Text, DateTime CreatedAt, DateTime UpdatedAt, bool Edited);

    public sealed class Handler(AppDbContext db, SpaceAccess access, JournalText text)
    {
        public async Task<Outcome<IReadOnlyList<Item>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<Item>>.NotFound();
            }

            var rows = await db.JournalEntries.AsNoTracking()
                .VisibleTo(db, me.UserId)
                .Where(e => e.SpaceId == spaceId)
                .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
                .ToListAsync(cancellationToken);
            var authors = await text.AuthorsAsync(spaceId, cancellationToken);
            var items = new List<Item>(rows.Count);
            foreach (var e in rows)
            {
                items.Add(new Item(
                    e.Id,
                    e.AuthorId == me.UserId,
                    authors(e.AuthorId),
                    e.Audience,
                    await text.OpenAsync(spaceId, e.AuthorId, e.Audience, e.Body, e.Binding, cancellationToken),
                    e.CreatedAt,
                    e.UpdatedAt,
                    e.EditedAt is not null));
            }

            return Outcome<IReadOnlyList<Item>>.Ok(items);
        }
    }
}
