using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using LegCrampCare.Infrastructure.Persistence;

namespace LegCrampCare.Infrastructure.Tests.Persistence;

/// <summary>Each test gets its own fresh database file, so "fresh" really means never migrated.</summary>
public sealed class MigrationTests
{
    /// <summary>Fails when an entity or configuration changed without a migration in each provider's set (ADR 0022).</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused")]
    public void Model_ComparedWithEachProvidersLastMigration_HasNoPendingChanges(DatabaseProvider provider, string connectionString)
    {
        var options = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
        using var db = new AppDbContext((DbContextOptions<AppDbContext>)DependencyInjection.UseDatabase(new DbContextOptionsBuilder<AppDbContext>(), options).Options);

        Assert.NotEmpty(db.Database.GetMigrations()); // the provider's own assembly was found
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration captures: add one with dotnet ef migrations add NAME -p src/{options.MigrationsAssembly} -s src/{options.MigrationsAssembly}.");
    }

    [Fact]
    public async Task InitializeAsync_DatabaseFromBeforeTheSquash_StopsSayingToDeleteIt()
    {
        await using var database = await TestDatabase.CreateInitializedAsync();
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261126021335_InitialCreate', '10.0.15')");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InitializeAsync());

        Assert.Contains("20261126021335_InitialCreate", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete that database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_DatabaseMigratedByANewerVersion_StopsSayingSo_NeverToDeleteIt()
    {
        await using var database = await TestDatabase.CreateInitializedAsync();
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '10.0.15')");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InitializeAsync());

        Assert.Contains("newer version", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("delete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_MigrateOnStartOff_AppliesNothing_ReportsThePendingMigrations_HealthSaysRunMigrate()
    {
        await using var database = TestDatabase.Create(settings: new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "false" });

        await database.InitializeAsync();

        var pending = database.Services.GetRequiredService<MigrationStatus>().Pending;
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(db.Database.GetMigrations(), pending);
        }

        var health = await new DatabaseHealthCheck(database.Contexts, database.Services.GetRequiredService<MigrationStatus>())
            .CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
        Assert.Contains("migrate", health.Description, StringComparison.Ordinal);

        // The migrate command's path: applied, and healthy from then on.
        await using (var scope = database.Services.CreateAsyncScope())
        {
            Assert.Equal(pending.Count, await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true));
        }

        Assert.Empty(database.Services.GetRequiredService<MigrationStatus>().Pending);
    }

    /// <summary>`migrate` run on two machines at once (or two nodes starting together): both succeed, nothing twice.</summary>
    [Fact]
    public async Task InitializeAsync_TwoAtOnceOnAFreshDatabase_BothSucceed_EveryRoleAndArticleOnce()
    {
        await using var database = TestDatabase.Create();
        var settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = database.Folder,
            ["Database:Provider"] = TestDatabase.Provider.ToString(),
            ["ConnectionStrings:LegCrampCare"] = database.Services.GetRequiredService<DatabaseOptions>().ConnectionString,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var other = new ServiceCollection().AddLogging().AddInfrastructure(configuration).AddIdentityStores().Services.BuildServiceProvider();

        async Task<int> MigrateAsync(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true);
        }

        await Task.WhenAll(MigrateAsync(database.Services), MigrateAsync(other));

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
        var slugs = await db.GuidanceArticles.Select(a => a.Slug).ToListAsync();
        Assert.NotEmpty(slugs);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
    }

    [Fact]
    public async Task Dates_AnyKindWritten_ReadBackAsUtcToTheMicrosecond()
    {
        await using var database = await TestDatabase.CreateInitializedAsync();
        var unspecified = new DateTime(2026, 12, 8, 3, 12, 45, DateTimeKind.Unspecified).AddTicks(1_234_567);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            db.AuditEvents.Add(new AuditEvent { AtUtc = unspecified, ActorId = "a", ActorRole = "r", Action = "utc.check", Resource = "x", Outcome = "success" });
            await db.SaveChangesAsync();
        }

        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            var stored = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == "utc.check");
            Assert.Equal(DateTimeKind.Utc, stored.AtUtc.Kind);
            Assert.Equal(new DateTime(2026, 12, 8, 3, 12, 45, DateTimeKind.Utc).AddTicks(1_234_560), stored.AtUtc);
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.AtUtc == unspecified)); // a query parameter is converted the same way
        }
    }

    [Fact]
    public async Task InitializeAsync_FreshDatabase_AppliesEveryMigration()
    {
        await using var database = TestDatabase.Create();

        await database.InitializeAsync();

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.NotEmpty(db.Database.GetMigrations());
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            Assert.True(File.Exists(Path.Combine(database.Folder, "legcrampcare.db")));
        }
    }

    [Fact]
    public async Task InitializeAsync_FreshDatabase_CreatesEveryRole()
    {
        await using var database = TestDatabase.Create();

        await database.InitializeAsync();

        Assert.Equal(
            new[] { Roles.Admin, Roles.ClinicalApprover, Roles.Editor, Roles.Midwife, Roles.Patient },
            await RoleNamesAsync(database));
    }

    [Fact]
    public async Task InitializeAsync_RunTwice_IsIdempotent()
    {
        await using var database = TestDatabase.Create();
        await database.InitializeAsync();
        var userId = await database.CreateUserAsync(Roles.Patient);

        await database.InitializeAsync();

        Assert.Equal(
            new[] { Roles.Admin, Roles.ClinicalApprover, Roles.Editor, Roles.Midwife, Roles.Patient },
            await RoleNamesAsync(database));
        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.Users.AnyAsync(u => u.Id == userId));
        Assert.Equal(1, await db.UserRoles.CountAsync(r => r.UserId == userId));
    }

    private static async Task<string?[]> RoleNamesAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var names = await roles.Roles.Select(r => r.Name).ToListAsync();
        return [.. names.Order(StringComparer.Ordinal)];
    }
}
