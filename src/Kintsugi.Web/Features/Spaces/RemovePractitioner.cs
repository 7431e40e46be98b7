using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// Any one partner can end the practitioner's access: bringing them in needed everyone's yes, so
/// one partner's no is enough to end it. It takes effect on the practitioner's next request (A5).
/// </summary>
internal static class RemovePractitioner
{
    public sealed class Handler(AppDbContext db, SpaceAccess access)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid membershipId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Done>.NotFound();
            }

            var removed = await db.Memberships
                .Where(m => m.Id == membershipId && m.SpaceId == spaceId && m.Role == MemberRole.Practitioner && m.Status == MemberStatus.Active)
                .ExecuteDeleteAsync(CancellationToken.None);
            return removed == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.NotFound();
        }
    }
}
