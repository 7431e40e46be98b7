using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>The app on real Kestrel and a real socket, for what the in-memory server cannot show (body limits, raw HTTP).</summary>
public sealed class KestrelApp : KintsugiApp
{
    public KestrelApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public override string Provider => "Sqlite";

    public Uri Address
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Security:SecureCookies"] = "false" };

    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);
}
