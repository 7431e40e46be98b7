using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>The space's proactive plan (partners). Version 0 means nobody has written it yet.</summary>
internal static class GetPlan
{
    public sealed record View(string Misunderstandings, string UnmetExpectations, string PoorDecisions, string Miscommunication, int Version, DateTime? UpdatedAt);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys)
    {
        public async Task<Outcome<View>> HandleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<View>.NotFound();
            }

            var plan = await db.ProactivePlans.AsNoTracking().SeenBy(db, access.UserId).SingleOrDefaultAsync(p => p.SpaceId == spaceId, cancellationToken);
            if (plan is null)
            {
                return Outcome<View>.Ok(new View("", "", "", "", 0, null));
            }

            var parts = PlanParts.FromJson(ContentKeys.Open(await keys.SpaceKeyAsync(spaceId, cancellationToken), plan.Body, ProactivePlan.Bind(spaceId)));
            return Outcome<View>.Ok(new View(parts.Misunderstandings, parts.UnmetExpectations, parts.PoorDecisions, parts.Miscommunication, plan.Version, plan.UpdatedAt));
        }
    }
}
