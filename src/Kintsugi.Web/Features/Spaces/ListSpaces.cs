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
                    Name = db.Spaces.Where(s => s.Id == m.SpaceId).Select(s => s.Name).Single(),
                })
                .ToListAsync(cancellationToken);

            var spaces = new List<SpaceItem>();
            foreach (var row in rows.Where(r => r.Status == MemberStatus.Active))
            {
                var standing = SpaceAccess.StandingOf(row.Status, row.Role, row.Checked, row.TwoFactor);

                // A practitioner without two-step sign-in sees nothing of the space yet, not even its name.
                var shown = standing == Standing.NeedsTwoFactor
                    ? ""
                    : ContentKeys.Open(await keys.SpaceKeyAsync(row.SpaceId, cancellationToken), row.Name, SpaceText.Name(row.SpaceId));
                spaces.Add(new SpaceItem(row.SpaceId, shown, row.Role, standing));
            }

            var requests = rows.Where(r => r.Status == MemberStatus.Pending).Select(r => new RequestItem(r.Id, r.Role, r.RequestedAt)).ToList();
            return new Result(spaces, requests);
        }
    }
}
