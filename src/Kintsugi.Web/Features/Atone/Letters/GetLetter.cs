using Kintsugi.Web.Features.Apology;
using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// One letter as the signed-in person may see it. Its author gets every draft and the apology
/// feedback on the current one; a reader gets the text, the earlier wordings that were shared with
/// someone in their place (numbered among themselves: how many private drafts there were is the
/// author's business), and the answers they may read.
/// </summary>
internal static class GetLetter
{
    public sealed record DraftView(int Number, string Text, DateTime SavedAt);

    public sealed record View(
        Guid Id,
        bool Mine,
        string Author,
        Audience Audience,
        string Text,
        DateTime CreatedAt,
        DateTime UpdatedAt,
        bool Edited,
        int Version,
        IReadOnlyList<DraftView> Drafts,
        ApologyReport? Feedback,
        IReadOnlyList<ListEntries.Item> Responses);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, JournalText journal)
    {
        public async Task<Outcome<View>> HandleAsync(Guid spaceId, Guid letterId, CancellationToken cancellationToken)
        {
            var viewer = access.UserId;
            var letter = await db.Letters.AsNoTracking().VisibleTo(db, viewer).SingleOrDefaultAsync(l => l.Id == letterId && l.SpaceId == spaceId, cancellationToken);
            if (letter is null)
            {
                return Outcome<View>.NotFound();
            }

            var mine = letter.AuthorId == viewer;
            var rows = await db.LetterDrafts.AsNoTracking()
                .Where(d => d.LetterId == letterId && (mine || d.Number < letter.Draft))
                .OrderBy(d => d.Number)
                .ToListAsync(cancellationToken);
            if (!mine)
            {
                // Only wordings that were shared with someone in the reader's place, numbered among themselves.
                var practitioner = (await access.MemberAsync(spaceId, cancellationToken))?.IsPartner != true;
                rows = [.. rows.Where(d => LetterDraft.Reaches(d.SharedWith, practitioner))];
            }

            var personKey = await keys.PersonKeyAsync(letter.AuthorId, cancellationToken);
            var drafts = rows.Select((d, i) => new DraftView(mine ? d.Number : i + 1, ContentKeys.Open(personKey, d.Body, LetterDraft.Bind(letterId, d.Number)), d.SavedAt)).Reverse().ToList();

            var text = ContentKeys.Open(await keys.ForAsync(spaceId, letter.AuthorId, letter.Audience, cancellationToken), letter.Body, letter.Binding);
            var responses = await db.JournalEntries.AsNoTracking()
                .VisibleTo(db, viewer)
                .Where(e => e.SpaceId == spaceId && e.LetterId == letterId && e.Kind == EntryKind.Response)
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .ToListAsync(cancellationToken);
            var authors = await journal.AuthorsAsync(spaceId, cancellationToken);
            return Outcome<View>.Ok(new View(
                letter.Id,
                mine,
                authors(letter.AuthorId),
                letter.Audience,
                text,
                letter.CreatedAt,
                JournalText.SeenUpdatedAt(mine, letter.UpdatedAt, letter.EditedAt, letter.FirstSharedAt, letter.CreatedAt),
                letter.EditedAt is not null,
                JournalText.SeenVersion(mine, letter.Version),
                drafts,
                mine ? ApologyChecker.English.Check(text) : null,
                await journal.ItemsAsync(spaceId, viewer, responses, cancellationToken)));
        }
    }
}
