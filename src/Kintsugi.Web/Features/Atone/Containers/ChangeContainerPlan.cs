using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// Move a planned container, change its length, or add or take out the practitioner (partners).
/// Items on its agenda follow: with the practitioner they are shared with them too, without they are not.
/// </summary>
internal static class ChangeContainerPlan
{
    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Done>> HandleAsync(Guid spaceId, Guid containerId, PlanContainer.Request request, CancellationToken cancellationToken)
        {
            var container = await ContainerRules.PlannedByPartnersAsync(db, access, spaceId, containerId, cancellationToken);
            if (container is null)
            {
                return Outcome<Done>.NotFound();
            }

            var (plan, errors) = ContainerTime.Check(request.At, request.Minutes, request.TimeZone, time.GetUtcNow().UtcDateTime);
            if (request.WithPractitioner && !container.WithPractitioner && !await ContainerRules.HasPractitionerAsync(db, spaceId, cancellationToken))
            {
                errors[nameof(PlanContainer.Request.WithPractitioner)] = ["This space has no practitioner yet."];
            }

            if (plan is null || errors.Count > 0)
            {
                return Outcome<Done>.Invalid(errors);
            }

            if (container.State != ContainerState.Planned)
            {
                return ContainerRules.WrongState<Done>("This container has already started, so its plan stays as it was.");
            }

            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
            container.Plan = ContentKeys.Seal(await keys.SpaceKeyAsync(spaceId, cancellationToken), plan.Plan.ToJson(), Container.BindPlan(containerId));
            container.StartsAt = plan.StartsAt;
            if (container.WithPractitioner != request.WithPractitioner)
            {
                container.WithPractitioner = request.WithPractitioner;
                if (!request.WithPractitioner)
                {
                    // Narrowed to the partners (both audiences are sealed under the space key). The other
                    // way round nothing widens: what a partner placed for the partners stays theirs to
                    // share with the practitioner (SECURITY.md A3); items placed from now on go to both.
                    await db.ParkedItems.Where(p => p.ContainerId == containerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Audience, Audience.Partners), CancellationToken.None);
                    // The practitioner no longer sees it, so no reminder of it either.
                    var practitioners = db.Memberships.Where(m => m.SpaceId == spaceId && m.Role == MemberRole.Practitioner).Select(m => m.UserId);
                    foreach (var userId in await db.ContainerReminders.Where(r => r.ContainerId == containerId && practitioners.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(cancellationToken))
                    {
                        await ContainerReminders.CancelAsync(db, containerId, userId, CancellationToken.None);
                    }

                    await db.ContainerReminders.Where(r => r.ContainerId == containerId && practitioners.Contains(r.UserId)).ExecuteDeleteAsync(CancellationToken.None);
                }
            }

            await db.SaveChangesAsync(CancellationToken.None);
            await ContainerReminders.RescheduleAllAsync(db, containerId, plan.StartsAt, time.GetUtcNow().UtcDateTime, CancellationToken.None);
            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }

            return Outcome<Done>.Ok(default);
        }
    }
}
