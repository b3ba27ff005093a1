using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Persistence;

/// <summary>Each test gets its own fresh database file, so "fresh" really means never migrated.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Model_ComparedWithLastMigration_HasNoPendingChanges()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add`.
        await using var database = TestDatabase.Create();
        await using var db = await database.Contexts.CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: add a migration.");
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
        Assert.True(File.Exists(Path.Combine(database.Folder, "legcrampcare.db")));
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
