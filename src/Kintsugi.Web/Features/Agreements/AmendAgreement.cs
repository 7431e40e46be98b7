using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Reminders;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// Amend an agreement: the new wording becomes the next version, which every partner signs again.
/// Send the version you started from; if someone amended it meanwhile, nothing is saved (409).
/// With a crossing id, the amendment is also that crossing's reset.
/// </summary>
internal static class AmendAgreement
{
    public const string ChangedMeanwhile = "Someone changed this agreement since you opened it. The current version is shown; what you wrote is still in the form.";

    public const string CrossingAlreadyReset = "Someone reset this crossing meanwhile, so this change was not saved. Look at the crossing again; what you wrote is still in the form.";

    public sealed class Request : TermsInput
    {
        /// <summary>The version you read and are changing.</summary>
        public int Version { get; set; }

        /// <summary>The crossing this amendment resets, if any.</summary>
        public Guid? CrossingId { get; set; }
    }

    public sealed record Amended(int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, ReminderSchedule reminders, TimeProvider time)
    {
        public async Task<Outcome<Amended>> HandleAsync(Guid spaceId, Guid agreementId, Request request, CancellationToken cancellationToken)
        {
            var agreement = await db.Agreements.AsNoTracking().SeenBy(db, access.UserId).SingleOrDefaultAsync(a => a.Id == agreementId && a.SpaceId == spaceId, cancellationToken);
            if (agreement is null)
            {
                return Outcome<Amended>.NotFound();
            }

            if (request.Version < 1)
            {
                return Outcome<Amended>.Invalid(nameof(Request.Version), "Send the version you started from.");
            }

            var now = time.GetUtcNow();
            var (terms, errors) = await TermsCheck.CheckAsync(db, spaceId, agreement.Kind, request, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
            if (terms is null)
            {
                return Outcome<Amended>.Invalid(errors);
            }

            if (request.CrossingId is { } crossingId
                && !await db.Crossings.SeenBy(db, access.UserId).AnyAsync(c => c.Id == crossingId && c.AgreementId == agreementId && c.Stage != CrossingStage.Reset, cancellationToken))
            {
                return Outcome<Amended>.Invalid(nameof(Request.CrossingId), "Choose an open crossing of this agreement, or none.");
            }

            var next = request.Version + 1;
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
            var moved = await db.Agreements.Where(a => a.Id == agreementId && a.Latest == request.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Latest, next), CancellationToken.None);
            if (moved != 1)
            {
                return Outcome<Amended>.Conflicted(ChangedMeanwhile);
            }

            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            db.AgreementVersions.Add(new AgreementVersion
            {
                AgreementId = agreementId,
                Number = next,
                Terms = ContentKeys.Seal(key, terms.ToJson(), AgreementVersion.Bind(agreementId, next)),
                ProposedBy = access.UserId,
                CreatedAt = now.UtcDateTime,
                CrossingId = request.CrossingId,
            });
            if (request.CrossingId is { } reset)
            {
                var changed = await db.Crossings.Where(c => c.Id == reset && c.Stage != CrossingStage.Reset)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(c => c.Stage, CrossingStage.Reset).SetProperty(c => c.Outcome, CrossingOutcome.Amend)
                            .SetProperty(c => c.AmendedTo, next).SetProperty(c => c.Version, c => c.Version + 1),
                        CancellationToken.None);
                if (changed != 1)
                {
                    // Someone reset it meanwhile; the transaction (when this method owns it) rolls back with it.
                    return Outcome<Amended>.Conflicted(CrossingAlreadyReset);
                }

                db.CrossingMoves.Add(new CrossingMove { Id = Guid.CreateVersion7(now), CrossingId = reset, Stage = CrossingStage.Reset, Outcome = CrossingOutcome.Amend, At = now.UtcDateTime });
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }

            await AgreementReminders.ScheduleAsync(db, reminders, spaceId, agreementId, terms, CancellationToken.None);
            return Outcome<Amended>.Ok(new Amended(next));
        }
    }
}
