using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// The containers the reader is part of: running and planned ones first (the next one is the
/// earliest planned), then those that ended, latest first.
/// </summary>
internal static class ListContainers
{
    public sealed record Item(Guid Id, ContainerState State, string At, int Minutes, bool WithPractitioner, DateTime? EndedAt, bool IsNext);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Outcome<IReadOnlyList<Item>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.MemberAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<IReadOnlyList<Item>>.NotFound();
            }

            return Outcome<IReadOnlyList<Item>>.Ok(await ReadAsync(spaceId, cancellationToken));
        }

        public async Task<IReadOnlyList<Item>> ReadAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            var rows = await db.Containers.AsNoTracking().OpenTo(db, access.UserId)
                .Where(c => c.SpaceId == spaceId)
                .OrderBy(c => c.StartsAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return [];
            }

            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var next = rows.FirstOrDefault(c => c.State == ContainerState.Planned)?.Id;
            var items = rows.Select(c => (Row: c, Plan: c.OpenPlan(key)))
                .Select(x => new Item(x.Row.Id, x.Row.State, x.Plan.Local, x.Plan.Minutes, x.Row.WithPractitioner, x.Row.EndedAt, x.Row.Id == next))
                .ToList();
            return
            [
                .. items.Where(i => i.State == ContainerState.Running),
                .. items.Where(i => i.State == ContainerState.Planned),
                .. items.Where(i => i.State == ContainerState.Ended).OrderByDescending(i => i.EndedAt),
            ];
        }
    }
}
