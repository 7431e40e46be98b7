using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>
/// The author shares an entry, widens or narrows who reads it, or withdraws it (back to only
/// them). Nobody else can; there is no re-sharing. The text and its earlier wordings are sealed
/// again under the key that matches the new audience. Withdrawal is silent (SECURITY.md C4).
/// </summary>
internal static class ChangeAudience
{
    public sealed class Request
    {
        public Audience Audience { get; set; }
    }

    public sealed record Changed(Audience Audience, int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Changed>> HandleAsync(Guid spaceId, Guid entryId, Request request, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(request.Audience))
            {
                return Outcome<Changed>.Invalid(nameof(Request.Audience), "Choose who can read this entry.");
            }

            var entry = await db.JournalEntries.OwnedBy(db, access.UserId).SingleOrDefaultAsync(e => e.Id == entryId && e.SpaceId == spaceId, cancellationToken);
            if (entry is null)
            {
                return Outcome<Changed>.NotFound();
            }

            if (entry.Audience == request.Audience)
            {
                return Outcome<Changed>.Ok(new Changed(entry.Audience, entry.Version));
            }

            var from = await keys.ForAsync(spaceId, entry.AuthorId, entry.Audience, cancellationToken);
            var to = await keys.ForAsync(spaceId, entry.AuthorId, request.Audience, cancellationToken);
            entry.Body = ContentKeys.Seal(to, ContentKeys.Open(from, entry.Body, entry.Binding), entry.Binding);
            foreach (var version in await db.JournalEntryVersions.Where(v => v.EntryId == entry.Id).ToListAsync(cancellationToken))
            {
                var binding = JournalEntryVersion.Bind(entry.Id, version.Number);
                version.Body = ContentKeys.Seal(to, ContentKeys.Open(from, version.Body, binding), binding);
            }

            entry.Audience = request.Audience;
            if (request.Audience != Audience.OnlyMe)
            {
                entry.FirstSharedAt ??= time.GetUtcNow().UtcDateTime;
            }

            entry.Version++;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Changed>.Conflicted(EditEntry.ChangedMeanwhile);
            }

            return Outcome<Changed>.Ok(new Changed(entry.Audience, entry.Version));
        }
    }
}
