using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>Schedule the next conversation (or clear it). The time is the partners' local time, as typed (see <see cref="NextTime"/>).</summary>
internal static class ScheduleNext
{
    public sealed class Request
    {
        /// <summary>Local date and time, as a datetime-local field sends it ("2026-12-01T19:00"); empty to clear.</summary>
        public string? At { get; set; }

        public int Minutes { get; set; } = 60;
    }

    public sealed record Scheduled(string? At, int? Minutes);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<Scheduled>> HandleAsync(Guid spaceId, Guid conversationId, Request request, CancellationToken cancellationToken)
        {
            if (!await db.Conversations.SeenBy(db, access.UserId).AnyAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken))
            {
                return Outcome<Scheduled>.NotFound();
            }

            NextTime? next = null;
            if (!string.IsNullOrWhiteSpace(request.At))
            {
                if (!NextTime.TryParseLocal(request.At, out var local))
                {
                    return Outcome<Scheduled>.Invalid(nameof(Request.At), "Give a date and a time, like 2026-12-01T19:00.");
                }

                // Local time has no zone here, so "the past" is judged with a day's grace either way.
                if (local < time.GetUtcNow().UtcDateTime.AddDays(-1) || local > time.GetUtcNow().UtcDateTime.AddYears(2))
                {
                    return Outcome<Scheduled>.Invalid(nameof(Request.At), "Choose a time from today on, within the next two years.");
                }

                if (request.Minutes is < 10 or > 480)
                {
                    return Outcome<Scheduled>.Invalid(nameof(Request.Minutes), "A conversation can last from 10 minutes to 8 hours.");
                }

                next = new NextTime(local, request.Minutes);
            }

            var text = ContentKeys.Seal(await keys.SpaceKeyAsync(spaceId, cancellationToken), next?.Text ?? "", Conversation.BindNextTime(conversationId));
            await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.NextTime, text), CancellationToken.None);
            return Outcome<Scheduled>.Ok(new Scheduled(next?.Local.ToString(NextTime.Format, System.Globalization.CultureInfo.InvariantCulture), next?.Minutes));
        }
    }
}
