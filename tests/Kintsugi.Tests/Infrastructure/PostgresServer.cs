using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Kintsugi.Tests.Infrastructure.PostgresServer))]

namespace Kintsugi.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: created in a temporary folder on a free
/// loopback port the first time a PostgreSQL test needs it, and removed when the run ends.
/// Set KINTSUGI_TEST_POSTGRES to a connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static PostgresServer? current;
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? adminConnectionString;
    private string? directory;
    private string? binaries;
    private int databases;

    public PostgresServer() => current = this;

    public static PostgresServer Current => current ?? throw new InvalidOperationException("The PostgreSQL fixture was not created.");

    /// <summary>A new, empty database on the shared cluster.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"kintsugi_test_{Interlocked.Increment(ref databases)}_{Environment.ProcessId}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"; CREATE DATABASE \"{name}\";", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Where pg_dump lives, for the tests that read a dump.</summary>
    public string? Binaries => binaries;

    private async Task<string> AdminConnectionStringAsync()
    {
        await gate.WaitAsync();
        try
        {
            return adminConnectionString ??= await StartAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("KINTSUGI_TEST_POSTGRES") is { Length: > 0 } existing)
        {
            return existing;
        }

        binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl). Install them with " +
            "`apt-get install -y postgresql`, or set KINTSUGI_TEST_POSTGRES to the connection string of a server to use.");

        directory = Path.Combine(Path.GetTempPath(), $"kintsugi-pg-{Environment.ProcessId}-{Random.Shared.Next():x}");
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root; the cluster belongs to the postgres user.
            await RunAsync("chown", $"postgres {directory}");
        }

        var data = Path.Combine(directory, "data");
        var port = FreePort();
        await RunToolAsync("initdb", $"-D {data} -A trust -U postgres -E UTF8 --no-sync --no-instructions");
        await RunToolAsync("pg_ctl",
            $"-D {data} -l {Path.Combine(directory, "server.log")} -w -t 60 " +
            $"-o \"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=60";
    }

    public async ValueTask DisposeAsync()
    {
        if (directory is not null && binaries is not null)
        {
            try
            {
                await RunToolAsync("pg_ctl", $"-D {Path.Combine(directory, "data")} -m immediate -w stop");
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        gate.Dispose();
    }

    /// <summary>Runs a PostgreSQL tool, as the postgres user when the tests run as root.</summary>
    private Task RunToolAsync(string tool, string arguments) => Environment.UserName == "root"
        ? RunAsync("runuser", $"-u postgres -- {Path.Combine(binaries!, tool)} {arguments}")
        : RunAsync(Path.Combine(binaries!, tool), arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{file} {arguments}` failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
