using System.Globalization;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LegCrampCare.Infrastructure.Tests.Review;

/// <summary>
/// A database from before AddMidwifeReview, with episodes and assessments already in it, upgraded by the app's start-up:
/// the new summaries are filled in from what was there, and the next write keeps them right.
/// </summary>
public sealed class MigrationBackfillTests
{
    private const string LastMigrationBefore = "20261126051609_AddSharing";
    private static readonly DateTime T0 = new(2026, 6, 1, 22, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AddMidwifeReview_DatabaseWithEpisodes_BackfillsTheSummaries()
    {
        await using var database = TestDatabase.Create();
        Directory.CreateDirectory(database.Folder);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBefore);
        }

        var anna = Guid.NewGuid().ToString();
        var bea = Guid.NewGuid().ToString();
        Guid escalated, settled, flagged, onlyIncomplete;
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            Assert.DoesNotContain("MidwifeCalfDifferenceCm", await ColumnsAsync(connection, "Episodes"));
            await InsertUserAsync(connection, anna);
            await InsertUserAsync(connection, bea);

            // Anna: an episode that went ROUTINE (incomplete) → URGENT → EMERGENCY, waiting since it first became a flag;
            // one that was URGENT and then an ordinary cramp; two on the same night.
            escalated = await InsertEpisodeAsync(connection, anna, T0, new DateOnly(2026, 6, 1));
            await InsertAssessmentAsync(connection, escalated, anna, T0.AddMinutes(1), TriageLevel.Routine, incomplete: true);
            await InsertAssessmentAsync(connection, escalated, anna, T0.AddMinutes(10), TriageLevel.Urgent);
            await InsertAssessmentAsync(connection, escalated, anna, T0.AddMinutes(20), TriageLevel.Emergency);
            settled = await InsertEpisodeAsync(connection, anna, T0.AddHours(2), new DateOnly(2026, 6, 1));
            await InsertAssessmentAsync(connection, settled, anna, T0.AddHours(2).AddMinutes(1), TriageLevel.Urgent);
            await InsertAssessmentAsync(connection, settled, anna, T0.AddHours(2).AddMinutes(5), TriageLevel.None);

