using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// "I noticed": a partner who can read a commitment says they saw it kept that day, or takes it back.
/// Giving one is optional and not giving one records nothing.
/// </summary>
internal static class NoticeFollowThrough
{
    public sealed class Request
    {
        public bool Noticed { get; set; } = true;
    }

    public sealed record State(bool Noticed);

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<State>> HandleAsync(Guid spaceId, Guid commitmentId, Guid lineId, Request request, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<State>.NotFound();
            }

            var readable = db.Commitments.VisibleTo(db, me.UserId).Where(c => c.Id == commitmentId && c.SpaceId == spaceId);
            var line = await db.FollowThroughs.AsNoTracking()
                .Where(f => f.Id == lineId && f.CommitmentId == commitmentId && readable.Any())
                .Select(f => new { f.Kept, Author = readable.Select(c => c.AuthorId).First() })
                .SingleOrDefaultAsync(cancellationToken);
            if (line is null)
            {
                return Outcome<State>.NotFound();
            }

            if (line.Author == me.UserId)
            {
                return Outcome<State>.Invalid(nameof(Request.Noticed), "\"I noticed\" is for the others to give: your own log already says it.");
            }

            if (!line.Kept && request.Noticed)
            {
                return Outcome<State>.Invalid(nameof(Request.Noticed), "This day is logged as not kept; there is nothing to notice.");
            }

            await db.Noticed.Where(n => n.FollowThroughId == lineId && n.UserId == me.UserId).ExecuteDeleteAsync(CancellationToken.None);
            if (request.Noticed)
            {
                db.Noticed.Add(new Noticed { FollowThroughId = lineId, UserId = me.UserId, At = time.GetUtcNow().UtcDateTime });
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                catch (DbUpdateException)
                {
                    // The same person in two windows: it is noticed either way.
                }
            }

            return Outcome<State>.Ok(new State(request.Noticed));
        }
    }
}
