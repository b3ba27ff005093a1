using System.Collections.Concurrent;
using System.Data.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Infrastructure.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Review;

/// <summary>
/// Every statement the caseload and the summary upkeep send to SQLite, captured as EF Core sends it (with its
/// parameters) and run again under EXPLAIN QUERY PLAN on real SQLite: each one searches through an index or a primary
/// key, and none scans a table.
/// </summary>
public sealed class QueryPlanTests
{
    private static readonly DateTime T0 = new(2026, 6, 9, 23, 0, 0, DateTimeKind.Utc);

    [SqliteFact]
    public async Task CaseloadQuery_OnRealSqlite_SearchesThroughIndexesAndScansNoTable()
    {
        await using var database = await TestDatabase.CreateInitializedAsync();
        var (midwife, _) = await SeedAsync(database);
        var candidates = await new ReviewData(database).Caseloads.ListCandidatesAsync(midwife, CancellationToken.None);

        var plans = await ExplainAsync(database, [new Recorded(CaseloadStore.CandidatesSql, [("@midwifeId", midwife)])]);

        Assert.Equal(12, candidates.Count);
        var plan = Assert.Single(plans).Plan;
        AssertNoScan(plans);
        Assert.Contains(plan, l => l.Contains("USING INDEX IX_CareGrants_MidwifeId_RevokedAtUtc (MidwifeId=? AND RevokedAtUtc=?)", StringComparison.Ordinal));
        Assert.Contains(plan, l => l.Contains("USING INDEX sqlite_autoindex_PregnancyProfiles_1 (UserId=?)", StringComparison.Ordinal));
        Assert.Contains(plan, l => l.Contains("USING INDEX sqlite_autoindex_PatientActivity_1 (PatientId=?)", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task SummaryUpkeepOnEveryWrite_OnRealSqlite_SearchesThroughIndexesAndScansNoTable()
    {
        await using var database = await TestDatabase.CreateInitializedAsync();
        var (midwife, patients) = await SeedAsync(database);
        var (contexts, recorder) = Recording(database);
        var store = new EpisodeStore(contexts, new EpisodeWriter(contexts, Microsoft.Extensions.Logging.Abstractions.NullLogger<EpisodeWriter>.Instance));
        var patient = patients[0];

        recorder.Start();
        var episode = ReviewData.NewEpisode(patient, T0.AddHours(1));
        var first = ReviewData.NewAssessment(episode, TriageLevel.Urgent, T0.AddHours(2));
        await store.AddIfAbsentAsync(episode, first, CancellationToken.None);
        episode.StartedAtUtc = T0.AddDays(-2);
        episode.Night = PregnancyCalendar.NightOf(episode.StartedAtUtc, ReviewData.London);
        var second = ReviewData.NewAssessment(episode, TriageLevel.Emergency, T0.AddHours(3));
        await store.UpdateAsync(episode, second, CancellationToken.None);
        await store.AddReviewAsync(ReviewData.NewReview(second, midwife, T0.AddHours(4)), CancellationToken.None);
        await store.RecordMidwifeCalfDifferenceAsync(patient, episode.Id, 2.5m, ReviewData.NewAssessment(episode, TriageLevel.Urgent, T0.AddHours(5)), CancellationToken.None);
        await store.DeleteAsync(patient, episode.Id, CancellationToken.None);
        recorder.Stop();

        var plans = await ExplainAsync(database, recorder.Commands);
        Assert.True(plans.Count >= 10, $"Only {plans.Count} statements were explained.");
        AssertNoScan(plans);
        Assert.Contains(plans, p => p.Plan.Any(l => l.Contains("USING COVERING INDEX IX_Episodes_PatientId_Night (PatientId=? AND Night=?)", StringComparison.Ordinal)));

        // Her latest episode: the newest entry of (PatientId, StartedAtUtc), no sort.
        var latest = plans.Where(p => p.Plan.Any(l => l.Contains("INDEX IX_Episodes_PatientId_StartedAtUtc (PatientId=?)", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(latest);
        Assert.All(latest, p => Assert.DoesNotContain(p.Plan, l => l.Contains("TEMP B-TREE", StringComparison.Ordinal)));

        // Her unreviewed flags, each checked against its episode's night by primary key: never a walk over her episodes.
        var flags = plans.Where(p => p.Sql.Contains("FROM \"UnreviewedFlags\"", StringComparison.Ordinal) && p.Sql.Contains("GROUP BY", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(flags);
        Assert.All(flags, p => Assert.Contains(p.Plan, l => l.Contains("USING INDEX IX_UnreviewedFlags_PatientId_Level_SinceUtc (PatientId=?)", StringComparison.Ordinal)));
        Assert.All(flags, p => Assert.Contains(p.Plan, l => l.Contains("EXISTS USING INDEX sqlite_autoindex_Episodes_1 (Id=?)", StringComparison.Ordinal)));

        // Her recent nights for the night mask: her newest 63 nights in this pregnancy, read backwards along the key (PatientId, Night).
        var nights = plans.Where(p => p.Sql.Contains("FROM \"PatientNights\"", StringComparison.Ordinal) && p.Sql.Contains("ORDER BY", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(nights);
        Assert.All(nights, n => Assert.Contains(n.Plan, l => l.Contains("USING COVERING INDEX sqlite_autoindex_PatientNights_1 (PatientId=? AND Night>?)", StringComparison.Ordinal)));
    }

    private static void AssertNoScan(IReadOnlyList<(string Sql, IReadOnlyList<string> Plan)> plans)
    {
        foreach (var (sql, plan) in plans)
        {
            Assert.True(plan.Count > 0, "No plan for: " + sql);
            // "SCAN CONSTANT ROW" is the one-row SELECT around EXISTS: no table.
            Assert.False(plan.Any(l => l.StartsWith("SCAN ", StringComparison.Ordinal) && l != "SCAN CONSTANT ROW"), $"A table is scanned:\n{string.Join("\n", plan)}\nfor\n{sql}");
            Assert.True(
                plan.Any(l => l.Contains("USING INDEX", StringComparison.Ordinal) || l.Contains("USING COVERING INDEX", StringComparison.Ordinal)
                              || l.Contains("USING PRIMARY KEY", StringComparison.Ordinal) || l.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal)),
                $"No index is used:\n{string.Join("\n", plan)}\nfor\n{sql}");
        }
    }

    /// <summary>A midwife with 12 patients in three time zones, each with 30 episodes over 60 nights, some flagged and some reviewed.</summary>
    private static async Task<(string Midwife, IReadOnlyList<string> Patients)> SeedAsync(TestDatabase database)
    {
        var data = new ReviewData(database);
        var midwife = await database.CreateUserAsync(Roles.Midwife);
        var patients = new List<string>();
        var random = new Random(7);
        var zones = new[] { "Europe/London", "America/New_York", "Pacific/Auckland" };
        for (var p = 0; p < 12; p++)
        {
            var patient = await data.PatientAsync($"Patient {p}", zones[p % zones.Length]);
            await data.GrantAsync(patient, midwife);
            patients.Add(patient);
            for (var e = 0; e < 30; e++)
            {
                var level = (TriageLevel)random.Next(4);
                var (_, assessment) = await data.LogAsync(patient, T0.AddHours(-random.Next(1, 60 * 24)), level);
                if (level > TriageLevel.None && random.Next(2) == 0)
                {
                    await data.Episodes.AddReviewAsync(ReviewData.NewReview(assessment, midwife, T0), CancellationToken.None);
                }
            }
        }

        return (midwife, patients);
    }

    private static (IDbContextFactory<AppDbContext> Contexts, CommandRecorder Recorder) Recording(TestDatabase database)
    {
        var recorder = new CommandRecorder();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(database.ConnectionString)
            .AddInterceptors(database.Services.GetRequiredService<SqliteDurabilityInterceptor>(), recorder)
            .Options;
        return (new Factory(options), recorder);
    }

    /// <summary>EXPLAIN QUERY PLAN for each recorded single-statement SELECT, UPDATE or DELETE, with the parameters it was sent with.</summary>
    private static async Task<IReadOnlyList<(string Sql, IReadOnlyList<string> Plan)>> ExplainAsync(TestDatabase database, IEnumerable<Recorded> commands)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var command in commands)
        {
            var sql = command.Sql.Trim().TrimEnd(';');
            var explainable = sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
            if (!explainable || sql.Contains(';', StringComparison.Ordinal))
            {
                continue;
            }

            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in command.Parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var plan = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            result.Add((sql, plan));
        }

        return result;
    }

    private sealed record Recorded(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Keeps the text and parameters of every command EF Core sends while recording.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<Recorded> _commands = new();
        private volatile bool _on;

        public IReadOnlyList<Recorded> Commands => _commands.ToList();

        public void Start() => _on = true;

        public void Stop() => _on = false;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (_on)
            {
                _commands.Enqueue(new Recorded(
                    command.CommandText,
                    command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            }
        }
    }

    private sealed class Factory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }
}
