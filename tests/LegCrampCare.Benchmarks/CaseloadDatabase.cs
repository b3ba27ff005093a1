using System.Diagnostics;
using System.Globalization;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Benchmarks;

/// <summary>
/// A SQLite file with the app's schema (every migration) and the caseload target's data: one midwife with 1,000
/// patients (profiles in four time zones, one grant each) and 1,000,000 episodes (1,000 per patient over 200 nights),
/// each with one assessment (85 % NONE, 10 % ROUTINE of which a third only incomplete, 4 % URGENT, 1 % EMERGENCY),
/// reviews (every flag for a third of the patients, most flags for the others), and the summaries the app keeps on
/// write (filled in with INSERT … SELECT like the AddMidwifeReview migration's backfill, here also leaving out reviewed
/// flags). Seeded once with bulk inserts in one transaction (one to two minutes) and reused by later runs: the folder is
/// in the temp folder, and a marker file says the seed finished.
/// </summary>
public static class CaseloadDatabase
{
    public const int Patients = 1_000;

    /// <summary>1,000 (the target); the environment variable LCC_BENCH_EPISODES_PER_PATIENT makes a small database for a quick check of the set-up.</summary>
    public static int EpisodesPerPatient { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("LCC_BENCH_EPISODES_PER_PATIENT"), out var n) && n > 0 ? n : 1_000;
    public const string MidwifeId = "bench-midwife";

