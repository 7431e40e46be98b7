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

            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
            var practitioner = await db.Memberships
                .Where(m => m.Id == membershipId && m.SpaceId == spaceId && m.Role == MemberRole.Practitioner && m.Status == MemberStatus.Active)
                .Select(m => (Guid?)m.UserId)
                .SingleOrDefaultAsync(cancellationToken);
            if (practitioner is not { } userId || await db.Memberships.Where(m => m.Id == membershipId).ExecuteDeleteAsync(CancellationToken.None) != 1)
            {
                return Outcome<Done>.NotFound();
            }

            // Nothing about the space reaches them any more: no container reminder, no other reminder.
            await Atone.ContainerCleanup.ForgetAsync(db, spaceId, userId);
            await Infrastructure.Reminders.ReminderSchedule.ForgetAsync(db, userId, spaceId);
            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }

            return Outcome<Done>.Ok(default);
        }
    }
}
