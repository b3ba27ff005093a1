using LegCrampCare.Cli;
using Microsoft.Extensions.Configuration;

namespace LegCrampCare.Infrastructure.Tests.Cli;

/// <summary>`migrate`: what an operator runs before the nodes of a PostgreSQL deployment start (ADR 0022).</summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lcc-cli-migrate-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(Dictionary<string, string?> settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var code = await CliApp.RunAsync(["migrate"], new StringReader(""), output, error, configuration);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_FreshDatabase_AppliesTheBaseline_ThenAgain_SaysUpToDate()
    {
        // MigrateOnStart off, as on PostgreSQL: only the command migrates.
        var settings = new Dictionary<string, string?> { ["Data:Folder"] = _folder, ["Database:MigrateOnStart"] = "false" };

        var first = await RunAsync(settings);
        var second = await RunAsync(settings);

        Assert.Equal((0, "1 migration(s) applied; roles and guidance pages checked."), (first.Code, first.Output.Trim()));
        Assert.Equal((0, "The database was up to date; roles and guidance pages checked."), (second.Code, second.Output.Trim()));
    }

    [Fact]
    public async Task Migrate_UnknownProvider_Exit1NamingTheSetting_NothingCreated()
    {
        var result = await RunAsync(new Dictionary<string, string?> { ["Data:Folder"] = _folder, ["Database:Provider"] = "Oracle" });

        Assert.Equal(1, result.Code);
        Assert.Contains("Database:Provider", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public async Task Backup_OnPostgreSql_Exit2PointingToPgDump()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:LegCrampCare"] = "Host=127.0.0.1;Database=lcc;Username=lcc",
        }).Build();

        var code = await CliApp.RunAsync(["backup", Path.Combine(_folder, "copy.db")], new StringReader(""), output, error, configuration);

        Assert.Equal(2, code);
        Assert.Contains("pg_dump", error.ToString(), StringComparison.Ordinal);
    }
}