    /// <summary>The instant every figure is computed at, so a reused database gives the same answers on any day.</summary>
    public static readonly DateTime NowUtc = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    public static readonly string[] Zones = ["Europe/London", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"];

    private const string Version = "caseload-v5";

    public static string Folder => Path.Combine(Path.GetTempPath(), "legcrampcare-bench", $"{Version}-{EpisodesPerPatient}");

    public static string ConnectionString => $"Data Source={Path.Combine(Folder, "legcrampcare.db")}";

    private static string Marker => Path.Combine(Folder, "seeded.txt");

    /// <summary>The app's services (Infrastructure) over the benchmark database.</summary>
    public static ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = Folder })
            .Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
    }

    /// <summary>Creates and seeds the database unless a finished one is there.</summary>
    public static async Task EnsureSeededAsync(ServiceProvider services)
    {
        if (File.Exists(Marker))
        {
            Console.WriteLine($"// Caseload database: reusing {Folder}");
            return;
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
        var watch = Stopwatch.StartNew();
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await ExecAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
            await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                await SeedRowsAsync(connection, tx);
                await tx.CommitAsync();
            }

            Console.WriteLine($"// Caseload database: rows inserted after {watch.Elapsed.TotalSeconds:F0} s; computing the summaries");
            await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                await ExecAsync(connection, SummarySql, tx);
                await tx.CommitAsync();
            }

            await ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(Marker, $"{Version} seeded {DateTime.UtcNow:O} in {watch.Elapsed.TotalSeconds:F0} s\n");
        Console.WriteLine($"// Caseload database: seeded in {watch.Elapsed.TotalSeconds:F0} s at {Folder}");
    }

    /// <summary>
    /// The summaries, from the rows (one assessment per episode, so the current one is the only one); her activity counts
    /// only her current pregnancy (nights from her due date − 280 days), as Stores/SummaryWriter keeps it.
    /// </summary>
    private const string SummarySql =
        "INSERT INTO PatientNights (PatientId, Night, EpisodeCount) SELECT PatientId, Night, COUNT(*) FROM Episodes GROUP BY PatientId, Night; " +
        "INSERT INTO UnreviewedFlags (EpisodeId, PatientId, AssessmentId, Level, SinceUtc) " +
        "SELECT a.EpisodeId, a.PatientId, a.Id, a.Level, a.AssessedAtUtc FROM Assessments a " +
        "WHERE a.Level > 0 AND a.IsIncomplete = 0 AND NOT EXISTS (SELECT 1 FROM FlagReviews r WHERE r.AssessmentId = a.Id); " +
        "CREATE TEMP TABLE Scope AS SELECT UserId AS PatientId, COALESCE(date(COALESCE(DueDate, BirthDate), '-280 days'), '0001-01-01') AS FirstNight FROM PregnancyProfiles; " +
        "CREATE UNIQUE INDEX temp.IX_Scope ON Scope (PatientId); " +
        "CREATE TEMP TABLE ScopedFlags AS SELECT f.PatientId, f.Level, f.SinceUtc FROM UnreviewedFlags f " +
        " JOIN Episodes e ON e.Id = f.EpisodeId JOIN Scope s ON s.PatientId = f.PatientId WHERE e.Night >= s.FirstNight; " +
        "CREATE INDEX temp.IX_ScopedFlags ON ScopedFlags (PatientId, Level); " +
        "INSERT INTO PatientActivity (PatientId, LastEpisodeAtUtc, UnreviewedRoutine, UnreviewedUrgent, UnreviewedEmergency, OldestAtHighestUtc, LatestNight, RecentNights) " +
        "SELECT e.PatientId, MAX(e.StartedAtUtc), " +
        " (SELECT COUNT(*) FROM ScopedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 1), " +
        " (SELECT COUNT(*) FROM ScopedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 2), " +
        " (SELECT COUNT(*) FROM ScopedFlags f WHERE f.PatientId = e.PatientId AND f.Level = 3), " +
        " (SELECT MIN(f.SinceUtc) FROM ScopedFlags f WHERE f.PatientId = e.PatientId " +
        "    AND f.Level = (SELECT MAX(g.Level) FROM ScopedFlags g WHERE g.PatientId = e.PatientId)), " +
        " MAX(e.Night), 0 " +
        "FROM Episodes e JOIN Scope s ON s.PatientId = e.PatientId WHERE e.Night >= s.FirstNight GROUP BY e.PatientId; " +
        "UPDATE PatientActivity SET RecentNights = COALESCE((" +
        " SELECT SUM(1 << CAST(julianday(PatientActivity.LatestNight) - julianday(n.Night) AS INTEGER)) FROM PatientNights n " +
        " WHERE n.PatientId = PatientActivity.PatientId AND julianday(PatientActivity.LatestNight) - julianday(n.Night) < 63" +
        "   AND n.Night >= (SELECT s.FirstNight FROM Scope s WHERE s.PatientId = n.PatientId)), 0); " +
        "DROP TABLE ScopedFlags; DROP TABLE Scope;";

    private static async Task SeedRowsAsync(SqliteConnection connection, SqliteTransaction tx)
    {
        var random = new Random(20261126);
        var today = DateOnly.FromDateTime(NowUtc);
        var users = await Inserter.CreateAsync(connection, tx, "AspNetUsers", ["Id", "UserName", "NormalizedUserName", "CreatedAtUtc"]);
        await users.InsertAsync(MidwifeId, "midwife@bench.test", "MIDWIFE@BENCH.TEST", Text(NowUtc.AddYears(-1)));
        var profiles = await Inserter.CreateAsync(connection, tx, "PregnancyProfiles",
            ["UserId", "DisplayName", "DateOfBirth", "DueDate", "BirthDate", "TimeZoneId", "RiskFactors", "Theme", "CreatedAtUtc", "UpdatedAtUtc"]);
        var grants = await Inserter.CreateAsync(connection, tx, "CareGrants", ["Id", "PatientId", "MidwifeId", "Method", "CreatedAtUtc", "CoversFrom"]);
        var episodes = await Inserter.CreateAsync(connection, tx, "Episodes", ["Id", "ClientId", "PatientId", "StartedAtUtc", "Night", "Side", "CreatedAtUtc", "UpdatedAtUtc"]);
        var assessments = await Inserter.CreateAsync(connection, tx, "Assessments",
            ["Id", "EpisodeId", "PatientId", "AssessedAtUtc", "Reason", "RuleSetVersion", "Level", "FiredRules", "IsIncomplete", "InputsJson", "GuidanceShown"]);
        var reviews = await Inserter.CreateAsync(connection, tx, "FlagReviews",
            ["Id", "PatientId", "EpisodeId", "AssessmentId", "MidwifeId", "ReviewerName", "Note", "AtUtc"]);

        for (var p = 0; p < Patients; p++)
        {
            var patientId = $"bench-patient-{p:D4}";
            var zoneId = Zones[p % Zones.Length];
            var zone = PregnancyCalendar.FindZoneOrUtc(zoneId);

            // Due dates from 90 days ago to 209 days ahead: every grant active (14 weeks after the due date), stages from
            // the first trimester to after the birth; some births recorded. Episodes go back 200 days, so for those due
            // more than 80 days ahead some are from before this pregnancy: the caseload must leave them out.
            var due = today.AddDays(((p * 37) % 300) - 90);
            DateOnly? birth = due <= today && due >= today.AddDays(-60) && p % 2 == 0 ? due.AddDays(-3) : null;
            await users.InsertAsync(patientId, $"{patientId}@bench.test", $"{patientId.ToUpperInvariant()}@BENCH.TEST", Text(NowUtc.AddDays(-300)));
            await profiles.InsertAsync(patientId, $"Patient {p:D4}", "1992-04-01", Date(due), birth is null ? null : Date(birth.Value), zoneId, 0L, 0, Text(NowUtc.AddDays(-300)), Text(NowUtc.AddDays(-300)));
            await grants.InsertAsync(Text(Guid.NewGuid()), patientId, MidwifeId, 2, Text(NowUtc.AddDays(-30)), Date(due.AddDays(-PregnancyCalendar.FullTermDays)));

            for (var e = 0; e < EpisodesPerPatient; e++)
            {
                var started = NowUtc.AddMinutes(-random.Next(60, 200 * 24 * 60));
                var episodeId = Guid.NewGuid();
                await episodes.InsertAsync(Text(episodeId), Text(episodeId), patientId, Text(started), Date(PregnancyCalendar.NightOf(started, zone)), 1 + random.Next(3), Text(started), Text(started));

                var roll = random.NextDouble();
                var level = roll < 0.01 ? TriageLevel.Emergency : roll < 0.05 ? TriageLevel.Urgent : roll < 0.15 ? TriageLevel.Routine : TriageLevel.None;
                var incomplete = level == TriageLevel.Routine && random.Next(3) == 0;
                var assessmentId = Guid.NewGuid();
                var assessed = started.AddMinutes(2);
                await assessments.InsertAsync(Text(assessmentId), Text(episodeId), patientId, Text(assessed), 1, "2026.1", (int)level, "", incomplete ? 1 : 0, "{}", "");

                // A third of the patients have had every flag reviewed; for the others, most flags older than three days
                // and a third of the recent ones.
                var reviewed = level > TriageLevel.None && !incomplete
                    && (p % 3 == 0 || random.NextDouble() < (started < NowUtc.AddDays(-3) ? 0.95 : 0.3));
                if (reviewed)
                {
                    await reviews.InsertAsync(Text(Guid.NewGuid()), patientId, Text(episodeId), Text(assessmentId), MidwifeId, "Bench Midwife", "Seen.", Text(assessed.AddHours(6)));
                }
            }

            if (p % 100 == 99)
            {
                Console.WriteLine($"// Caseload database: {p + 1} patients seeded");
            }
        }
    }

    public static string Text(DateTime utc) => utc.ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ExecAsync(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// One prepared INSERT per table: the given columns take the values passed, every other required column its zero
    /// value (unanswered questions, no notes).
    /// </summary>
    private sealed class Inserter(SqliteCommand command, SqliteParameter[] parameters)
    {
        public static async Task<Inserter> CreateAsync(SqliteConnection connection, SqliteTransaction tx, string table, string[] given)
        {
            var fill = new List<(string Name, object Value)>();
            await using (var info = connection.CreateCommand())
            {
                info.Transaction = tx;
                info.CommandText = $"PRAGMA table_info(\"{table}\")";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var name = reader.GetString(1);
                    if (reader.GetInt32(3) == 1 && reader.IsDBNull(4) && !given.Contains(name))
                    {
                        fill.Add((name, reader.GetString(2).StartsWith("INTEGER", StringComparison.OrdinalIgnoreCase) ? 0 : ""));
                    }
                }
            }

            var command = connection.CreateCommand();
            command.Transaction = tx;
            var columns = given.Concat(fill.Select(f => f.Name)).ToList();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = new SqliteParameter[given.Length];
            for (var i = 0; i < columns.Count; i++)
            {
                var parameter = command.Parameters.Add($"$p{i}", SqliteType.Text);
                if (i < given.Length)
                {
                    parameters[i] = parameter;
                }
                else
                {
                    parameter.SqliteType = fill[i - given.Length].Value is int ? SqliteType.Integer : SqliteType.Text;
                    parameter.Value = fill[i - given.Length].Value;
                }
            }

            command.Prepare();
            return new Inserter(command, parameters);
        }

        public Task InsertAsync(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].SqliteType = values[i] is int or long ? SqliteType.Integer : SqliteType.Text;
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            // Synchronous on purpose: SQLite does no real I/O wait here, and a million awaits would only add overhead.
            command.ExecuteNonQuery();
            return Task.CompletedTask;
        }
    }
}
