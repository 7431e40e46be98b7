using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Save a new draft of one's own letter. Every draft is kept; after sharing, readers see that it changed and how.</summary>
internal static class SaveLetter
{
    public const string ChangedMeanwhile = "This letter was saved in another window since you opened it. The current text is shown; your text is still in the form.";

    public sealed class Request
    {
        public string Text { get; set; } = "";

        /// <summary>The version this draft started from.</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int Version, int Draft);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Guid letterId, Request request, CancellationToken cancellationToken)
        {
            var letter = await db.Letters.OwnedBy(db, access.UserId).SingleOrDefaultAsync(l => l.Id == letterId && l.SpaceId == spaceId, cancellationToken);
            if (letter is null)
            {
                return Outcome<Saved>.NotFound();
            }

            var text = request.Text?.Trim() ?? "";
            if (text.Length == 0 || text.Length > Letter.MaxLength)
            {
                return Outcome<Saved>.Invalid(nameof(Request.Text), text.Length == 0 ? WriteLetter.Empty : WriteLetter.TooLong);
            }

            if (request.Version < 1)
            {
                return Outcome<Saved>.Invalid(nameof(Request.Version), "Send the version you started from.");
            }

            if (letter.Version != request.Version)
            {
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            var key = await keys.ForAsync(spaceId, letter.AuthorId, letter.Audience, cancellationToken);
            if (ContentKeys.Open(key, letter.Body, letter.Binding) == text)
            {
                return Outcome<Saved>.Ok(new Saved(letter.Version, letter.Draft));
            }

            var now = time.GetUtcNow().UtcDateTime;
            letter.Draft++;
            letter.Version++;
            letter.Body = ContentKeys.Seal(key, text, letter.Binding);
            letter.UpdatedAt = now;
            if (letter.FirstSharedAt is not null)
            {
                letter.EditedAt = now;
            }

            db.LetterDrafts.Add(new LetterDraft
            {
                LetterId = letter.Id,
                Number = letter.Draft,
                Body = ContentKeys.Seal(await keys.PersonKeyAsync(letter.AuthorId, cancellationToken), text, LetterDraft.Bind(letter.Id, letter.Draft)),
                SavedAt = now,
                SharedWith = letter.Audience,
            });
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // Another save won the race: its version, or its draft number.
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            return Outcome<Saved>.Ok(new Saved(letter.Version, letter.Draft));
        }
    }
}
