namespace Kintsugi.Web.Components.Layout;

/// <summary>Where "Quick exit" goes (SECURITY.md C1): an ordinary, neutral site. Configured under <c>QuickExit</c>.</summary>
internal sealed class QuickExitOptions
{
    public string Url { get; set; } = "https://www.bbc.co.uk/weather";
}
