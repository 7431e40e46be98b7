using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// A time-out, called by any partner without giving a reason: the conversation rests for at least
/// twenty minutes (flooding: CONTENT.md), or until someone resumes it. Who called it is not recorded.
/// </summary>
internal static class TakePause
{
    public const int ShortestMinutes = 20;
    public const int LongestMinutes = 24 * 60;

    public sealed class Request
    {
        /// <summary>How long to rest; 0 resumes now.</summary>
        public int Minutes { get; set; } = ShortestMinutes;
    }

    public sealed record Paused(DateTime? Until);

    public sealed class Handler(AppDbContext db, SpaceAccess access, TimeProvider time)
    {
        public async Task<Outcome<Paused>> HandleAsync(Guid spaceId, Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            if (!await db.Conversations.SeenBy(db, access.UserId).AnyAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken))
            {
                return Outcome<Paused>.NotFound();
            }

            if (request.Minutes != 0 && request.Minutes is < ShortestMinutes or > LongestMinutes)
            {
                return Outcome<Paused>.Invalid(nameof(Request.Minutes), "A pause lasts at least twenty minutes: that is how long a body needs to settle. Up to a day.");
            }

            DateTime? until = request.Minutes == 0 ? null : time.GetUtcNow().UtcDateTime.AddMinutes(request.Minutes);
            var changed = await db.Conversations
                .Where(c => c.Id == conversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PausedUntil, until), CancellationToken.None);
            return changed == 1 ? Outcome<Paused>.Ok(new Paused(until)) : Outcome<Paused>.NotFound();
        }
    }
}
