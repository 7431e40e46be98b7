using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// The spaces the signed-in person is in, and the ones they asked to join. A space they are still
/// waiting for shows no name: until every partner approves, they see nothing of it.
/// </summary>
internal static class ListSpaces
{
    public sealed record SpaceItem(Guid Id, string Name, MemberRole Role, Standing Standing);

    public sealed record RequestItem(Guid RequestId, MemberRole Role, DateTime RequestedAt);

    public sealed record Result(IReadOnlyList<SpaceItem> Spaces, IReadOnlyList<RequestItem> Requests);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var userId = access.UserId;
            var rows = await db.Memberships.AsNoTracking()
                .Where(m => m.UserId == userId)
                .OrderBy(m => m.RequestedAt)
                .Select(m => new
                {
                    m.Id,
                    m.SpaceId,
                    m.Role,
                    m.Status,
                    m.RequestedAt,
                    Checked = m.SafetyCheckedAt != null,
                    TwoFactor = db.Users.Any(u => u.Id == userId && u.TwoFactorEnabled),
                })
                .ToListAsync(cancellationToken);

            var spaces = new List<SpaceItem>();
            foreach (var row in rows.Where(r => r.Status == MemberStatus.Active))
            {
                var key = await keys.SpaceKeyAsync(row.SpaceId, cancellationToken);
                var name = await db.Spaces.Where(s => s.Id == row.SpaceId).Select(s => s.Name).SingleAsync(cancellationToken);
                var standing = row.Role == MemberRole.Partner
                    ? row.Checked ? Standing.Partner : Standing.NeedsSafetyCheck
                    : row.TwoFactor ? Standing.Practitioner : Standing.NeedsTwoFactor;
                // A practitioner without two-step sign-in sees nothing of the space yet, not even its name.
                var shown = standing == Standing.NeedsTwoFactor ? "" : ContentKeys.Open(key, name, SpaceText.Name(row.SpaceId));
                spaces.Add(new SpaceItem(row.SpaceId, shown, row.Role, standing));
            }

            var requests = rows.Where(r => r.Status == MemberStatus.Pending).Select(r => new RequestItem(r.Id, r.Role, r.RequestedAt)).ToList();
            return new Result(spaces, requests);
        }
    }
}
