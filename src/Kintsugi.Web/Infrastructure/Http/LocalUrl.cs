namespace Kintsugi.Web.Infrastructure.Http;

/// <summary>Only paths on this site are followed after sign-in: no open redirects.</summary>
internal static class LocalUrl
{
    public static string OrDefault(string? url, string fallback = "/account") =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : fallback;
}
