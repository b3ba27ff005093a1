using LegCrampCare.Cli;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Cli;

/// <summary>
/// `backup FILE`: a checked copy of the live database, taken while it is open; and the restore the operations guide
/// describes (the copy put in place of the database in a new data folder) gives back the same accounts.
/// </summary>
public sealed class BackupCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lcc-backup-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _restored = Path.Combine(Path.GetTempPath(), "lcc-restore-tests-" + Guid.NewGuid().ToString("N"));
    private IConfiguration _configuration = default!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_restored);
        _configuration = Configuration(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _folder, _restored })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return Task.CompletedTask;
    }

    private static IConfiguration Configuration(string folder) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = folder }).Build();

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(""), output, error, _configuration);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<ServiceProvider> OpenAsync(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging().AddInfrastructure(configuration);
        services.AddIdentityStores();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return provider;
    }

    [Fact]
    public async Task Backup_WhileTheDatabaseIsOpen_WritesACheckedCopy_AndRestoringItGivesBackTheAccounts()
    {
        await using var live = await OpenAsync(_configuration);
        await using (var scope = live.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "kept@example.org", Email = "kept@example.org", CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Midwife);
        }

        var file = Path.Combine(_restored, "legcrampcare.db");
        var (code, output, error) = await RunAsync("backup", file);

        Assert.True(code == 0, error);
        Assert.Contains("integrity ok", output, StringComparison.Ordinal);
        Assert.Equal("ok", (await BackupCommand.CheckAsync(file)).Integrity);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        // Restore: the copy is the database of a new data folder.
        await using var restored = await OpenAsync(Configuration(_restored));
        await using var restoredScope = restored.CreateAsyncScope();
        var restoredUsers = restoredScope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var back = await restoredUsers.FindByEmailAsync("kept@example.org");
        Assert.NotNull(back);
        Assert.True(await restoredUsers.IsInRoleAsync(back, Roles.Midwife));
        Assert.True(await restoredUsers.CheckPasswordAsync(back, "a long enough passphrase"));
    }

    [Fact]
    public async Task Backup_ExistingFile_IsRefusedAndLeftAlone()
    {
        await (await OpenAsync(_configuration)).DisposeAsync();
        var file = Path.Combine(_restored, "existing.db");
        await File.WriteAllTextAsync(file, "keep me");

        var (code, _, error) = await RunAsync("backup", file);

        Assert.Equal(2, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Backup_NoDatabaseOrNoFolder_SaysWhichAndWritesNothing()
    {
        var (noDatabase, _, noDatabaseError) = await RunAsync("backup", Path.Combine(_restored, "a.db"));
        await (await OpenAsync(_configuration)).DisposeAsync();
        var (noFolder, _, noFolderError) = await RunAsync("backup", Path.Combine(_restored, "missing", "b.db"));

        Assert.Equal((1, 2), (noDatabase, noFolder));
        Assert.Contains("No database at", noDatabaseError, StringComparison.Ordinal);
        Assert.Contains("does not exist", noFolderError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_restored));
    }
}
