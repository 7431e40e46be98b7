using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Kintsugi.Web.Infrastructure.Http;

/// <summary>
/// The address links in e-mails point to. It comes from configuration (<c>PublicUrl</c>) or from
/// the address the server listens on, never from the request's Host header: a forged Host header
/// must not be able to send a password-reset link to someone else's site.
/// </summary>
internal sealed class PublicUrl(IConfiguration configuration, IServer server)
{
    private Uri? resolved;

    public Uri Base => resolved ??= Resolve();

    public string For(string path, IDictionary<string, string?>? query = null)
    {
        var url = new Uri(Base, path.TrimStart('/')).ToString();
        return query is null ? url : QueryHelpers.AddQueryString(url, query);
    }

    private Uri Resolve()
    {
        var configured = configuration["PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        address = address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal);
        return new Uri(address.TrimEnd('/') + "/");
    }
}
