using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Kintsugi.Tests.Infrastructure;

/// <summary>
/// The whole app in memory, as in production (Production environment, HTTPS base address so the
/// __Host- cookies flow), on its own data folder and database, with a clock the test controls.
/// </summary>
public abstract class KintsugiApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private int nextClient;
    private string? connectionString;

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "kintsugi-test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    public CapturedLogs Logs { get; } = new();

    public Mailbox Mail => new(Path.Combine(DataDirectory, "mail"));

    public abstract string Provider { get; }

    /// <summary>Extra settings a test class needs (smaller limits, say).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected abstract Task<string?> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        connectionString = await CreateDatabaseAsync();
    }

    /// <summary>A browser-like client with its own cookies and its own client address.</summary>
    public AppClient NewClient(string? address = null)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var ip = address ?? $"10.{Interlocked.Increment(ref nextClient) / 250 % 250}.{nextClient % 250}.{Random.Shared.Next(1, 250)}";
        http.DefaultRequestHeaders.Add(ClientAddress.Header, ip);
        return new AppClient(http, this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:" + Provider, connectionString ?? "");
        builder.UseSetting("Encryption:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("PublicUrl", "https://localhost/");
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter, ClientAddress>();
            services.AddLogging(logging => logging.ClearProviders().AddProvider(Logs));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS; the temp folder is cleaned eventually.
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp : KintsugiApp
{
    public override string Provider => "Sqlite";

    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);
}

public sealed class PostgresApp : KintsugiApp
{
    public override string Provider => "Postgres";

    protected override async Task<string?> CreateDatabaseAsync() => await PostgresServer.Current.CreateDatabaseAsync();
}

/// <summary>Lets each test client appear to come from its own address, as real clients do.</summary>
internal sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
