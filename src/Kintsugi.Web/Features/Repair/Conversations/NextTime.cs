using System.Globalization;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// When the next conversation is: a local date and time as the partners typed it, and how long it
/// lasts. It is kept as "floating" local time (no time zone), the way a calendar shows a time
/// agreed in the same room; partners in different time zones agree whose clock it is.
/// </summary>
internal sealed record NextTime(DateTime Local, int Minutes)
{
    public const string Format = "yyyy-MM-dd'T'HH:mm";

    public string Text => $"{Local.ToString(Format, CultureInfo.InvariantCulture)}/{Minutes}";

    public static NextTime? Parse(string sealedText)
    {
        var parts = sealedText.Split('/');
        return parts.Length == 2
               && DateTime.TryParseExact(parts[0], Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            ? new NextTime(local, minutes)
            : null;
    }

    /// <summary>Accepts what a datetime-local field sends: minutes, optionally seconds.</summary>
    public static bool TryParseLocal(string? value, out DateTime local) =>
        DateTime.TryParseExact(value?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
}
