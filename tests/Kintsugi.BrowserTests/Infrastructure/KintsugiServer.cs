using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kintsugi.BrowserTests.Infrastructure;

/// <summary>
/// The whole app on Kestrel, on a real loopback port, as in production (Production environment),
/// on its own data folder and SQLite database, with the real clock (authenticator codes are
/// computed from it by the tests, as a phone would).
/// </summary>
/// <remarks>
/// It speaks HTTPS, with a throwaway self-signed certificate for 127.0.0.1 (browser contexts
/// ignore certificate errors), so that the browser sees the production cookie set-up:
/// <c>__Host-</c> prefixed and Secure (docs/adr/0007). Outside Development the app refuses to
/// issue antiforgery tokens over plain HTTP.
/// </remarks>
public sealed class KintsugiServer : WebApplicationFactory<Program>
{
    private readonly ConcurrentQueue<string> problems = new();
    private readonly X509Certificate2 certificate = LoopbackCertificate();

    public KintsugiServer() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "kintsugi-browser-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    public Mailbox Mail => new(Path.Combine(DataDirectory, "mail"));

    /// <summary>Warnings and errors the app logged, to explain a failing test.</summary>
    public IReadOnlyCollection<string> Problems => problems;

    /// <summary>Starts Kestrel and returns the address it listens on, such as https://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        Directory.CreateDirectory(DataDirectory);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        return new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // A published app has blazor.web.js in wwwroot/_framework; a build serves it from the
        // framework's package, through the static web assets manifest (as `dotnet run` does).
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // PublicUrl stays empty: e-mail links then point at the address Kestrel listens on.
        builder.UseSetting("PublicUrl", "");
        // Every browser request comes from 127.0.0.1.
        builder.UseSetting("RateLimits:AuthPermitLimit", "1000");
        builder.ConfigureServices(services => services.AddLogging(logging => logging
            .ClearProviders()
            .SetMinimumLevel(LogLevel.Warning)
            .AddProvider(new QueueLogger(problems))));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        certificate.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned eventually.
        }
    }

    private static X509Certificate2 LoopbackCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");

        public void Dispose()
        {
        }
    }
}
