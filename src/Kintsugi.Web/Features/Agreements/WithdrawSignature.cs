using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// Take back your signature on the latest version. The agreement then needs re-agreement (if it was
/// agreed); the others see that, not why. You can sign again at any time.
/// </summary>
internal static class WithdrawSignature
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid agreementId, CancellationToken cancellationToken)
        {
            var userId = access.UserId;
            var agreement = await db.Agreements.AsNoTracking().SeenBy(db, userId).SingleOrDefaultAsync(a => a.Id == agreementId && a.SpaceId == spaceId, cancellationToken);
            if (agreement is null)
            {
                return Outcome<Done>.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            var withdrawn = await db.AgreementSignatures
                .Where(s => s.AgreementId == agreementId && s.Number == agreement.Latest && s.UserId == userId && s.WithdrawnAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.WithdrawnAt, now), CancellationToken.None);
            return withdrawn == 1 ? Outcome<Done>.Ok(default) : Outcome<Done>.Invalid("", "You have not signed the current version.");
        }
    }
}
