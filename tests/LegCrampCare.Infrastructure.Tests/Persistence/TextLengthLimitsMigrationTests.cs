using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Tests.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Persistence;

/// <summary>
/// TextLengthLimits adds the length limits as CHECK constraints, which SQLite does by rebuilding the tables (the users'
/// table among them, which episodes reference with ON DELETE CASCADE). A database with data from before it keeps every
/// row and every trigger, and then refuses text over a limit even when written past the validators.
/// </summary>
public sealed class TextLengthLimitsMigrationTests
{
    private const string LastMigrationBefore = "20261207141653_RuleSet2026Point2";
    private static readonly DateTime T0 = new(2026, 6, 1, 22, 0, 0, DateTimeKind.Utc);

    public static readonly string[] Triggers = ["Assessments_NoUpdate", "AuditEvents_NoChange", "AuditEvents_NoDelete", "FlagReviews_NoChange"];

    [Fact]
    public async Task Upgrade_DatabaseWithData_KeepsEveryRowAndEveryTrigger()
    {
        await using var database = TestDatabase.Create();
        Directory.CreateDirectory(database.Folder);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBefore);
        }

        await using (var scope = database.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Patient))).Succeeded);
            Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Midwife))).Succeeded);
        }

        var data = new ReviewData(database);
        var patient = await data.PatientAsync();
        var midwife = await database.CreateUserAsync(Roles.Midwife);
        // The episode row as the schema of that time has it (today's model has columns added later), then its assessment.
        var episode = ReviewData.NewEpisode(patient, T0);
        var assessment = ReviewData.NewAssessment(episode, TriageLevel.Urgent, T0.AddMinutes(1), incomplete: false);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            await OldSchemaRows.InsertEpisodeAsync(db, episode);
            await OldSchemaRows.InsertAssessmentAsync(db, assessment);
        }

        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            // Straight into the table: the store would read the assessment in today's shape.
            db.FlagReviews.Add(ReviewData.NewReview(assessment, midwife, T0.AddHours(1)));
            await db.SaveChangesAsync();
        }
        var before = await CountsAsync(database);

        await database.InitializeAsync();

        Assert.Equal(before, await CountsAsync(database));
        Assert.NotNull(await data.Episodes.FindAsync(patient, episode.Id, CancellationToken.None));
        Assert.Equal(Triggers, await TriggersAsync(database));
    }

    [Fact]
    public async Task FreshDatabase_HasEveryTrigger()
    {
        await using var database = await TestDatabase.CreateInitializedAsync();

        Assert.Equal(Triggers, await TriggersAsync(database));
    }

    [Fact]
    public async Task NoteOverTheLimit_WrittenPastTheValidators_IsRefusedByTheDatabase()
    {
        await using var database = await TestDatabase.CreateInitializedAsync();
        var data = new ReviewData(database);
        var patient = await data.PatientAsync();
        var (episode, _) = await data.LogAsync(patient, T0, TriageLevel.None);
        await using var db = await database.Contexts.CreateDbContextAsync();

        var write = () => db.Episodes.Where(e => e.Id == episode.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Notes, new string('a', 2001)));

        var error = await Assert.ThrowsAsync<SqliteException>(write);
        Assert.Contains("CK_Episodes_Notes_Length", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Episodes.Where(e => e.Id == episode.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Notes, new string('a', 2000))));
    }

    private static async Task<string> CountsAsync(TestDatabase database)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        return string.Join(", ",
            await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.Profiles.CountAsync(), await db.Episodes.CountAsync(),
            await db.Assessments.CountAsync(), await db.FlagReviews.CountAsync(), await db.CareGrants.CountAsync(), await db.AuditEvents.CountAsync(),
            await db.PatientNights.CountAsync(), await db.UnreviewedFlags.CountAsync());
    }

    private static async Task<string[]> TriggersAsync(TestDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return [.. names];
    }
}
