using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests;

/// <summary>
/// A real database with the services built the way the app builds them (<c>AddInfrastructure</c> +
/// <c>AddIdentityStores</c> over an in-memory configuration whose <c>Data:Folder</c> is a unique temp folder): SQLite in
/// that folder, or — when <c>LCC_TEST_DATABASE=PostgreSql</c> — a new database on the PostgreSQL server of
/// <c>LCC_TEST_POSTGRES</c> (ADR 0022; `.ci/run` starts one). Disposing it deletes the folder and drops that database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder, ServiceProvider services, string? postgreSqlDatabase)
    {
        Folder = folder;
        Services = services;
        _postgreSqlDatabase = postgreSqlDatabase;
    }

    private readonly string? _postgreSqlDatabase;

    /// <summary>The provider these tests run on: SQLite unless <c>LCC_TEST_DATABASE</c> says PostgreSql.</summary>
    public static DatabaseProvider Provider =>
        DatabaseOptions.ParseProvider(Environment.GetEnvironmentVariable("LCC_TEST_DATABASE"));

    /// <summary>The PostgreSQL server's connection string for a login role that may create databases.</summary>
    public static string PostgreSqlServer =>
        Environment.GetEnvironmentVariable("LCC_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : "Host=127.0.0.1;Port=5432;Database=postgres;Username=lcc;Password=lcc-ci-only";

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
        string? database = null;
        if (Provider == DatabaseProvider.PostgreSql)
        {
            database = "lcc_test_" + Guid.NewGuid().ToString("N");
            using (var admin = new Npgsql.NpgsqlConnection(PostgreSqlServer))
            {
                admin.Open();
                using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{database}\"";
                create.ExecuteNonQuery();
            }

            values["Database:Provider"] = "PostgreSql";
            values["Database:MigrateOnStart"] = "true";
            values["ConnectionStrings:LegCrampCare"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = database }.ConnectionString;
        }

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
        return new TestDatabase(folder, provider, database);
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

    /// <summary>
    /// Drops a test database. Its last connections may be the server's own (autovacuum), which only a member of
    /// pg_signal_backend may end: tried a few times, and a database left behind never fails a test.
    /// </summary>
    internal static async Task DropPostgreSqlDatabaseAsync(string server, string database)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                await using var admin = new Npgsql.NpgsqlConnection(server);
                await admin.OpenAsync();
                await using var drop = admin.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (Npgsql.PostgresException)
            {
                await Task.Delay(500);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        var options = Services.GetRequiredService<DatabaseOptions>();
        var connectionString = options.EffectiveConnectionString;
        await Services.DisposeAsync();
        if (_postgreSqlDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await DropPostgreSqlDatabaseAsync(PostgreSqlServer, _postgreSqlDatabase);
        }
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            using var connection = new SqliteConnection(connectionString);
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
