using System.Globalization;
using Kintsugi.Web.Features.Repair;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// Turns what the planning form sends (a local date and time, a length, the browser's time zone)
/// into a sealed plan and an absolute start. The zone is checked against the server's list; a
/// browser that sends none (no script) is taken to be on UTC.
/// </summary>
internal static class ContainerTime
{
    public const int ZoneLength = 100;

    public sealed record Checked(ContainerPlan Plan, DateTime StartsAt);

    /// <summary>The plan, or the field errors to show (keyed by the request's property names).</summary>
    public static (Checked? Plan, Dictionary<string, string[]> Errors) Check(string? at, int minutes, string? timeZone, DateTime nowUtc)
    {
        var errors = new Dictionary<string, string[]>();
        var zoneId = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        TimeZoneInfo? zone = null;
        if (zoneId.Length > ZoneLength || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            errors["TimeZone"] = ["That time zone is not one we know. Reload the page, or leave it out to use UTC."];
        }

        if (minutes is < Container.ShortestMinutes or > Container.LongestMinutes)
        {
            errors["Minutes"] = ["A container lasts from 15 minutes to three hours."];
        }

        DateTime startsAt = default;
        if (!NextTime.TryParseLocal(at, out var local))
        {
            errors["At"] = ["Give a date and a time, like 2026-12-01T19:00."];
        }
        else if (zone is not null)
        {
            if (zone.IsInvalidTime(local))
            {
                errors["At"] = ["That time does not exist on your clock (the clocks change then). Choose another."];
            }
            else
            {
                startsAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
                if (startsAt < nowUtc.AddMinutes(-5) || startsAt > nowUtc.AddYears(2))
                {
                    errors["At"] = ["Choose a time from now on, within the next two years."];
                }
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new Checked(new ContainerPlan(local.ToString(NextTime.Format, CultureInfo.InvariantCulture), minutes, zone!.Id), startsAt), errors);
    }
}
