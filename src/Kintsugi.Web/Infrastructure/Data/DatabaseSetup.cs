using Kintsugi.Web.Infrastructure.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Infrastructure.Data;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>What the start-up log and the health check say about the database (never a password).</summary>
internal sealed record DatabaseInfo(DatabaseProvider Provider, string Description);

internal static partial class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder, DataDirectory data)
    {
        var configured = builder.Configuration["Database:Provider"];
        if (!Enum.TryParse<DatabaseProvider>(string.IsNullOrWhiteSpace(configured) ? nameof(DatabaseProvider.Sqlite) : configured, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{configured}'.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var connectionString = builder.Configuration.GetConnectionString("Sqlite") is { Length: > 0 } configuredSqlite
                ? configuredSqlite
                : new SqliteConnectionStringBuilder { DataSource = data.PathFor("kintsugi.db"), Pooling = true }.ToString();
            builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(options => options
                .UseSqlite(connectionString)
                .AddInterceptors(new SqliteDurability()));
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            builder.Services.AddSingleton(new DatabaseInfo(provider, $"SQLite at {Path.GetFullPath(file)}"));
        }
        else
        {
            var connectionString = builder.Configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres, but ConnectionStrings:Postgres is empty.");
            }

            builder.Services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(options => options.UseNpgsql(connectionString));
            var parsed = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            builder.Services.AddSingleton(new DatabaseInfo(provider, $"PostgreSQL at {parsed.Host}:{parsed.Port}/{parsed.Database}"));
        }

        return builder;
    }

    /// <summary>Creates or upgrades the schema (unless turned off) and proves the durability settings.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var info = scope.ServiceProvider.GetRequiredService<DatabaseInfo>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Kintsugi.Database");
        var stopping = app.Lifetime.ApplicationStopping;

        if (app.Configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            await db.Database.MigrateAsync(stopping);
        }

        LogDatabase(logger, info.Description);
        if (info.Provider == DatabaseProvider.Sqlite)
        {
            var (journalMode, synchronous) = await SqliteDurability.EnsureAsync(db, stopping);
            LogSqliteDurability(logger, journalMode, synchronous == 2 ? "FULL" : synchronous.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Database: {Description}")]
    private static partial void LogDatabase(ILogger logger, string description);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "SQLite durability checked: journal_mode={JournalMode}, synchronous={Synchronous}")]
    private static partial void LogSqliteDurability(ILogger logger, string journalMode, string synchronous);
}
