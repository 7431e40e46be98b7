using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>The e-mail reminders an agreement's latest version asks for: its review date and, for a transparency promise, its end.</summary>
internal static class AgreementReminders
{
    public const string Review = "agreement-review";
    public const string TransparencyEnd = "transparency-end";

    public static async Task ScheduleAsync(AppDbContext db, ReminderSchedule reminders, Guid spaceId, Guid agreementId, AgreementTerms terms, CancellationToken cancellationToken)
    {
        var partners = await AgreementRules.Partners(db, spaceId).ToListAsync(cancellationToken);
        if (terms.ReviewOn is { } review)
        {
            await reminders.ScheduleAsync(partners, spaceId, AgreementRules.DueAt(review), Review, agreementId, cancellationToken);
        }
        else
        {
            await reminders.CancelAsync(agreementId, Review, cancellationToken);
        }

        if (terms.EndsOn is { } end && end != terms.ReviewOn)
        {
            await reminders.ScheduleAsync(partners, spaceId, AgreementRules.DueAt(end), TransparencyEnd, agreementId, cancellationToken);
        }
        else
        {
            await reminders.CancelAsync(agreementId, TransparencyEnd, cancellationToken);
        }
    }
}
