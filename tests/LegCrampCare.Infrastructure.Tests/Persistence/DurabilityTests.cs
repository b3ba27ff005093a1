using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Tests.Persistence;

/// <summary>
/// docs/decisions/0004: every SQLite connection the app opens runs WAL with synchronous=FULL; ADR 0022: every PostgreSQL
/// one commits with synchronous_commit=on.
/// </summary>
public sealed class DurabilityTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private const long SynchronousFull = 2;

    [SqliteTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OpenConnection_FromRegisteredFactory_RunsWalWithSynchronousFull(bool openAsync)
    {
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync();
        if (openAsync)
        {
            await db.Database.OpenConnectionAsync();
        }
        else
        {
            db.Database.OpenConnection();
        }

        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(SynchronousFull, await ScalarAsync(connection, "PRAGMA synchronous;"));
    }

    [SqliteFact]
    public async Task OpenConnection_FromRegisteredFactory_EnforcesForeignKeysAndWaitsWhenBusy()
    {
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(5000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
    }

    [PostgreSqlFact]
    public async Task PostgreSql_EveryConnection_CommitsSynchronously_EvenWhenTheConnectionStringAsksOtherwise()
    {
        await using (var db = await fixture.Database.Contexts.CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal("on", await ScalarAsync(db.Database.GetDbConnection(), "SHOW synchronous_commit;"));
        }

        var weakened = new Npgsql.NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { Options = "-c synchronous_commit=off" };
        await using var connection = new Npgsql.NpgsqlConnection(DependencyInjection.PostgreSqlConnectionString(weakened.ConnectionString));
        await connection.OpenAsync();
        Assert.Equal("on", await ScalarAsync(connection, "SHOW synchronous_commit;"));
    }

    [SqliteFact]
    public async Task OpenConnection_EverySeparateContext_GetsSynchronousFull()
    {
        // synchronous is per connection, so a second connection opened while the first is in use must get it too.
        await using var first = await fixture.Database.Contexts.CreateDbContextAsync();
        await using var second = await fixture.Database.Contexts.CreateDbContextAsync();
        await first.Database.OpenConnectionAsync();
        await second.Database.OpenConnectionAsync();

        Assert.NotSame(first.Database.GetDbConnection(), second.Database.GetDbConnection());
        Assert.Equal(SynchronousFull, await ScalarAsync(first.Database.GetDbConnection(), "PRAGMA synchronous;"));
        Assert.Equal(SynchronousFull, await ScalarAsync(second.Database.GetDbConnection(), "PRAGMA synchronous;"));
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
