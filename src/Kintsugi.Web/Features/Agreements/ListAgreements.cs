using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>The agreements of a space, with every version and signature (partners).</summary>
internal static class ListAgreements
{
    public sealed class Handler(SpaceAccess access, AgreementReader.Handler reader)
    {
        public async Task<Outcome<IReadOnlyList<AgreementReader.AgreementView>>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<IReadOnlyList<AgreementReader.AgreementView>>.NotFound();
            }

            return Outcome<IReadOnlyList<AgreementReader.AgreementView>>.Ok(await reader.ReadAsync(spaceId, me.UserId, null, cancellationToken));
        }
    }
}
