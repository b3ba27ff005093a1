using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LegCrampCare.Infrastructure.Persistence;

/// <summary>
/// Every SQLite connection the app opens runs in WAL mode with synchronous=FULL, so a save is acknowledged only after
/// its commit is durable on disk (docs/decisions/0004-sqlite-durability.md). synchronous is per connection, so it is
/// set on each open; the busy timeout lets a second writer wait instead of failing.
/// </summary>
public sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
