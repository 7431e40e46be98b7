using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// Record that an agreement was crossed: anyone may, themselves included. It is about the version
/// that was last agreed (or the latest, if none was), and starts at "examine".
/// </summary>
internal static class RecordCrossing
{
    public sealed class Request
    {
        public string? Note { get; set; }

        /// <summary>Memberships of the partners involved; each is asked for their own view.</summary>
        public List<Guid>? Involved { get; set; }
    }

    public sealed record Created(Guid Id);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Created>> HandleAsync(Guid spaceId, Guid agreementId, Request request, CancellationToken cancellationToken)
        {
            var agreement = await db.Agreements.AsNoTracking().SeenBy(db, access.UserId).SingleOrDefaultAsync(a => a.Id == agreementId && a.SpaceId == spaceId, cancellationToken);
            if (agreement is null)
            {
                return Outcome<Created>.NotFound();
            }

            var note = request.Note?.Trim() ?? "";
            if (note.Length > Crossing.NoteLength)
            {
                return Outcome<Created>.Invalid(nameof(Request.Note), "Keep the note under 4,000 characters.");
            }

            var involved = (request.Involved ?? []).Distinct().ToList();
            if (involved.Count > 0 && await db.Memberships.CountAsync(m => m.SpaceId == spaceId && m.Role == MemberRole.Partner && m.Status == MemberStatus.Active && involved.Contains(m.Id), cancellationToken) != involved.Count)
            {
                return Outcome<Created>.Invalid(nameof(Request.Involved), "Choose partners of this space.");
            }

            var version = await db.AgreementVersions.Where(v => v.AgreementId == agreementId && v.AgreedAt != null).MaxAsync(v => (int?)v.Number, cancellationToken) ?? agreement.Latest;
            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            var key = await keys.SpaceKeyAsync(spaceId, cancellationToken);
            db.Crossings.Add(new Crossing
            {
                Id = id,
                SpaceId = spaceId,
                AgreementId = agreementId,
                VersionNumber = version,
                RecordedBy = access.UserId,
                RecordedAt = now.UtcDateTime,
                Record = ContentKeys.Seal(key, new CrossingRecord(note, involved, "", "").ToJson(), Crossing.Bind(id)),
                Stage = CrossingStage.Examine,
                Version = 1,
            });
            db.CrossingMoves.Add(new CrossingMove { Id = Guid.CreateVersion7(now), CrossingId = id, Stage = CrossingStage.Examine, At = now.UtcDateTime });
            await db.SaveChangesAsync(CancellationToken.None);
            return Outcome<Created>.Ok(new Created(id));
        }
    }
}
