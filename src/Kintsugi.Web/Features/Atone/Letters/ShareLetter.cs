using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Share one's letter, widen or narrow who reads it, or take it back (silently, SECURITY.md C4).</summary>
internal static class ShareLetter
{
    public sealed record Changed(Audience Audience, int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Changed>> HandleAsync(Guid spaceId, Guid letterId, ChangeAudience.Request request, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(request.Audience))
            {
                return Outcome<Changed>.Invalid(nameof(request.Audience), "Choose who can read this letter.");
            }

            var letter = await db.Letters.OwnedBy(db, access.UserId).SingleOrDefaultAsync(l => l.Id == letterId && l.SpaceId == spaceId, cancellationToken);
            if (letter is null)
            {
                return Outcome<Changed>.NotFound();
            }

            if (letter.Audience == request.Audience)
            {
                return Outcome<Changed>.Ok(new Changed(letter.Audience, letter.Version));
            }

            var from = await keys.ForAsync(spaceId, letter.AuthorId, letter.Audience, cancellationToken);
            var to = await keys.ForAsync(spaceId, letter.AuthorId, request.Audience, cancellationToken);
            letter.Body = ContentKeys.Seal(to, ContentKeys.Open(from, letter.Body, letter.Binding), letter.Binding);
            letter.Audience = request.Audience;
            if (request.Audience != Audience.OnlyMe)
            {
                letter.FirstSharedAt ??= time.GetUtcNow().UtcDateTime;
                // The wording in front of the new readers now is one they have seen.
                var current = await db.LetterDrafts.SingleAsync(d => d.LetterId == letter.Id && d.Number == letter.Draft, cancellationToken);
                current.SharedWith = LetterDraft.Wider(current.SharedWith, request.Audience);
            }

            letter.Version++;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Changed>.Conflicted(SaveLetter.ChangedMeanwhile);
            }

            return Outcome<Changed>.Ok(new Changed(letter.Audience, letter.Version));
        }
    }
}
