using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>The letters of a space the signed-in person may read, newest first, with how many answers to each they can read.</summary>
internal static class ListLetters
{
    public sealed record Item(Guid Id, bool Mine, string Author, Audience Audience, string Opening, DateTime CreatedAt, DateTime UpdatedAt, bool Edited, int Responses);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, JournalText journal)
    {
        public async Task<Outcome<IReadOnlyList<Item>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<Item>>.NotFound();
            }

            // Captured as a query so that EF inlines it into the count below (a method call inside the projection would not translate).
            var responses = db.JournalEntries.VisibleTo(db, me.UserId).Where(e => e.Kind == EntryKind.Response);
            var rows = await db.Letters.AsNoTracking()
                .VisibleTo(db, me.UserId)
                .Where(l => l.SpaceId == spaceId)
                .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
                .Select(l => new
                {
                    Letter = l,
                    Responses = responses.Count(e => e.LetterId == l.Id),
                })
                .ToListAsync(cancellationToken);
            var authors = await journal.AuthorsAsync(spaceId, cancellationToken);
            var items = new List<Item>(rows.Count);
            foreach (var row in rows)
            {
                var l = row.Letter;
                var mine = l.AuthorId == me.UserId;
                var text = ContentKeys.Open(await keys.ForAsync(spaceId, l.AuthorId, l.Audience, cancellationToken), l.Body, l.Binding);
                items.Add(new Item(l.Id, mine, authors(l.AuthorId), l.Audience, Opening(text), l.CreatedAt,
                    JournalText.SeenUpdatedAt(mine, l.UpdatedAt, l.EditedAt, l.FirstSharedAt, l.CreatedAt), l.EditedAt is not null, row.Responses));
            }

            return Outcome<IReadOnlyList<Item>>.Ok(items);
        }
    }

    /// <summary>The first line, cut at about 120 characters, for a list.</summary>
    public static string Opening(string text)
    {
        var first = text.Split('\n', 2)[0].Trim();
        return first.Length <= 120 ? first : string.Concat(first.AsSpan(0, 117), "…");
    }
}
