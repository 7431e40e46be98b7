using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>The invites of a space that can still be used, for its partners. Codes are never shown again.</summary>
internal static class ListInvites
{
    public sealed record Item(Guid Id, MemberRole Role, DateTime CreatedAt, DateTime ExpiresAt, bool CreatedByMe);

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<IReadOnlyList<Item>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<Item>>.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            var items = await db.Invites.AsNoTracking()
                .Where(i => i.SpaceId == spaceId && i.ExpiresAt > now)
                .OrderBy(i => i.CreatedAt)
                .Select(i => new Item(i.Id, i.Role, i.CreatedAt, i.ExpiresAt, i.CreatedBy == me.UserId))
                .ToListAsync(cancellationToken);
            return Outcome<IReadOnlyList<Item>>.Ok(items);
        }
    }
}
