using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Journal;

/// <summary>One entry with its earlier wordings, if the signed-in person may read it; otherwise exactly "not found".</summary>
internal static class GetEntry
{
    public sealed record EarlierVersion(int Number, string Text, DateTime ReplacedAt);

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
        IReadOnlyList<EarlierVersion> EarlierVersions);

    public sealed class Handler(AppDbContext db, SpaceAccess access, JournalText text)
    {
        public async Task<Outcome<View>> HandleAsync(Guid spaceId, Guid entryId, CancellationToken cancellationToken)
        {
            var viewer = access.UserId;
            var entry = await db.JournalEntries.AsNoTracking()
                .VisibleTo(db, viewer)
                .SingleOrDefaultAsync(e => e.Id == entryId && e.SpaceId == spaceId, cancellationToken);
            if (entry is null)
            {
                return Outcome<View>.NotFound();
            }

            var versions = await db.JournalEntryVersions.AsNoTracking()
                .Where(v => v.EntryId == entryId)
                .OrderByDescending(v => v.Number)
                .ToListAsync(cancellationToken);
            var earlier = new List<EarlierVersion>(versions.Count);
            foreach (var v in versions)
            {
                earlier.Add(new EarlierVersion(v.Number, await text.OpenAsync(spaceId, entry.AuthorId, entry.Audience, v.Body, JournalEntryVersion.Bind(entryId, v.Number), cancellationToken), v.ReplacedAt));
            }

            var authors = await text.AuthorsAsync(spaceId, cancellationToken);
            return Outcome<View>.Ok(new View(
                entry.Id,
                entry.AuthorId == viewer,
                authors(entry.AuthorId),
                entry.Audience,
                await text.OpenAsync(spaceId, entry.AuthorId, entry.Audience, entry.Body, entry.Binding, cancellationToken),
                entry.CreatedAt,
                JournalText.SeenUpdatedAt(entry.AuthorId == viewer, entry.UpdatedAt, entry.EditedAt, entry.FirstSharedAt, entry.CreatedAt),
                entry.EditedAt is not null,
                JournalText.SeenVersion(entry.AuthorId == viewer, entry.Version),
                earlier));
        }
    }
}
