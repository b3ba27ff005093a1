using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LegCrampCare.Infrastructure.Persistence;

/// <summary>
/// Every SQLite connection the app opens runs in WAL mode with synchronous=FULL, so a save is acknowledged only after
/// its commit is durable on disk (docs/decisions/0004-sqlite-durability.md). synchronous is per connection, so it is
/// set on each new SQLite handle (once: a pooled handle keeps it); the busy timeout lets a second writer wait instead of
/// failing.
/// </summary>
public sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    /// <summary>
    /// The SQLite handles (Microsoft.Data.Sqlite pools them under the connections EF Core opens and closes) whose pragmas
    /// are set: a handle keeps its settings for its life, so they are set once per handle, not on every open.
    /// </summary>
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private static bool IsConfigured(DbConnection connection) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, handle);
        }
    }
}
