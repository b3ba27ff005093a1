using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Features.Review;

/// <summary>
/// One patient in a midwife's caseload (active grants only). Nights are counted in the patient's time zone, up to and
/// including her current night; <see cref="OldestUnreviewedAtUtc"/> is when the oldest unreviewed flag at her highest
/// unreviewed level started waiting.
/// </summary>
public sealed record CaseloadRow(
    Guid GrantId,
    string Name,
    string Stage,
    int NightsLast7,
    int NightsLast28,
    TriageLevel? HighestUnreviewed,
    int UnreviewedCount,
    DateTime? OldestUnreviewedAtUtc,
    DateTime? LastEpisodeAtUtc);

/// <summary>The calling midwife's caseload: her patients with an active grant, sorted by what needs attention.</summary>
public interface ICaseloadService
{
    /// <summary>
    /// The calling midwife's patients: unreviewed flags first (EMERGENCY, URGENT, ROUTINE; oldest first), then latest
    /// activity. <paramref name="level"/> keeps only patients whose highest unreviewed flag is that level;
    /// <paramref name="search"/> matches her name. Anyone but a midwife gets "not found".
    /// </summary>
    Task<ServiceResult<IReadOnlyList<CaseloadRow>>> ListAsync(TriageLevel? level = null, string? search = null, CancellationToken ct = default);
}

/// <summary>A midwife's review of a flag, as both the midwife and the patient see it.</summary>
public sealed record FlagReviewView(string ReviewerName, DateTime AtUtc, string Note);

/// <summary>
/// Answers her phone kept and sent later (the offline quick log, ADR 0021): when they reached the server (the assessment
/// is dated when she gave them), how far the phone's clock was off, and what the phone's rules showed her, if anything.
/// </summary>
public sealed record PhoneReportView(DateTime ReceivedAtUtc, int? ClockOffsetSeconds, TriageLevel? ShownLevel, string? ShownRuleSetVersion)
{
    /// <summary>The safety net was shown because the rules were not on her phone yet.</summary>
    public const string SafetyNetVersion = "safety-net";
}

/// <summary>One assessment of an episode as the midwife sees it: level, fired rules with their reasons, context scores.</summary>
public sealed record LogAssessment(
    Guid Id,
    DateTime AssessedAtUtc,
    TriageLevel Level,
    string Result,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<string> Reasons,
    int? LeftScore,
    int RcogPoints,
    bool HighRiskContext,
    string? GuidanceShown,
    bool IsCurrent,
    FlagReviewView? Review,
    bool IsIncomplete = false,
    PhoneReportView? Phone = null)
{
    /// <summary>
    /// A warning sign a midwife reviews: a level above NONE from answers she gave. A result that is only unanswered
    /// questions (FS-1 alone) is not a flag, as in the caseload; the patient is asked to answer them.
    /// </summary>
    public bool IsFlag => Level > TriageLevel.None && !IsIncomplete;
}

/// <summary>One episode in the midwife's view of the log.</summary>
public sealed record LogEpisode(
    Guid Id,
    DateTime StartedAtUtc,
    DateTime StartedAtLocal,
    DateOnly Night,
    string Stage,
    int? GestationalWeek,
    int? PostpartumDay,
    Side Side,
    int? DurationMinutes,
    int? PainScore,
    CrampLocations Locations,
    ReliefMethods HelpedBy,
    decimal? CalfDifferenceCm,
    decimal? MidwifeCalfDifferenceCm,
    string? Notes,
    IReadOnlyList<LogAssessment> Assessments);

/// <summary>Her log as a midwife with an active grant sees it: only what was logged in the pregnancy the grant covers.</summary>
public sealed record PatientLog(
    Guid GrantId,
    string Name,
    string? HospitalNumber,
    DateOnly DateOfBirth,
    string Stage,
    DateOnly? DueDate,
    DateOnly? BirthDate,
    IReadOnlyList<string> RiskFactors,
    DateOnly CoversFrom,
    DateOnly AccessEnds,
    IReadOnlyList<LogEpisode> Episodes);

/// <summary>A file for the browser to download.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A midwife's access to one patient's log, through a grant. Every call re-checks the grant; anything not allowed is
/// "not found" and a security event. Reads, exports, acknowledgements and measurements each write one audit event.
/// </summary>
public interface IPatientLogService
{
    /// <summary>The log (audited once per call: "log.viewed").</summary>
    Task<ServiceResult<PatientLog>> GetAsync(Guid grantId, CancellationToken ct = default);

    /// <summary>
    /// The log for one page visit: "log.viewed" is audited the first time the visit asks, not again when the same
    /// visit reloads it (after an acknowledgement, or when its paused circuit resumes).
    /// </summary>
    Task<ServiceResult<PatientLog>> GetAsync(Guid grantId, Guid visitId, CancellationToken ct = default);

    /// <summary>Whether the grant still lets the caller in (no data, no audit): an open page asks on a timer.</summary>
    Task<bool> StillAllowedAsync(Guid grantId, CancellationToken ct = default);

    /// <summary>Marks a flagged assessment as reviewed, with a note the patient sees.</summary>
    Task<ServiceResult<FlagReviewView>> AcknowledgeAsync(Guid grantId, Guid assessmentId, string? note, CancellationToken ct = default);

    /// <summary>A calf circumference difference the midwife measured: it takes precedence and re-assesses the episode.</summary>
    Task<ServiceResult<LogEpisode>> RecordCalfDifferenceAsync(Guid grantId, Guid episodeId, decimal? differenceCm, CancellationToken ct = default);

    Task<ServiceResult<ExportFile>> ExportPdfAsync(Guid grantId, CancellationToken ct = default);

    Task<ServiceResult<ExportFile>> ExportCsvAsync(Guid grantId, CancellationToken ct = default);
}
