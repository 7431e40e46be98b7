using Kintsugi.Web.Features.Atone;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>Opening entries for reading: their text under the right key, their author's name in the space.</summary>
internal sealed class JournalText(AppDbContext db, ContentKeys keys)
{
    public async Task<string> OpenAsync(Guid spaceId, Guid authorId, Audience audience, byte[] body, string binding, CancellationToken cancellationToken) =>
        ContentKeys.Open(await keys.ForAsync(spaceId, authorId, audience, cancellationToken), body, binding);

    /// <summary>Entries as list items for one reader, in the order given.</summary>
    public async Task<IReadOnlyList<ListEntries.Item>> ItemsAsync(Guid spaceId, Guid viewer, IReadOnlyList<JournalEntry> rows, CancellationToken cancellationToken)
    {
        var authors = await AuthorsAsync(spaceId, cancellationToken);
        // A link to a record the reader cannot open is left out: its id alone would say it exists (SECURITY.md A4).
        var breachIds = rows.Where(e => e.BreachId is not null).Select(e => e.BreachId!.Value).Distinct().ToList();
        var breaches = breachIds.Count == 0 ? [] : await db.Breaches.VisibleTo(db, viewer).Where(b => breachIds.Contains(b.Id)).Select(b => b.Id).ToListAsync(cancellationToken);
        var conversationIds = rows.Where(e => e.ConversationId is not null).Select(e => e.ConversationId!.Value).Distinct().ToList();
        var conversations = conversationIds.Count == 0 ? [] : await db.Conversations.SeenBy(db, viewer).Where(c => conversationIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var letterIds = rows.Where(e => e.LetterId is not null).Select(e => e.LetterId!.Value).Distinct().ToList();
        var letters = letterIds.Count == 0 ? [] : await db.Letters.VisibleTo(db, viewer).Where(l => letterIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        var items = new List<ListEntries.Item>(rows.Count);
        foreach (var e in rows)
        {
            items.Add(new ListEntries.Item(
                e.Id,
                e.AuthorId == viewer,
                authors(e.AuthorId),
                e.Audience,
                e.Kind,
                breaches.Contains(e.BreachId ?? Guid.Empty) ? e.BreachId : null,
                conversations.Contains(e.ConversationId ?? Guid.Empty) ? e.ConversationId : null,
                letters.Contains(e.LetterId ?? Guid.Empty) ? e.LetterId : null,
                await OpenAsync(spaceId, e.AuthorId, e.Audience, e.Body, e.Binding, cancellationToken),
                e.CreatedAt,
                SeenUpdatedAt(e.AuthorId == viewer, e.UpdatedAt, e.EditedAt, e.FirstSharedAt, e.CreatedAt),
                e.EditedAt is not null));
        }

        return items;
    }

    /// <summary>
    /// When an item changed, as a reader other than its author may know it: the last edit they could
    /// see, never a private edit or a withdraw-and-share-again (SECURITY.md C4: withdrawal is silent).
    /// </summary>
    public static DateTime SeenUpdatedAt(bool mine, DateTime updatedAt, DateTime? editedAt, DateTime? firstSharedAt, DateTime createdAt) =>
        mine ? updatedAt : editedAt ?? firstSharedAt ?? createdAt;

    /// <summary>The concurrency version is the author's alone: it counts private edits and audience changes.</summary>
    public static int SeenVersion(bool mine, int version) => mine ? version : 0;

    /// <summary>Names of the space's active members by user id; authors who left are "a former partner".</summary>
    public async Task<Func<Guid, string>> AuthorsAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active)
            .Select(m => new { m.Id, m.UserId, m.DisplayName })
            .ToListAsync(cancellationToken);
        var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
        var names = SpaceText.Names(key, rows.Select(r => (r.Id, r.UserId, r.DisplayName)));
        return userId => names.GetValueOrDefault(userId, SpaceText.FormerPartner);
    }
}
