using System.ComponentModel.DataAnnotations;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>
/// The author rewrites an entry. Once it has been shared, the earlier wording is kept and the
/// entry is marked as edited (SECURITY.md C4): a shared text never changes silently, not even by
/// withdrawing it, rewriting it and sharing it again.
/// </summary>
internal static class EditEntry
{
    public const string ChangedMeanwhile = "This entry was changed in another window since you opened it. The current text is shown; your text is still in the form.";

    public sealed class Request
    {
        [Required(ErrorMessage = "Write something first.")]
        [StringLength(JournalEntry.MaxLength, ErrorMessage = "An entry can be up to 20,000 characters. Split it into two.")]
        public string Text { get; set; } = "";

        /// <summary>The version this edit started from.</summary>
        [Range(1, int.MaxValue, ErrorMessage = "Send the version you started from.")]
        public int Version { get; set; }
    }

    public sealed record Saved(int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Guid entryId, Request request, CancellationToken cancellationToken)
        {
            var entry = await db.JournalEntries.OwnedBy(db, access.UserId).SingleOrDefaultAsync(e => e.Id == entryId && e.SpaceId == spaceId, cancellationToken);
            if (entry is null)
            {
                return Outcome<Saved>.NotFound();
            }

            if (entry.Version != request.Version)
            {
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var key = await keys.ForAsync(spaceId, entry.AuthorId, entry.Audience, cancellationToken);
            var text = request.Text.Trim();
            if (entry.FirstSharedAt is not null)
            {
                var previous = ContentKeys.Open(key, entry.Body, entry.Binding);
                if (previous == text)
                {
                    return Outcome<Saved>.Ok(new Saved(entry.Version));
                }

                db.JournalEntryVersions.Add(new JournalEntryVersion
                {
                    EntryId = entry.Id,
                    Number = entry.Version,
                    Body = ContentKeys.Seal(key, previous, JournalEntryVersion.Bind(entry.Id, entry.Version)),
                    ReplacedAt = now,
                });
                entry.EditedAt = now;
            }

            entry.Body = ContentKeys.Seal(key, text, entry.Binding);
            entry.UpdatedAt = now;
            entry.Version++;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // Another save of this entry won the race (its version, or its earlier-version row).
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            return Outcome<Saved>.Ok(new Saved(entry.Version));
        }
    }
}
