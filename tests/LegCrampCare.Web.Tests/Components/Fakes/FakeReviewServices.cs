using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Web.Tests.Components.Fakes;

/// <summary>A caseload a test sets; records the filters it was asked for.</summary>
public sealed class FakeCaseloadService : ICaseloadService
{
    public IReadOnlyList<CaseloadRow>? Rows { get; set; } = [];

    public List<(TriageLevel? Level, string? Search)> Calls { get; } = [];

    public Task<ServiceResult<IReadOnlyList<CaseloadRow>>> ListAsync(TriageLevel? level = null, string? search = null, CancellationToken ct = default)
    {
        Calls.Add((level, search));
        if (Rows is null)
        {
            return Task.FromResult(ServiceResult<IReadOnlyList<CaseloadRow>>.NotFound());
        }

        var rows = Rows.Where(r => (level is null || r.HighestUnreviewed == level) && (string.IsNullOrWhiteSpace(search) || r.Name.Contains(search, StringComparison.OrdinalIgnoreCase))).ToList();
        return Task.FromResult(ServiceResult<IReadOnlyList<CaseloadRow>>.Ok(rows));
    }
}

/// <summary>One patient's log a test sets; <see cref="Allowed"/> false plays a revoked grant.</summary>
public sealed class FakePatientLogService : IPatientLogService
{
    public PatientLog? Log { get; set; }

    public bool Allowed { get; set; } = true;

    public int GetCalls { get; private set; }

    public int RecheckCalls { get; private set; }

    public List<(Guid AssessmentId, string? Note)> Acknowledged { get; } = [];

    public List<(Guid EpisodeId, decimal? Cm)> Measured { get; } = [];

    public int Exports { get; private set; }

    /// <summary>The page visit each load was for.</summary>
    public List<Guid> Visits { get; } = [];

    public Task<ServiceResult<PatientLog>> GetAsync(Guid grantId, CancellationToken ct = default) => GetAsync(grantId, Guid.NewGuid(), ct);

    public Task<ServiceResult<PatientLog>> GetAsync(Guid grantId, Guid visitId, CancellationToken ct = default)
    {
        GetCalls++;
        Visits.Add(visitId);
        return Task.FromResult(Allowed && Log is not null ? ServiceResult<PatientLog>.Ok(Log) : ServiceResult<PatientLog>.NotFound());
    }

    /// <summary>Plays a failure of the re-check itself (e.g. the database is down).</summary>
    public bool RecheckThrows { get; set; }

    public Task<bool> StillAllowedAsync(Guid grantId, CancellationToken ct = default)
    {
        RecheckCalls++;
        return RecheckThrows ? Task.FromException<bool>(new InvalidOperationException("database unavailable")) : Task.FromResult(Allowed);
    }

    public Task<ServiceResult<FlagReviewView>> AcknowledgeAsync(Guid grantId, Guid assessmentId, string? note, CancellationToken ct = default)
    {
        if (!Allowed)
        {
            return Task.FromResult(ServiceResult<FlagReviewView>.NotFound());
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Task.FromResult(ServiceResult<FlagReviewView>.Invalid("Note", "Note: write a short note for her (she sees it)."));
        }

        Acknowledged.Add((assessmentId, note));
        var review = new FlagReviewView("Midwife One", new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), note);
        Log = Log! with
        {
            Episodes = Log.Episodes.Select(e => e with { Assessments = e.Assessments.Select(a => a.Id == assessmentId ? a with { Review = review } : a).ToList() }).ToList(),
        };
        return Task.FromResult(ServiceResult<FlagReviewView>.Ok(review));
    }

    public Task<ServiceResult<LogEpisode>> RecordCalfDifferenceAsync(Guid grantId, Guid episodeId, decimal? differenceCm, CancellationToken ct = default)
    {
        if (!Allowed)
        {
            return Task.FromResult(ServiceResult<LogEpisode>.NotFound());
        }

        Measured.Add((episodeId, differenceCm));
        Log = Log! with { Episodes = Log.Episodes.Select(e => e.Id == episodeId ? e with { MidwifeCalfDifferenceCm = differenceCm } : e).ToList() };
        return Task.FromResult(ServiceResult<LogEpisode>.Ok(Log.Episodes.Single(e => e.Id == episodeId)));
    }

    public Task<ServiceResult<ExportFile>> ExportPdfAsync(Guid grantId, CancellationToken ct = default) => Export("summary.pdf");

    public Task<ServiceResult<ExportFile>> ExportCsvAsync(Guid grantId, CancellationToken ct = default) => Export("cramps.csv");

    private Task<ServiceResult<ExportFile>> Export(string name)
    {
        if (!Allowed)
        {
            return Task.FromResult(ServiceResult<ExportFile>.NotFound());
        }

        Exports++;
        return Task.FromResult(ServiceResult<ExportFile>.Ok(new ExportFile(name, "application/octet-stream", [1, 2, 3])));
    }

    /// <summary>A log with one urgent unreviewed flag (UR-2) and one ordinary cramp.</summary>
    public static PatientLog Sample(Guid grantId)
    {
        LogAssessment Assessment(TriageLevel level, string result, params string[] rules) => new(
            Guid.NewGuid(), new DateTime(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc), level, result, rules, rules.Select(r => "Reason for " + r).ToList(),
            LeftScore: 2, RcogPoints: 3, HighRiskContext: false, GuidanceShown: "When to get help (version 1)", IsCurrent: true, Review: null);
        LogEpisode Episode(DateTime startedLocal, Side side, LogAssessment assessment) => new(
            Guid.NewGuid(), startedLocal, startedLocal, DateOnly.FromDateTime(startedLocal.AddHours(-12)), "31 weeks + 2 days", 31, null, side,
            3, 6, CrampLocations.Calf, ReliefMethods.Stretching, null, null, null, [assessment]);
        return new PatientLog(
            grantId, "Sam Sample", "943 476 5919", new DateOnly(1990, 4, 10), "31 weeks + 2 days", new DateOnly(2027, 1, 20), null, ["Over 35"],
            new DateOnly(2026, 4, 15), new DateOnly(2027, 4, 28),
            [
                Episode(new DateTime(2026, 11, 19, 2, 0, 0), Side.Left, Assessment(TriageLevel.Urgent, "Urgent: call now", "UR-2")),
                Episode(new DateTime(2026, 11, 17, 23, 30, 0), Side.Right, Assessment(TriageLevel.None, "Ordinary cramp", "NO-1")),
            ]);
    }
}
