using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>
/// The journal entries of a space that the signed-in person may read: their own, and what others
/// shared with them, including accounts of breaches and conversation notes (each says what it is).
/// </summary>
internal static class ListEntries
{
    public sealed record Item(Guid Id, bool Mine, string Author, Audience Audience, EntryKind Kind, Guid? BreachId, Guid? ConversationId, Guid? LetterId, string Text, DateTime CreatedAt, DateTime UpdatedAt, bool Edited);

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
            return Outcome<IReadOnlyList<Item>>.Ok(await text.ItemsAsync(spaceId, me.UserId, rows, cancellationToken));
        }
    }
}
