namespace Kintsugi.Web.Features.Home;

/// <summary>
/// The crisis and abuse lines this deployment shows, configured under <c>Support:Lines</c> so that
/// each operator can list the services of their own country. Check every number before a release.
/// </summary>
internal sealed class SupportOptions
{
    public List<SupportLine> Lines { get; set; } = [];
}

internal sealed class SupportLine
{
    public string Region { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Who it is for, in a few words.</summary>
    public string For { get; set; } = "";

    public string? Phone { get; set; }

    public string? Text { get; set; }

    public string? Url { get; set; }
}
