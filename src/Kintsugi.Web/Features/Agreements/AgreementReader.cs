using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>One version's terms as a partner reads them. Public so that page components can take it.</summary>
public sealed record TermsView(string Text, IReadOnlyList<Guid> AppliesTo, IReadOnlyList<string> AppliesToNames, AgreementArea Area, Consequence? Consequence, string? ConsequenceWords, DateOnly? ReviewOn, DateOnly? EndsOn);

/// <summary>
/// Reads agreements as a partner sees them: every version with its signatures (names and server
/// times), the state derived from the latest, and the crossings. Only joint agreements of a space
/// the reader is a partner in (<see cref="Visibility.SeenBy"/>).
/// </summary>
internal static class AgreementReader
{
    public sealed record SignatureView(string Name, bool IsMe, DateTime SignedAt, DateTime? WithdrawnAt);

    public sealed record VersionView(int Number, TermsView Terms, string ProposedBy, bool ProposedByMe, DateTime CreatedAt, DateTime? AgreedAt, Guid? CrossingId, IReadOnlyList<SignatureView> Signatures);

    public sealed record CrossingSummary(Guid Id, int VersionNumber, string RecordedBy, DateTime RecordedAt, CrossingStage Stage, CrossingOutcome? Outcome);

    /// <summary>One agreement. <see cref="Version"/> is the latest version's number: send it back to amend or sign.</summary>
    public sealed record AgreementView(
        Guid Id,
        AgreementKind Kind,
        AgreementState State,
        int Version,
        TermsView Current,
        int? LastAgreed,
        bool SignedByMe,
        IReadOnlyList<string> WaitingFor,
        bool ReviewDue,
        bool Ended,
        IReadOnlyList<VersionView> Versions,
        IReadOnlyList<CrossingSummary> Crossings);

    /// <summary>Names in a space: by user id and by membership id; anyone gone is "a former partner".</summary>
    public sealed record People(IReadOnlyDictionary<Guid, string> ByUser, IReadOnlyDictionary<Guid, string> ByMembership, IReadOnlyList<(Guid MembershipId, Guid UserId, string Name)> Partners)
    {
        public string User(Guid userId) => ByUser.GetValueOrDefault(userId, SpaceText.FormerPartner);

        public string Membership(Guid membershipId) => ByMembership.GetValueOrDefault(membershipId, SpaceText.FormerPartner);
    }

    public sealed class Handler(AppDbContext db, ContentKeys keys, TimeProvider time)
    {
        public async Task<People> PeopleAsync(Guid spaceId, CancellationToken cancellationToken)
        {
            var rows = await db.Memberships.AsNoTracking()
                .Where(m => m.SpaceId == spaceId && m.Status == MemberStatus.Active)
                .OrderBy(m => m.JoinedAt)
                .Select(m => new { m.Id, m.UserId, m.Role, m.DisplayName })
                .ToListAsync(cancellationToken);
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var named = rows.Select(r => (r.Id, r.UserId, r.Role, Name: ContentKeys.Open(key, r.DisplayName, SpaceText.DisplayName(r.Id)))).ToList();
            return new People(
                named.ToDictionary(r => r.UserId, r => r.Name),
                named.ToDictionary(r => r.Id, r => r.Name),
                [.. named.Where(r => r.Role == MemberRole.Partner).Select(r => (r.Id, r.UserId, r.Name))]);
        }

        /// <summary>The agreements of the space the reader may see (one, when <paramref name="only"/> is given), oldest first.</summary>
        public async Task<IReadOnlyList<AgreementView>> ReadAsync(Guid spaceId, Guid viewer, Guid? only, CancellationToken cancellationToken)
        {
            var agreements = await db.Agreements.AsNoTracking().SeenBy(db, viewer)
                .Where(a => a.SpaceId == spaceId && (only == null || a.Id == only))
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .ToListAsync(cancellationToken);
            if (agreements.Count == 0)
            {
                return [];
            }

            var ids = agreements.Select(a => a.Id).ToList();
            var versions = (await db.AgreementVersions.AsNoTracking().Where(v => ids.Contains(v.AgreementId)).OrderBy(v => v.Number).ToListAsync(cancellationToken)).ToLookup(v => v.AgreementId);
            var signatures = (await db.AgreementSignatures.AsNoTracking().Where(s => ids.Contains(s.AgreementId)).OrderBy(s => s.SignedAt).ToListAsync(cancellationToken)).ToLookup(s => (s.AgreementId, s.Number));
            var crossings = (await db.Crossings.AsNoTracking().Where(c => ids.Contains(c.AgreementId)).OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken)).ToLookup(c => c.AgreementId);
            var people = await PeopleAsync(spaceId, cancellationToken);
            var partners = people.Partners.Select(p => p.UserId).ToList();
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

            var views = new List<AgreementView>(agreements.Count);
            foreach (var a in agreements)
            {
                var versionViews = versions[a.Id].Select(v => new VersionView(
                    v.Number,
                    Terms(v.Open(key), people),
                    people.User(v.ProposedBy),
                    v.ProposedBy == viewer,
                    v.CreatedAt,
                    v.AgreedAt,
                    v.CrossingId,
                    [.. signatures[(a.Id, v.Number)].OrderBy(s => s.SignedAt).ThenBy(s => Order(people, s.UserId)).Select(s => new SignatureView(people.User(s.UserId), s.UserId == viewer, s.SignedAt, s.WithdrawnAt))])).ToList();
                var latest = versionViews.Single(v => v.Number == a.Latest);
                var signed = signatures[(a.Id, a.Latest)].Where(s => s.WithdrawnAt == null).Select(s => s.UserId).ToHashSet();
                var state = AgreementRules.StateOf(partners, signed, latest.AgreedAt is not null);
                views.Add(new AgreementView(
                    a.Id,
                    a.Kind,
                    state,
                    a.Latest,
                    latest.Terms,
                    versionViews.LastOrDefault(v => v.AgreedAt is not null)?.Number,
                    signed.Contains(viewer),
                    [.. people.Partners.Where(p => !signed.Contains(p.UserId)).Select(p => p.UserId == viewer ? "you" : p.Name)],
                    latest.Terms.ReviewOn is { } review && review <= today,
                    a.Kind == AgreementKind.Transparency && latest.Terms.EndsOn is { } end && end < today,
                    versionViews,
                    [.. crossings[a.Id].Select(c => new CrossingSummary(c.Id, c.VersionNumber, people.User(c.RecordedBy), c.RecordedAt, c.Stage, c.Outcome))]));
            }

            return views;
        }

        /// <summary>Partners in the order they joined, former partners last: a fixed order, not the order anyone acted in.</summary>
        private static int Order(People people, Guid userId)
        {
            var index = people.Partners.ToList().FindIndex(p => p.UserId == userId);
            return index < 0 ? int.MaxValue : index;
        }

        public static TermsView Terms(AgreementTerms terms, People people) => new(
            terms.Text,
            terms.AppliesTo,
            [.. terms.AppliesTo.Select(people.Membership)],
            terms.Area,
            terms.Consequence,
            terms.ConsequenceWords,
            terms.ReviewOn,
            terms.EndsOn);
    }
}
