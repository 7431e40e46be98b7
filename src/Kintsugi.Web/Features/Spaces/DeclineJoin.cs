using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>One partner says no: the request ends. The newcomer only sees that it is no longer open.</summary>
internal static class DeclineJoin
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid requestId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Done>.NotFound();
            }

            var deleted = await db.Memberships
                .Where(m => m.Id == requestId && m.SpaceId == spaceId && m.Status == MemberStatus.Pending)
                .ExecuteDeleteAsync(CancellationToken.None);
            return deleted == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
