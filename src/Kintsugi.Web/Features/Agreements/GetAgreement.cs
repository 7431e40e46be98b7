using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>One agreement: its state, every version with who signed it when, and its crossings.</summary>
internal static class GetAgreement
{
    public sealed class Handler(SpaceAccess access, AgreementReader.Handler reader)
    {
        public async Task<Outcome<AgreementReader.AgreementView>> HandleAsync(Guid spaceId, Guid agreementId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me
                || (await reader.ReadAsync(spaceId, me.UserId, agreementId, cancellationToken)) is not [var view])
            {
                return Outcome<AgreementReader.AgreementView>.NotFound();
            }

            return Outcome<AgreementReader.AgreementView>.Ok(view);
        }
    }
}
