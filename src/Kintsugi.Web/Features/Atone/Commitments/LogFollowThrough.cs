using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>The author logs how a commitment went on a day: kept, or not this time. Only the author can: this is self-report, never surveillance.</summary>
internal static class LogFollowThrough
{
    public sealed class Request
    {
        /// <summary>The author's own calendar date.</summary>
        public DateOnly? Day { get; set; }

        public bool Kept { get; set; } = true;

        public string? Note { get; set; }
    }

    public sealed record Logged(Guid Id);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Logged>> HandleAsync(Guid spaceId, Guid commitmentId, Request request, CancellationToken cancellationToken)
        {
            // Tracked: the log line is sealed under the commitment's key, so a change of audience at the same moment must fail one of the two saves, not mix keys.
            var commitment = await db.Commitments.OwnedBy(db, access.UserId).SingleOrDefaultAsync(c => c.Id == commitmentId && c.SpaceId == spaceId, cancellationToken);
            if (commitment is null)
            {
                return Outcome<Logged>.NotFound();
            }

            if (commitment.EndedAt is not null)
            {
                return Outcome<Logged>.Invalid(nameof(Request.Day), "This commitment is laid down. Take it up again to log a day.");
            }

            var now = time.GetUtcNow();
            // A calendar date somewhere on Earth right now is at most a day away from the server's.
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var made = DateOnly.FromDateTime(commitment.CreatedAt);
            if (request.Day is not { } day || day > today.AddDays(1) || day < made.AddDays(-1))
            {
                return Outcome<Logged>.Invalid(nameof(Request.Day), "Give a day between the day you made this commitment and today.");
            }

            var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            if (note?.Length > FollowThrough.NoteLength)
            {
                return Outcome<Logged>.Invalid(nameof(Request.Note), "A note can be up to 1,000 characters.");
            }

            var id = Guid.CreateVersion7(now);
            var key = await keys.ForAsync(spaceId, commitment.AuthorId, commitment.Audience, cancellationToken);
            db.FollowThroughs.Add(new FollowThrough
            {
                Id = id,
                CommitmentId = commitmentId,
                SpaceId = spaceId,
                Day = day,
                Kept = request.Kept,
                Note = note is null ? [] : ContentKeys.Seal(key, note, FollowThrough.Bind(id)),
                CreatedAt = now.UtcDateTime,
            });
            commitment.Version++;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<Logged>.Conflicted(ChangeCommitment.ChangedMeanwhile);
            }

            return Outcome<Logged>.Ok(new Logged(id));
        }
    }
}
