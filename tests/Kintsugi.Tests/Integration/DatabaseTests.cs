using Kintsugi.Tests.Infrastructure;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kintsugi.Tests.Integration;

public abstract class DatabaseTests(KintsugiApp app)
{
    [Fact]
    public async Task Every_migration_is_applied_at_start_up()
    {
        using var client = app.NewClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(app.Provider == "Sqlite" ? typeof(SqliteAppDbContext) : typeof(PostgresAppDbContext), db.GetType());
    }

    [Fact]
    public async Task Dates_come_back_as_UTC()
    {
        var (_, email) = await AppClient.SignedInAsync(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var created = await db.Users.Where(u => u.Email == email).Select(u => u.CreatedAt).SingleAsync();
        var session = await db.UserSessions.OrderBy(s => s.CreatedAt).Select(s => s.LastSeenAt).FirstAsync();

        Assert.Equal(DateTimeKind.Utc, created.Kind);
        Assert.Equal(DateTimeKind.Utc, session.Kind);
        Assert.InRange(created, app.Time.GetUtcNow().UtcDateTime.AddDays(-40), app.Time.GetUtcNow().UtcDateTime);
    }
}

public sealed class SqliteDatabaseTests(SqliteApp app) : DatabaseTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_sqlite_file_runs_in_WAL_mode_with_synchronous_FULL()
    {
        using var client = app.NewClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // 2 = FULL, on the app's own connections

        await using var raw = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "kintsugi.db")}");
        await raw.OpenAsync();
        await using var mode = raw.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await mode.ExecuteScalarAsync());
    }
}

public sealed class PostgresDatabaseTests(PostgresApp app) : DatabaseTests(app), IClassFixture<PostgresApp>;

/// <summary>The model and each provider's migration set agree (no change without a migration).</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteAppDbContext --output-dir Infrastructure/Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresAppDbContext --output-dir Infrastructure/Data/Migrations/Postgres");
    }

    [Fact]
    public async Task Start_up_refuses_a_sqlite_database_that_cannot_run_in_WAL_mode()
    {
        await using var app = new InMemorySqliteApp();
        await app.InitializeAsync();

        var error = Assert.ThrowsAny<Exception>(() => app.NewClient());
        Assert.Contains("journal_mode=WAL", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class InMemorySqliteApp : KintsugiApp
    {
        public override string Provider => "Sqlite";

        // An in-memory database cannot use a write-ahead log, so the durability check must stop the app.
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["ConnectionStrings:Sqlite"] = "Data Source=kintsugi-wal-check;Mode=Memory;Cache=Shared",
        };

        protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);
    }
}
