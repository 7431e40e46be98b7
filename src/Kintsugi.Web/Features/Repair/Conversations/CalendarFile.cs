using System.Globalization;
using System.Text;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Data;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// The next conversation as an iCalendar file (RFC 5545) to add to one's own calendar. Its title is
/// neutral ("Time together") and nothing in it names the app or what the time is for, because
/// calendars are often shared, synced or shown on lock screens (SECURITY.md C3).
/// </summary>
internal static class CalendarFile
{
    public const string Title = "Time together";

    public sealed record File(byte[] Content, string FileName);

    public sealed class Handler(AppDbContext db, SpaceAccess access, ContentKeys keys, TimeProvider time)
    {
        public async Task<Outcome<File>> HandleAsync(Guid spaceId, Guid conversationId, string host, CancellationToken cancellationToken)
        {
            var conversation = await db.Conversations.AsNoTracking().SeenBy(db, access.UserId).SingleOrDefaultAsync(c => c.Id == conversationId && c.SpaceId == spaceId, cancellationToken);
            if (conversation is null)
            {
                return Outcome<File>.NotFound();
            }

            var next = NextTime.Parse(ContentKeys.Open(await keys.SpaceKeyAsync(spaceId, cancellationToken), conversation.NextTime, Conversation.BindNextTime(conversationId)));
            if (next is null)
            {
                return Outcome<File>.NotFound();
            }

            return Outcome<File>.Ok(new File(Encoding.UTF8.GetBytes(Build(conversationId, next, host, time.GetUtcNow().UtcDateTime)), "next-conversation.ics"));
        }
    }

    /// <summary>One event in floating local time (no TZID): it shows at the time the partners agreed, wherever their calendar is.</summary>
    public static string Build(Guid conversationId, NextTime next, string host, DateTime stampUtc)
    {
        static string Local(DateTime t) => t.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var lines = new[]
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Calendar//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{conversationId:N}@{host}",
            $"DTSTAMP:{stampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
            $"DTSTART:{Local(next.Local)}",
            $"DTEND:{Local(next.Local.AddMinutes(next.Minutes))}",
            $"SUMMARY:{Title}",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        return string.Join("\r\n", lines) + "\r\n";
    }
}
