using System.Globalization;
using System.Text;
using Kintsugi.Web.Features.Spaces;
using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// The review dates of the space's agreements (and the end dates of transparency promises) as one
/// iCalendar file of all-day events. Every event has the same neutral title and nothing else: no
/// agreement, no space, no names (SECURITY.md C3), because calendars are shared and synced.
/// </summary>
internal static class ReviewCalendar
{
    public sealed record File(byte[] Content, string FileName);

    public sealed class Handler(SpaceAccess access, AgreementReader.Handler reader, TimeProvider time)
    {
        public async Task<Outcome<File>> HandleAsync(Guid spaceId, string host, CancellationToken cancellationToken)
        {
            if (await access.PartnerAsync(spaceId, cancellationToken) is not { } me)
            {
                return Outcome<File>.NotFound();
            }

            var days = (await reader.ReadAsync(spaceId, me.UserId, null, cancellationToken))
                .SelectMany(a => new[] { (a.Id, a.Version, Day: a.Current.ReviewOn, Part: "review"), (a.Id, a.Version, Day: a.Current.EndsOn, Part: "end") })
                .Where(d => d.Day is not null)
                .DistinctBy(d => (d.Id, d.Day))
                .Select(d => (Uid: $"{d.Id:N}-{d.Version}-{d.Part}@{host}", Day: d.Day!.Value))
                .ToList();
            return Outcome<File>.Ok(new File(Encoding.UTF8.GetBytes(Build(days, time.GetUtcNow().UtcDateTime)), "reviews.ics"));
        }
    }

    public static string Build(IReadOnlyList<(string Uid, DateOnly Day)> days, DateTime stampUtc)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Calendar//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH" };
        foreach (var (uid, day) in days)
        {
            lines.AddRange(
            [
                "BEGIN:VEVENT",
                $"UID:{uid}",
                $"DTSTAMP:{stampUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}",
                $"DTSTART;VALUE=DATE:{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}",
                $"DTEND;VALUE=DATE:{day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}",
                $"SUMMARY:{AgreementsContent.English.CalendarTitle}",
                "END:VEVENT",
            ]);
        }

        lines.Add("END:VCALENDAR");
        return string.Join("\r\n", lines) + "\r\n";
    }
}
