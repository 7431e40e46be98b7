using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>The newcomer withdraws their own request.</summary>
internal static class CancelJoinRequest
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid requestId, CancellationToken cancellationToken)
        {
            var userId = access.UserId;
            var deleted = await db.Memberships
                .Where(m => m.Id == requestId && m.UserId == userId && m.Status == MemberStatus.Pending)
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
