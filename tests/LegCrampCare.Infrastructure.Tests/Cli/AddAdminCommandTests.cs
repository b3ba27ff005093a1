using LegCrampCare.Cli;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Cli;

/// <summary>`users add-admin EMAIL`: the only way to get the first admin outside Development.</summary>
public sealed class AddAdminCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lcc-cli-tests-" + Guid.NewGuid().ToString("N"));
    private IConfiguration _configuration = default!;

    public Task InitializeAsync()
    {
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = _folder })
            .Build();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(stdin), output, error, _configuration);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AddAdmin_PasswordTyped_CreatesAdminOnAFreshDatabase()
    {
        Assert.Null(Environment.GetEnvironmentVariable(CliApp.PasswordVariable));

        var (code, output, _) = await RunAsync("a long admin passphrase\n", "users", "add-admin", "lead@example.org");

        Assert.Equal(0, code);
        Assert.Contains("Admin account lead@example.org created", output, StringComparison.Ordinal);
        await using var services = await OpenAsync();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("lead@example.org");
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(user, "a long admin passphrase"));
    }

    [Fact]
    public async Task AddAdmin_CommonPassword_RefusedAndNothingCreated()
    {
        var (code, _, error) = await RunAsync("password1234\n", "users", "add-admin", "lead@example.org");

        Assert.Equal(1, code);
        Assert.Contains("commonly used", error, StringComparison.Ordinal);
        await using var services = await OpenAsync();
        await using var scope = services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("lead@example.org"));
    }

    [Fact]
    public async Task AddAdmin_ExistingEmail_RefusedWithExitCode1()
    {
        await RunAsync("a long admin passphrase\n", "users", "add-admin", "lead@example.org");

        var (code, _, error) = await RunAsync("another long passphrase\n", "users", "add-admin", "lead@example.org");

        Assert.Equal(1, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users", "add-admin", "not-an-email")]
    [InlineData("users", "add-admin")]
    [InlineData("nonsense")]
    public async Task Run_BadArguments_PrintsUsageWithExitCode2(params string[] args)
    {
        var (code, _, _) = await RunAsync("", args);

        Assert.Equal(2, code);
    }

    /// <summary>The same database the command wrote to, opened the way the app opens it.</summary>
    private async Task<ServiceProvider> OpenAsync()
    {
        var services = new ServiceCollection().AddLogging().AddInfrastructure(_configuration);
        services.AddIdentityStores();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return provider;
    }
}