            // Bea: a ROUTINE flag after an ordinary cramp result, and an episode whose only result is incomplete.
            flagged = await InsertEpisodeAsync(connection, bea, T0.AddDays(-3), new DateOnly(2026, 5, 29));
            await InsertAssessmentAsync(connection, flagged, bea, T0.AddDays(-3).AddMinutes(1), TriageLevel.None);
            await InsertAssessmentAsync(connection, flagged, bea, T0.AddDays(-3).AddMinutes(30), TriageLevel.Routine);
            onlyIncomplete = await InsertEpisodeAsync(connection, bea, T0.AddDays(-1), new DateOnly(2026, 5, 31));
            await InsertAssessmentAsync(connection, onlyIncomplete, bea, T0.AddDays(-1).AddMinutes(1), TriageLevel.Routine, incomplete: true);
        }

        await database.InitializeAsync();

        var data = new ReviewData(database);
        await data.AssertSummariesRightAsync(anna);
        await data.AssertSummariesRightAsync(bea);
        var annas = await data.StoredAsync(anna);
        Assert.Equal([(new DateOnly(2026, 6, 1), 2)], annas.Nights);
        Assert.Equal((new DateOnly(2026, 6, 1), 1L), (annas.Activity!.LatestNight!.Value, annas.Activity.RecentNights));
        Assert.Equal((1, 0, T0.AddMinutes(10), T0.AddHours(2)), (annas.Activity!.UnreviewedEmergency, annas.Activity.UnreviewedUrgent, annas.Activity.OldestAtHighestUtc!.Value, annas.Activity.LastEpisodeAtUtc!.Value));
        var beas = await data.StoredAsync(bea);
        Assert.Equal([(new DateOnly(2026, 5, 29), 1), (new DateOnly(2026, 5, 31), 1)], beas.Nights);
        Assert.Equal((new DateOnly(2026, 5, 31), 0b101L), (beas.Activity!.LatestNight!.Value, beas.Activity.RecentNights));
        Assert.Equal((1, T0.AddDays(-3).AddMinutes(30)), (beas.Activity!.UnreviewedRoutine, beas.Activity.OldestAtHighestUtc!.Value));

        // The next write, through the store, keeps them right.
        var episode = await data.Episodes.FindAsync(anna, escalated, CancellationToken.None);
        Assert.NotNull(episode);
        await data.Episodes.UpdateAsync(episode, ReviewData.NewAssessment(episode, TriageLevel.None, T0.AddDays(1)), CancellationToken.None);
        await data.AssertSummariesRightAsync(anna);
        Assert.Equal(0, (await data.StoredAsync(anna)).Activity!.UnreviewedCount);
        Assert.NotEqual(settled, onlyIncomplete);
        Assert.NotEqual(flagged, onlyIncomplete);
    }

    [Fact]
    public async Task ScopeCaseloadToCurrentPregnancy_FlagsAndCrampsFromAnEarlierPregnancy_AreTakenOutOfTheSummary()
    {
        await using var database = TestDatabase.Create();
        Directory.CreateDirectory(database.Folder);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261126062931_AddCaseloadNightMask");
        }

        // Cleo is pregnant again (due 1 October 2026: from 25 December 2025). An EMERGENCY flag from her first pregnancy and
        // a ROUTINE one from this one wait unreviewed; the summary kept before this migration counted both.
        var cleo = Guid.NewGuid().ToString();
        var dora = Guid.NewGuid().ToString();
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await InsertUserAsync(connection, cleo);
            await InsertUserAsync(connection, dora);
            await InsertAsync(connection, "PregnancyProfiles", new()
            {
                ["UserId"] = cleo,
                ["DisplayName"] = "Cleo",
                ["DateOfBirth"] = "1990-01-01",
                ["DueDate"] = "2026-10-01",
                ["TimeZoneId"] = "Europe/London",
                ["CreatedAtUtc"] = Text(T0),
                ["UpdatedAtUtc"] = Text(T0),
            });
            var before = await InsertEpisodeAsync(connection, cleo, new DateTime(2025, 3, 1, 22, 0, 0, DateTimeKind.Utc), new DateOnly(2025, 3, 1));
            var beforeFlag = await InsertAssessmentAsync(connection, before, cleo, new DateTime(2025, 3, 1, 22, 5, 0, DateTimeKind.Utc), TriageLevel.Emergency);
            await InsertFlagAsync(connection, before, cleo, beforeFlag, TriageLevel.Emergency, new DateTime(2025, 3, 1, 22, 5, 0, DateTimeKind.Utc));
            var now = await InsertEpisodeAsync(connection, cleo, T0, new DateOnly(2026, 6, 1));
            var nowFlag = await InsertAssessmentAsync(connection, now, cleo, T0.AddMinutes(5), TriageLevel.Routine);
            await InsertFlagAsync(connection, now, cleo, nowFlag, TriageLevel.Routine, T0.AddMinutes(5));

            // Dora has no profile: everything of hers still counts.
            var doras = await InsertEpisodeAsync(connection, dora, new DateTime(2025, 3, 1, 22, 0, 0, DateTimeKind.Utc), new DateOnly(2025, 3, 1));
            var dorasFlag = await InsertAssessmentAsync(connection, doras, dora, new DateTime(2025, 3, 1, 22, 5, 0, DateTimeKind.Utc), TriageLevel.Urgent);
            await InsertFlagAsync(connection, doras, dora, dorasFlag, TriageLevel.Urgent, new DateTime(2025, 3, 1, 22, 5, 0, DateTimeKind.Utc));
            await using var nights = connection.CreateCommand();
            nights.CommandText = "INSERT INTO PatientNights (PatientId, Night, EpisodeCount) VALUES ($c, '2025-03-01', 1), ($c, '2026-06-01', 1), ($d, '2025-03-01', 1)";
            nights.Parameters.AddWithValue("$c", cleo);
            nights.Parameters.AddWithValue("$d", dora);
            await nights.ExecuteNonQueryAsync();
        }

        await database.InitializeAsync();

        var data = new ReviewData(database);
        await data.AssertSummariesRightAsync(cleo);
        await data.AssertSummariesRightAsync(dora);
        var cleos = (await data.StoredAsync(cleo)).Activity!;
        Assert.Equal((0, 1, T0.AddMinutes(5), T0), (cleos.UnreviewedEmergency, cleos.UnreviewedRoutine, cleos.OldestAtHighestUtc!.Value, cleos.LastEpisodeAtUtc!.Value));
        Assert.Equal((new DateOnly(2026, 6, 1), 1L), (cleos.LatestNight!.Value, cleos.RecentNights));
        Assert.Equal(1, (await data.StoredAsync(dora)).Activity!.UnreviewedUrgent);
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        var names = new List<string>();
        await using var info = connection.CreateCommand();
        info.CommandText = $"PRAGMA table_info(\"{table}\")";
        await using var reader = await info.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(1));
        }

        return names;
    }

    private static Task InsertFlagAsync(SqliteConnection connection, Guid episodeId, string patientId, Guid assessmentId, TriageLevel level, DateTime sinceUtc) =>
        InsertAsync(connection, "UnreviewedFlags", new()
        {
            ["EpisodeId"] = Text(episodeId),
            ["PatientId"] = patientId,
            ["AssessmentId"] = Text(assessmentId),
            ["Level"] = (int)level,
            ["SinceUtc"] = Text(sinceUtc),
        });

    private static string Text(DateTime utc) => utc.ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static Task InsertUserAsync(SqliteConnection connection, string id) => InsertAsync(connection, "AspNetUsers", new()
    {
        ["Id"] = id,
        ["UserName"] = $"user-{id}@example.com",
        ["NormalizedUserName"] = $"USER-{id}@EXAMPLE.COM",
        ["CreatedAtUtc"] = Text(T0.AddDays(-100)),
    });

    private static async Task<Guid> InsertEpisodeAsync(SqliteConnection connection, string patientId, DateTime startedUtc, DateOnly night)
    {
        var id = Guid.NewGuid();
        await InsertAsync(connection, "Episodes", new()
        {
            ["Id"] = Text(id),
            ["PatientId"] = patientId,
            ["StartedAtUtc"] = Text(startedUtc),
            ["Night"] = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Side"] = (int)Side.Left,
            ["CreatedAtUtc"] = Text(startedUtc),
            ["UpdatedAtUtc"] = Text(startedUtc),
        });
        return id;
    }

    private static async Task<Guid> InsertAssessmentAsync(SqliteConnection connection, Guid episodeId, string patientId, DateTime atUtc, TriageLevel level, bool incomplete = false)
    {
        var id = Guid.NewGuid();
        await InsertAsync(connection, "Assessments", new()
        {
            ["Id"] = Text(id),
            ["EpisodeId"] = Text(episodeId),
            ["PatientId"] = patientId,
            ["AssessedAtUtc"] = Text(atUtc),
            ["Reason"] = (int)AssessmentReason.Edited,
            ["RuleSetVersion"] = "2026.1",
            ["Level"] = (int)level,
            ["FiredRules"] = incomplete ? "FS-1" : "",
            ["IsIncomplete"] = incomplete ? 1 : 0,
            ["RcogPoints"] = 0,
            ["HighRiskContext"] = 0,
            ["InputsJson"] = "{}",
            ["GuidanceShown"] = "",
        });
        return id;
    }

    /// <summary>Inserts a row as the old schema has it: given values, and a zero or empty text for any other required column.</summary>
    private static async Task InsertAsync(SqliteConnection connection, string table, Dictionary<string, object> values)
    {
        var columns = new List<(string Name, string Type, bool NotNull, bool HasDefault)>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(1), reader.GetString(2), reader.GetInt32(3) == 1, !reader.IsDBNull(4)));
            }
        }

        var row = new Dictionary<string, object>(values);
        foreach (var column in columns.Where(c => c.NotNull && !c.HasDefault && !row.ContainsKey(c.Name)))
        {
            row[column.Name] = column.Type.StartsWith("INTEGER", StringComparison.OrdinalIgnoreCase) ? 0 : "";
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", row.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", row.Keys.Select((_, i) => $"$p{i}"))})";
        var index = 0;
        foreach (var value in row.Values)
        {
            insert.Parameters.AddWithValue($"$p{index++}", value);
        }

        await insert.ExecuteNonQueryAsync();
    }
}
