using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Infrastructure.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LegCrampCare.Benchmarks;

/// <summary>
/// The midwife's caseload at the target scale (<see cref="CaseloadDatabase"/>: 1,000 patients, all hers, 1,000,000
/// episodes), server side: <see cref="CaseloadService.ListAsync"/> as the app runs it, through the real
/// <see cref="CaseloadStore"/> over the summaries kept on write, against the same service over a store that computes the
/// same answer from the raw episodes on every call (the baseline). Setup checks that both give the same rows. After the
/// measured iterations, <see cref="SampleLatencies"/> times single calls one by one and prints p50, p90, p99 and max,
/// because BenchmarkDotNet's iterations average many calls and would hide the tail.
/// </summary>
[Config(typeof(PercentilesConfig))]
[MemoryDiagnoser]
public class CaseloadBenchmarks
{
    private ServiceProvider? _services;
    private CaseloadService _fromSummaries = null!;
    private CaseloadService _fromRawEpisodes = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private void Cleanup()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>What the app runs: the summaries, through indexes.</summary>
    [Benchmark]
    public int CaseloadFromSummaries() => _fromSummaries.ListAsync().GetAwaiter().GetResult().Value!.Count;

    /// <summary>The same answer from the raw episodes and assessments (GROUP BY over Episodes and Assessments).</summary>
    [Benchmark(Baseline = true)]
    public int CaseloadFromRawEpisodes() => _fromRawEpisodes.ListAsync().GetAwaiter().GetResult().Value!.Count;

    /// <summary>Single calls timed one by one, after the measured iterations (warm), for the tail the target names.</summary>
    [GlobalCleanup(Target = nameof(CaseloadFromSummaries))]
    public void SampleLatencies()
    {
        Report("CaseloadFromSummaries", _fromSummaries, calls: 2_000);
        Cleanup();
    }

    [GlobalCleanup(Target = nameof(CaseloadFromRawEpisodes))]
    public void SampleBaselineLatencies()
    {
        Report("CaseloadFromRawEpisodes", _fromRawEpisodes, calls: 10);
        Cleanup();
    }

    private async Task SetupAsync()
    {
        _services = CaseloadDatabase.Services();
        await CaseloadDatabase.EnsureSeededAsync(_services);
        var user = new FixedUser(new CurrentUserInfo(CaseloadDatabase.MidwifeId, new HashSet<string> { Roles.Midwife }));
        var time = new FixedTime(CaseloadDatabase.NowUtc);
        var options = new SharingOptions();
        _fromSummaries = new CaseloadService(user, _services.GetRequiredService<ICaseloadStore>(), options, time, NullLogger<CaseloadService>.Instance);
        _fromRawEpisodes = new CaseloadService(user, new RawEpisodesCaseloadStore(CaseloadDatabase.ConnectionString), options, time, NullLogger<CaseloadService>.Instance);

        var fast = (await _fromSummaries.ListAsync()).Value!;
        var slow = (await _fromRawEpisodes.ListAsync()).Value!;
        if (fast.Count != CaseloadDatabase.Patients || !fast.SequenceEqual(slow))
        {
            throw new InvalidOperationException($"The summaries and the raw episodes disagree ({fast.Count} and {slow.Count} rows).");
        }

        Console.WriteLine($"// Caseload: {fast.Count} rows, {fast.Count(r => r.HighestUnreviewed is not null)} with unreviewed flags; both stores agree.");
        await PrintPlansAsync();
    }

    /// <summary>The query plan of the caseload query on this database.</summary>
    private static async Task PrintPlansAsync()
    {
        await using var connection = new SqliteConnection(CaseloadDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + CaseloadStore.CandidatesSql;
        command.Parameters.AddWithValue("@midwifeId", CaseloadDatabase.MidwifeId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"// plan: {reader.GetString(3)}");
        }
    }

    private static void Report(string name, CaseloadService service, int calls)
    {
        var times = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = service.ListAsync().GetAwaiter().GetResult();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        double P(double q) => times[Math.Min(calls - 1, (int)Math.Ceiling(q * calls) - 1)];
        var line = $"// latency {name}: {calls} single calls, p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms, max {times[^1]:F2} ms";
        Console.WriteLine(line);
        File.AppendAllText(Path.Combine(CaseloadDatabase.Folder, "latency.txt"), $"{DateTime.UtcNow:O} {line}\n");
    }

    private sealed class FixedUser(CurrentUserInfo user) : ICurrentUser
    {
        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(user);
    }

    private sealed class FixedTime(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
    }

    /// <summary>Median and the 95th percentile of the iterations next to the mean.</summary>
    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig()
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
