using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kintsugi.Web.Infrastructure.Data;

/// <summary>
/// A 2xx on a write means the write is on disk (SECURITY.md F1). WAL is a property of the database
/// file and is set once at start-up; <c>synchronous</c> is per connection, so every opened
/// connection gets <c>synchronous=FULL</c> before EF uses it.
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string PerConnection = "PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = PerConnection;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Switches the file to WAL and proves that both settings are in force; start-up fails otherwise.</summary>
    public static async Task<(string JournalMode, long Synchronous)> EnsureAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var journalMode = await ScalarAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            journalMode = await ScalarAsync(connection, "PRAGMA journal_mode;", cancellationToken);
            var synchronous = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA synchronous;", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase) || synchronous != 2)
            {
                throw new InvalidOperationException(
                    $"SQLite must run with journal_mode=WAL and synchronous=FULL; found journal_mode={journalMode}, synchronous={synchronous}.");
            }

            return (journalMode, synchronous);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
    }
}
