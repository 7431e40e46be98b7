using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Reword one's commitment. After it was shared the change shows as an edit; the log so far stays with it.</summary>
internal static class ChangeCommitment
{
    public const string ChangedMeanwhile = "This commitment was changed in another window since you opened it. The current wording is shown; yours is still in the form.";

    public sealed class Request : CommitmentFields
    {
        public int Version { get; set; }
    }

    public sealed record Saved(int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Saved>> HandleAsync(Guid spaceId, Guid commitmentId, Request request, CancellationToken cancellationToken)
        {
            var commitment = await db.Commitments.OwnedBy(db, access.UserId).SingleOrDefaultAsync(c => c.Id == commitmentId && c.SpaceId == spaceId, cancellationToken);
            if (commitment is null)
            {
                return Outcome<Saved>.NotFound();
            }

            var (record, errors) = request.Validate();
            if (record is null)
            {
                return Outcome<Saved>.Invalid(errors);
            }

            if (commitment.Version != request.Version)
            {
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            var key = await keys.ForAsync(spaceId, commitment.AuthorId, commitment.Audience, cancellationToken);
            if (commitment.OpenRecord(key) == record)
            {
                return Outcome<Saved>.Ok(new Saved(commitment.Version));
            }

            var now = time.GetUtcNow().UtcDateTime;
            commitment.Record = ContentKeys.Seal(key, record.ToJson(), commitment.Binding);
            commitment.UpdatedAt = now;
            commitment.EditedAt = commitment.FirstSharedAt is null ? null : now;
            commitment.Version++;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Saved>.Conflicted(ChangedMeanwhile);
            }

            return Outcome<Saved>.Ok(new Saved(commitment.Version));
        }
    }
}
