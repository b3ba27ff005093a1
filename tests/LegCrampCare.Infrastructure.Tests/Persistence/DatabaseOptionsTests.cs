using LegCrampCare.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Persistence;

/// <summary>Choosing the database (ADR 0022): what is accepted, and what stops the app at start with what to set.</summary>
public sealed class DatabaseOptionsTests
{
    private static DatabaseOptions From(params (string Key, string? Value)[] settings) =>
        DatabaseOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build());

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSql", DatabaseProvider.PostgreSql)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData(" postgresql ", DatabaseProvider.PostgreSql)]
    public void Provider_AcceptedSpellings(string? value, DatabaseProvider expected)
    {
        var options = From(("Database:Provider", value), ("ConnectionStrings:LegCrampCare", "Host=db;Database=lcc"));

        Assert.Equal(expected, options.Provider);
        Assert.Equal(expected == DatabaseProvider.Sqlite, options.MigrateOnStart); // on by default for SQLite only
        Assert.Equal(expected == DatabaseProvider.Sqlite ? "LegCrampCare.Migrations.Sqlite" : "LegCrampCare.Migrations.PostgreSql", options.MigrationsAssembly);
    }

    [Theory]
    [InlineData("MySql")]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public void Provider_Unknown_StopsNamingTheSettingAndWhatIsAllowed(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("Database:Provider", value)));

        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_WithoutAConnectionString_StopsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("Database:Provider", "PostgreSql")));

        Assert.Contains("ConnectionStrings:LegCrampCare", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__LegCrampCare", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database:MigrateOnStart", "maybe")]
    [InlineData("Database:ServerWait", "forever")]
    [InlineData("Database:ServerWait", "01:00:00")]
    public void OtherSettings_Unusable_StopNamingThem(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From((key, value)));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSqlConnectionString_AlwaysCommitsSynchronously_KeepsTheOtherOptions()
    {
        var result = new Npgsql.NpgsqlConnectionStringBuilder(DependencyInjection.PostgreSqlConnectionString(
            "Host=db;Database=lcc;Username=app;Options=-c statement_timeout=5000 -c synchronous_commit=off"));

        Assert.Equal("-c statement_timeout=5000 -c synchronous_commit=off -c synchronous_commit=on", result.Options); // the last one wins
        Assert.Equal(("db", "lcc", "app"), (result.Host, result.Database, result.Username));
    }

    [Fact]
    public async Task Initialize_PostgreSqlOutOfReach_WaitsThenStopsNamingTheServerAndTheSetting()
    {
        await using var database = TestDatabase.Create(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:LegCrampCare"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Password=x;Timeout=1",
            ["Database:ServerWait"] = "00:00:02",
        });
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InitializeAsync());

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(2), $"it gave up before waiting: {error.Message}");
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:LegCrampCare", error.Message, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Initialize_WrongPassword_StopsAtOnceWithTheServersReason()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgreSqlServer) { Password = "not-the-password" };
        await using var database = TestDatabase.Create(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:LegCrampCare"] = server.ConnectionString,
            ["Database:ServerWait"] = "00:00:20",
        });
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InitializeAsync());

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "a refused password was waited on");
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("28P01", error.Message, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Initialize_DatabaseMissing_SaysToCreateItOwnedByTheAppsRole()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgreSqlServer) { Database = "lcc_never_created" };
        await using var database = TestDatabase.Create(settings: new Dictionary<string, string?> { ["ConnectionStrings:LegCrampCare"] = server.ConnectionString });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InitializeAsync());

        Assert.Contains($"createdb -O {server.Username} lcc_never_created", error.Message, StringComparison.Ordinal);
    }
}
