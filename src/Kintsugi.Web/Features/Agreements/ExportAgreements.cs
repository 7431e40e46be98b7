using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// The person's own part of the agreements of one space, for the data export: the versions they
/// wrote, their signatures, and the crossings they recorded. Their views of crossings are journal
/// entries and are in the journal section.
/// </summary>
internal static class ExportAgreements
{
    public sealed record VersionExport(Guid AgreementId, int Number, AgreementKind Kind, string Text, AgreementArea Area, Consequence? Consequence, string? ConsequenceWords, DateOnly? ReviewOn, DateOnly? EndsOn, DateTime CreatedAt);

    public sealed record SignatureExport(Guid AgreementId, int Number, DateTime SignedAt, DateTime? WithdrawnAt);

    public sealed record CrossingExport(Guid Id, Guid AgreementId, int VersionNumber, string Note, DateTime RecordedAt);

    public sealed record Section(IReadOnlyList<VersionExport> VersionsIWrote, IReadOnlyList<SignatureExport> MySignatures, IReadOnlyList<CrossingExport> CrossingsIRecorded);

    public sealed class Handler(AppDbContext db, ContentKeys keys)
    {
        public async Task<Section> HandleAsync(Guid spaceId, Guid userId, CancellationToken cancellationToken)
        {
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            var versions = await db.AgreementVersions.AsNoTracking()
                .Where(v => v.ProposedBy == userId)
                .Join(db.Agreements.Where(a => a.SpaceId == spaceId), v => v.AgreementId, a => a.Id, (v, a) => new { Version = v, a.Kind })
                .OrderBy(x => x.Version.CreatedAt)
                .ToListAsync(cancellationToken);
            var signatures = await db.AgreementSignatures.AsNoTracking()
                .Where(s => s.UserId == userId && db.Agreements.Any(a => a.Id == s.AgreementId && a.SpaceId == spaceId))
                .OrderBy(s => s.SignedAt)
                .Select(s => new SignatureExport(s.AgreementId, s.Number, s.SignedAt, s.WithdrawnAt))
                .ToListAsync(cancellationToken);
            var crossings = await db.Crossings.AsNoTracking().Where(c => c.SpaceId == spaceId && c.RecordedBy == userId).OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
            return new Section(
                [.. versions.Select(x =>
                {
                    var t = x.Version.Open(key);
                    return new VersionExport(x.Version.AgreementId, x.Version.Number, x.Kind, t.Text, t.Area, t.Consequence, t.ConsequenceWords, t.ReviewOn, t.EndsOn, x.Version.CreatedAt);
                })],
                signatures,
                [.. crossings.Select(c => new CrossingExport(c.Id, c.AgreementId, c.VersionNumber, c.Open(key).Note, c.RecordedAt))]);
        }
    }
}
