using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>The sign-off rules, in one place: an agreement's state is derived from who signed its latest version.</summary>
internal static class AgreementRules
{
    /// <summary>
    /// Agreed: every current partner has a live signature on the latest version. Needs re-agreement:
    /// that version was agreed once, and now is not (a signature was withdrawn, or a partner joined
    /// who has not signed yet). Proposal: otherwise.
    /// </summary>
    public static AgreementState StateOf(IReadOnlyCollection<Guid> partners, IReadOnlyCollection<Guid> signedLatest, bool latestWasAgreed) =>
        partners.Count > 0 && partners.All(signedLatest.Contains) ? AgreementState.Agreed
        : latestWasAgreed ? AgreementState.NeedsReagreement
        : AgreementState.Proposal;

    /// <summary>The partners who count for sign-off: every active partner of the space (before the safety check too).</summary>
    public static IQueryable<Guid> Partners(AppDbContext db, Guid spaceId) =>
        db.Memberships.Where(m => m.SpaceId == spaceId && m.Role == MemberRole.Partner && m.Status == MemberStatus.Active).Select(m => m.UserId);

    /// <summary>
    /// Marks the latest versions of the space's agreements as agreed where every partner has now
    /// signed: one conditional UPDATE that repeats the rule against what is committed at that moment,
    /// so a signature withdrawn at the same time stops it.
    /// </summary>
    public static Task<int> MarkAgreedAsync(AppDbContext db, Guid spaceId, DateTime now, Guid? agreementId = null) =>
        db.AgreementVersions
            .Where(v => v.AgreedAt == null
                        && (agreementId == null || v.AgreementId == agreementId)
                        && db.Agreements.Any(a => a.Id == v.AgreementId && a.SpaceId == spaceId && a.Latest == v.Number)
                        && db.Memberships.Any(m => m.SpaceId == spaceId && m.Role == MemberRole.Partner && m.Status == MemberStatus.Active)
                        && !db.Memberships.Any(m => m.SpaceId == spaceId && m.Role == MemberRole.Partner && m.Status == MemberStatus.Active
                                                    && !db.AgreementSignatures.Any(s => s.AgreementId == v.AgreementId && s.Number == v.Number && s.UserId == m.UserId && s.WithdrawnAt == null)))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.AgreedAt, now), CancellationToken.None);

    /// <summary>Review dates are days; a reminder is due at 09:00 UTC of that day.</summary>
    public static DateTime DueAt(DateOnly day) => day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
}
