using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Infrastructure.Data;

/// <summary>Owns the SQLite migration set (Infrastructure/Data/Migrations/Sqlite).</summary>
internal sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>Owns the PostgreSQL migration set (Infrastructure/Data/Migrations/Postgres).</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
