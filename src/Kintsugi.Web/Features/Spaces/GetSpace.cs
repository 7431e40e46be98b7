using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>A space as its members see it: name, journey, values (partners only) and who is in it.</summary>
internal static class GetSpace
{
    public sealed record MemberView(Guid MembershipId, string DisplayName, MemberRole Role, bool IsMe, DateTime JoinedAt);

    public sealed record View(
        Guid Id,
        string Name,
        string? Journey,
        string? Values,
        int Version,
        MemberRole MyRole,
        IReadOnlyList<MemberView> Members,
        int JoinRequests);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Outcome<View>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<View>.NotFound();
            }

            var space = await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == spaceId, cancellationToken);
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var rows = await db.Memberships.AsNoTracking()
                .Where(m => m.SpaceId == spaceId)
                .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.UserId, m.Role, m.Status, m.JoinedAt, m.DisplayName })
                .ToListAsync(cancellationToken);

            var members = rows
                .Where(m => m.Status == MemberStatus.Active)
                .Select(m => new MemberView(m.Id, ContentKeys.Open(key, m.DisplayName, SpaceText.DisplayName(m.Id)), m.Role, m.UserId == me.UserId, m.JoinedAt!.Value))
                .ToList();
            var journey = ContentKeys.Open(key, space.Journey, SpaceText.Journey(spaceId));
            return Outcome<View>.Ok(new View(
                spaceId,
                ContentKeys.Open(key, space.Name, SpaceText.Name(spaceId)),
                journey.Length == 0 ? null : journey,
                me.IsPartner ? ContentKeys.Open(key, space.Values, SpaceText.Values(spaceId)) : null,
                space.Version,
                me.Role,
                members,
                me.IsPartner ? rows.Count(m => m.Status == MemberStatus.Pending) : 0));
        }
    }
}
