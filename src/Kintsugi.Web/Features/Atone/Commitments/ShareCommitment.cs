using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>Change who can read one's commitment and its log; the log's notes move to the new key with it.</summary>
internal static class ShareCommitment
{
    public sealed record Changed(Audience Audience, int Version);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Changed>> HandleAsync(Guid spaceId, Guid commitmentId, ChangeAudience.Request request, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(request.Audience))
            {
                return Outcome<Changed>.Invalid(nameof(request.Audience), "Choose who can read this commitment.");
            }

            var commitment = await db.Commitments.OwnedBy(db, access.UserId).SingleOrDefaultAsync(c => c.Id == commitmentId && c.SpaceId == spaceId, cancellationToken);
            if (commitment is null)
            {
                return Outcome<Changed>.NotFound();
            }

            if (commitment.Audience == request.Audience)
            {
                return Outcome<Changed>.Ok(new Changed(commitment.Audience, commitment.Version));
            }

            var from = await keys.ForAsync(spaceId, commitment.AuthorId, commitment.Audience, cancellationToken);
            var to = await keys.ForAsync(spaceId, commitment.AuthorId, request.Audience, cancellationToken);
            commitment.Record = ContentKeys.Seal(to, ContentKeys.Open(from, commitment.Record, commitment.Binding), commitment.Binding);
            foreach (var line in await db.FollowThroughs.Where(f => f.CommitmentId == commitmentId).ToListAsync(cancellationToken))
            {
                if (line.Note.Length == 0)
                {
                    continue;
                }

                line.Note = ContentKeys.Seal(to, ContentKeys.Open(from, line.Note, FollowThrough.Bind(line.Id)), FollowThrough.Bind(line.Id));
            }

            commitment.Audience = request.Audience;
            if (request.Audience != Audience.OnlyMe)
            {
                commitment.FirstSharedAt ??= time.GetUtcNow().UtcDateTime;
            }

            commitment.Version++;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Changed>.Conflicted(ChangeCommitment.ChangedMeanwhile);
            }

            return Outcome<Changed>.Ok(new Changed(commitment.Audience, commitment.Version));
        }
    }
}
