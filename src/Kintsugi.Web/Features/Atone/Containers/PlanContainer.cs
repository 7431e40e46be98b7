using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Plan a container (partners): when, how long, and whether the practitioner is part of it.</summary>
internal static class PlanContainer
{
    public sealed class Request
    {
        /// <summary>Local date and time as a datetime-local field sends it ("2026-12-01T19:00").</summary>
        public string? At { get; set; }

        public int Minutes { get; set; } = 60;

        public bool WithPractitioner { get; set; }

        /// <summary>The planner's IANA time zone ("Europe/Berlin"), filled in by the browser; UTC when missing.</summary>
        public string? TimeZone { get; set; }
    }

    public sealed record Created(Guid Id);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is null)
            {
                return Outcome<Created>.NotFound();
            }

            var now = time.GetUtcNow();
            var (plan, errors) = ContainerTime.Check(request.At, request.Minutes, request.TimeZone, now.UtcDateTime);
            if (request.WithPractitioner && !await ContainerRules.HasPractitionerAsync(db, spaceId, cancellationToken))
            {
                errors[nameof(Request.WithPractitioner)] = ["This space has no practitioner yet."];
            }

            if (plan is null || errors.Count > 0)
            {
                return Outcome<Created>.Invalid(errors);
            }

            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var id = Guid.CreateVersion7(now);
            db.Containers.Add(new Container
            {
                Id = id,
                SpaceId = spaceId,
                Plan = ContentKeys.Seal(key, plan.Plan.ToJson(), Container.BindPlan(id)),
                StartsAt = plan.StartsAt,
                WithPractitioner = request.WithPractitioner,
                State = ContainerState.Planned,
                Closing = ContentKeys.Seal(key, ContainerClosing.Empty.ToJson(), Container.BindClosing(id)),
                Version = 1,
                CreatedAt = now.UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    }
}
