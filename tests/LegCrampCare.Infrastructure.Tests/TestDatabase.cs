using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests;

/// <summary>
/// A real SQLite database in a unique temp folder, with the services built the way the app builds them
/// (<c>AddInfrastructure</c> + <c>AddIdentityStores</c> over an in-memory configuration whose <c>Data:Folder</c> is the
/// temp folder). Disposing it deletes the folder (database, -wal and -shm files).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder, ServiceProvider services)
    {
        Folder = folder;
        Services = services;
    }

    public string Folder { get; }

    public ServiceProvider Services { get; }

    public string ConnectionString => Services.GetRequiredService<DatabaseOptions>().EffectiveConnectionString;

    public IDbContextFactory<AppDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    /// <summary>
    /// Builds the services over a fresh, empty data folder; the database does not exist until initialised.
    /// <paramref name="settings"/> are added to the configuration (e.g. <c>Invitations:LinkLifetime</c>).
    /// </summary>
    public static TestDatabase Create(Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "legcrampcare-tests-" + Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?> { ["Data:Folder"] = folder };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection().AddLogging();
        configure?.Invoke(services);
        services.AddInfrastructure(configuration);
        services.AddIdentityStores();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new TestDatabase(folder, provider);
    }

    /// <summary>A fresh database with every migration applied and the roles created, as at app start-up.</summary>
    public static async Task<TestDatabase> CreateInitializedAsync(Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = Create(configure, settings);
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    /// <summary>Runs <paramref name="action"/> with a UserManager from a fresh scope, as a request would.</summary>
    public async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    /// <summary>Creates a user without a password (episodes and profiles need one: they have a foreign key to AspNetUsers).</summary>
    public async Task<string> CreateUserAsync(string? role = null)
    {
        var id = Guid.NewGuid().ToString();
        var user = new ApplicationUser
        {
            Id = id,
            UserName = $"user-{id}@example.com",
            Email = $"user-{id}@example.com",
            CreatedAtUtc = DateTime.UtcNow,
        };
        await WithUserManagerAsync(async users =>
        {
            AssertSucceeded(await users.CreateAsync(user));
            if (role is not null)
            {
                AssertSucceeded(await users.AddToRoleAsync(user, role));
            }

            return id;
        });
        return id;
    }

    public static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));

    public async ValueTask DisposeAsync()
    {
        var connectionString = ConnectionString;
        await Services.DisposeAsync();
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>One migrated database per test class (xUnit class fixture); tests use their own users so they don't interfere.</summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateInitializedAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
