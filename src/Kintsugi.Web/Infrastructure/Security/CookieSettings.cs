namespace Kintsugi.Web.Infrastructure.Security;

/// <summary>
/// In production every cookie is <c>__Host-</c> prefixed and Secure (SECURITY.md E1), which needs
/// HTTPS (directly, or through a proxy listed in ReverseProxy:KnownProxies). In Development, over
/// plain http://localhost, the same cookies go without the prefix so that every browser keeps them.
/// <c>Security:SecureCookies</c> overrides the default.
/// </summary>
internal sealed class CookieSettings(bool secure)
{
    public bool Secure { get; } = secure;

    public CookieSecurePolicy Policy => Secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public string Name(string name) => Secure ? "__Host-" + name : name;

    public static CookieSettings From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration.GetValue("Security:SecureCookies", !environment.IsDevelopment()));
}
