using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Reminders;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>Propose an agreement (or offer a transparency promise). It is a proposal until every partner has signed version 1.</summary>
internal static class ProposeAgreement
{
    public sealed class Request : TermsInput
    {
        public AgreementKind Kind { get; set; } = AgreementKind.Boundary;
    }

    public sealed record Created(Guid Id, int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, ReminderSchedule reminders, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Guid spaceId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<Created>.NotFound();
            }

            if (!Enum.IsDefined(request.Kind))
            {
                return Outcome<Created>.Invalid(nameof(Request.Kind), "Choose an agreement or a transparency promise.");
            }

            var now = time.GetUtcNow();
            var (terms, errors) = await TermsCheck.CheckAsync(db, spaceId, request.Kind, request, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
            if (terms is null)
            {
                return Outcome<Created>.Invalid(errors);
            }

            var id = Guid.CreateVersion7(now);
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            db.Agreements.Add(new Agreement { Id = id, SpaceId = spaceId, Kind = request.Kind, CreatedAt = now.UtcDateTime, Latest = 1 });
            db.AgreementVersions.Add(new AgreementVersion
            {
                AgreementId = id,
                Number = 1,
                Terms = ContentKeys.Seal(key, terms.ToJson(), AgreementVersion.Bind(id, 1)),
                ProposedBy = me.UserId,
                CreatedAt = now.UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            await AgreementReminders.ScheduleAsync(db, reminders, spaceId, id, terms, CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id, 1));
        }
    }
}
