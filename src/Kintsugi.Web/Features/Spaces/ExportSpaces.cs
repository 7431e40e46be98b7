using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// The signed-in person's part of their spaces, for the data export: the spaces they are in and
/// everything they wrote there. Other people's words are theirs to export, not this person's.
/// </summary>
internal static class ExportSpaces
{
    public sealed record EntryVersion(int Number, string Text, DateTime ReplacedAt);

    public sealed record Entry(Guid Id, Audience Audience, EntryKind Kind, string Text, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<EntryVersion> EarlierVersions);

    public sealed record SpaceSection(Guid Id, string Name, MemberRole Role, string DisplayName, DateTime RequestedAt, DateTime? JoinedAt, IReadOnlyList<Entry> Journal, ExportRepair.Section? Repair, Atone.ExportAtone.Section? Atone, Atone.ExportContainers.Section? Containers, Agreements.ExportAgreements.Section? Agreements);

    public sealed class Handler(AppDbContext db, ContentKeys keys, ExportRepair.Handler repair, Atone.ExportAtone.Handler atone, Atone.ExportContainers.Handler containers, Agreements.ExportAgreements.Handler agreements)

    {
        public async Task<IReadOnlyList<SpaceSection>> HandleAsync(Guid userId, CancellationToken cancellationToken)
        {
            var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.RequestedAt).ToListAsync(cancellationToken);
            var entries = await db.JournalEntries.AsNoTracking().Where(e => e.AuthorId == userId).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
            var versions = (await db.JournalEntryVersions.AsNoTracking()
                    .Where(v => db.JournalEntries.Any(e => e.Id == v.EntryId && e.AuthorId == userId))
                    .OrderBy(v => v.Number)
                    .ToListAsync(cancellationToken))
                .ToLookup(v => v.EntryId);
            var sections = new List<SpaceSection>(memberships.Count);
            foreach (var m in memberships)
            {
                var spaceKey = await keys.SpaceKeyAsync(m.SpaceId, cancellationToken);
                var name = await db.Spaces.Where(s => s.Id == m.SpaceId).Select(s => s.Name).SingleAsync(cancellationToken);
                var journal = new List<Entry>();
                foreach (var e in entries.Where(e => e.SpaceId == m.SpaceId))
                {
                    var key = await keys.ForAsync(e.SpaceId, userId, e.Audience, cancellationToken);
                    journal.Add(new Entry(
                        e.Id,
                        e.Audience,
                        e.Kind,
                        ContentKeys.Open(key, e.Body, e.Binding),
                        e.CreatedAt,
                        e.UpdatedAt,
                        [.. versions[e.Id].Select(v => new EntryVersion(v.Number, ContentKeys.Open(key, v.Body, JournalEntryVersion.Bind(e.Id, v.Number)), v.ReplacedAt))]));
                }

                // Someone still waiting for approval sees nothing of the space, in the export too.
                var spaceName = m.Status == MemberStatus.Active ? ContentKeys.Open(spaceKey, name, SpaceText.Name(m.SpaceId)) : "";
                sections.Add(new SpaceSection(m.SpaceId, spaceName, m.Role, ContentKeys.Open(spaceKey, m.DisplayName, SpaceText.DisplayName(m.Id)), m.RequestedAt, m.JoinedAt, journal,
                    m.Status == MemberStatus.Active ? await repair.HandleAsync(m.SpaceId, userId, cancellationToken) : null,
                    m.Status == MemberStatus.Active ? await atone.HandleAsync(m.SpaceId, userId, cancellationToken) : null,
                    m.Status == MemberStatus.Active ? await containers.HandleAsync(m.SpaceId, userId, cancellationToken) : null,
                    m.Status == MemberStatus.Active ? await agreements.HandleAsync(m.SpaceId, userId, cancellationToken) : null));
            }

            return sections;
        }
    }
}
