using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>Sign the exact version you read. If it was amended meanwhile, nothing is signed (409): read the new one first.</summary>
internal static class SignAgreement
{
    public const string ChangedMeanwhile = "This agreement was changed since you read it. Read the new version before you sign.";

    public sealed class Request
    {
        /// <summary>The version you read and agree to.</summary>
        public int Version { get; set; }
    }

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid agreementId, Request request, CancellationToken cancellationToken)
        {
            var agreement = await db.Agreements.AsNoTracking().SeenBy(db, access.UserId).SingleOrDefaultAsync(a => a.Id == agreementId && a.SpaceId == spaceId, cancellationToken);
            if (agreement is null)
            {
                return Outcome<Done>.NotFound();
            }

            if (request.Version < 1 || request.Version > agreement.Latest)
            {
                return Outcome<Done>.Invalid(nameof(Request.Version), "Send the version you read.");
            }

            if (request.Version != agreement.Latest)
            {
                return Outcome<Done>.Conflicted(ChangedMeanwhile);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var userId = access.UserId;
            var existing = await db.AgreementSignatures.SingleOrDefaultAsync(s => s.AgreementId == agreementId && s.Number == request.Version && s.UserId == userId, cancellationToken);
            if (existing is null)
            {
                db.AgreementSignatures.Add(new Signature { AgreementId = agreementId, Number = request.Version, UserId = userId, SignedAt = now });
            }
            else if (existing.WithdrawnAt is not null)
            {
                (existing.SignedAt, existing.WithdrawnAt) = (now, null);
            }

            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // The same person's other click signed first: signed either way.
            }

            await AgreementRules.MarkAgreedAsync(db, spaceId, now, agreementId);
            return Outcome<Done>.Ok(default);
        }
    }
}
