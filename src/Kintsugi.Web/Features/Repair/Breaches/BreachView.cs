using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>A breach as one reader sees it.</summary>
public sealed record BreachView(
    Guid Id,
    bool Mine,
    string Author,
    Audience Audience,
    string Title,
    IReadOnlyList<string> Kinds,
    string? OtherKind,
    DateOnly? CameToLight,
    IReadOnlyList<BreachView.Person> People,
    BreachRole? MyRole,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool Edited,
    int Version)
{
    public sealed record Person(Guid MembershipId, string Name, BreachRole Role);
}

/// <summary>Opens breach records for one reader: the record under the right key, names of the people in it.</summary>
internal sealed class BreachReader(AppDbContext db, ContentKeys keys)
{
    public async Task<IReadOnlyList<BreachView>> ReadAsync(Guid spaceId, Member me, IReadOnlyList<Breach> breaches, CancellationToken cancellationToken)
    {
        if (breaches.Count == 0)
        {
            return [];
        }

        var spaceKey = await keys.SpaceKeyAsync(spaceId, cancellationToken);
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active)
            .Select(m => new { m.Id, m.UserId, m.DisplayName })
            .ToListAsync(cancellationToken);
        var byMembership = rows.ToDictionary(r => r.Id, r => ContentKeys.Open(spaceKey, r.DisplayName, SpaceText.DisplayName(r.Id)));
        var byUser = rows.ToDictionary(r => r.UserId, r => byMembership[r.Id]);

        var views = new List<BreachView>(breaches.Count);
        foreach (var b in breaches)
        {
            var key = await keys.ForAsync(spaceId, b.AuthorId, b.Audience, cancellationToken);
            var record = b.OpenRecord(key);
            var people = record.People
                .Select(p => new BreachView.Person(p.MembershipId, byMembership.GetValueOrDefault(p.MembershipId, SpaceText.FormerPartner), p.Role))
                .ToList();
            views.Add(new BreachView(
                b.Id,
                b.AuthorId == me.UserId,
                byUser.GetValueOrDefault(b.AuthorId, SpaceText.FormerPartner),
                b.Audience,
                record.Title,
                record.Kinds,
                record.OtherKind,
                record.CameToLight,
                people,
                record.People.FirstOrDefault(p => p.MembershipId == me.MembershipId)?.Role,
                b.CreatedAt,
                JournalText.SeenUpdatedAt(b.AuthorId == me.UserId, b.UpdatedAt, b.EditedAt, b.FirstSharedAt, b.CreatedAt),
                b.EditedAt is not null,
                JournalText.SeenVersion(b.AuthorId == me.UserId, b.Version)));
        }

        return views;
    }
}
