using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>How roles, audiences and dates read on the pages.</summary>
internal static class Labels
{
    public static string Of(Audience audience) => audience switch
    {
        Audience.OnlyMe => "Only me",
        Audience.Partners => "My partners",
        Audience.PartnersAndPractitioner => "My partners and our practitioner",
        _ => audience.ToString(),
    };

    /// <summary>The audience as the reader sees it, for entries written by someone else.</summary>
    public static string SharedWith(Audience audience) => audience switch
    {
        Audience.Partners => "Shared with the partners",
        Audience.PartnersAndPractitioner => "Shared with the partners and the practitioner",
        _ => "Private",
    };

    public static string Of(MemberRole role) => role == MemberRole.Partner ? "Partner" : "Practitioner";

    public static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) => utc.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
