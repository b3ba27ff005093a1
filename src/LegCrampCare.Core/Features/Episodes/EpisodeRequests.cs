using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Features.Episodes;

/// <summary>When the quick-logged cramp started.</summary>
public enum QuickLogTime
{
    Now = 0,
    FewMinutesAgo = 1,
    Custom = 2,
}

/// <summary>
/// The one-tap log. <see cref="EpisodeId"/> is generated when the log action starts, so a double tap, a retry or a
/// reload saves one episode.
/// </summary>
public sealed record QuickLogRequest
{
    public Guid EpisodeId { get; init; }

    public Side Side { get; init; }

    public QuickLogTime When { get; init; }

    /// <summary>Her local wall-clock time, used when <see cref="When"/> is <see cref="QuickLogTime.Custom"/>.</summary>
    public DateTime? CustomStartLocal { get; init; }
}

/// <summary>Everything she can record about an episode. Mutable so that a form can bind to it.</summary>
public sealed record EpisodeDetails
{
    /// <summary>Start time as her local wall-clock time.</summary>
    public DateTime StartedAtLocal { get; set; }

    public Side Side { get; set; }

    public int? DurationMinutes { get; set; }

    public CrampLocations Locations { get; set; }

    public int? PainScore { get; set; }

    public ReliefMethods HelpedBy { get; set; }

    public decimal? PainAfterHours { get; set; }

    public int? ContinuousPainMinutes { get; set; }

    public decimal? CalfDifferenceCm { get; set; }

    public EpisodeAnswers Answers { get; set; } = new();

    public string? Notes { get; set; }
}

public sealed record UpdateEpisodeRequest(Guid EpisodeId, EpisodeDetails Details)
{
    /// <summary>
    /// The start as an instant (the API); when set, it replaces <see cref="EpisodeDetails.StartedAtLocal"/>, which is then
    /// worked out in her time zone.
    /// </summary>
    public DateTime? StartedAtUtc { get; init; }

    /// <summary>What the phone says about these answers (the offline quick log); null from anywhere else.</summary>
    public DeviceReport? Device { get; init; }
}

public sealed record EpisodeDto(Guid Id, DateTime StartedAtUtc, DateOnly Night, string StageLabel, EpisodeDetails Details, AssessmentDto? Assessment = null)
{
    /// <summary>The calf difference her midwife measured; when set, the result uses it instead of her own.</summary>
    public decimal? MidwifeCalfDifferenceCm { get; init; }

    /// <summary>The id the logging client gave it (the episode's own id for cramps logged on the live pages).</summary>
    public Guid ClientId { get; init; }

    public bool HasUnansweredQuickQuestion => Details.Answers.HasUnansweredQuickQuestion;

    public bool HasUnansweredRedFlag => Details.Answers.HasUnansweredRedFlag;

    /// <summary>She told us the pain that stayed after the cramp has gone.</summary>
    public bool PainGone { get; init; }

    /// <summary>A warning-sign question, "Is the pain still there?" or, while it is, "Which leg still hurts?" is unanswered (W8).</summary>
    public bool HasMissingAnswers => Details.Answers.HasMissingAnswers(PainGone);
}

/// <summary>One night in her history, with the gestational week or postpartum day it fell on.</summary>
public sealed record NightDto(DateOnly Night, string StageLabel, IReadOnlyList<EpisodeDto> Episodes);

public sealed record HistoryPage(IReadOnlyList<NightDto> Nights, int Page, int PageSize, int TotalNights)
{
    public int PageCount => TotalNights == 0 ? 0 : ((TotalNights - 1) / PageSize) + 1;
}

/// <summary>
/// One stored assessment as the patient (and later her midwife) sees it. <see cref="Explanation"/> is filled in where a
/// single episode is shown, not in lists.
/// </summary>
public sealed record AssessmentDto(
    Guid Id,
    DateTime AssessedAtUtc,
    DateTime AssessedAtLocal,
    AssessmentReason Reason,
    string RuleSetVersion,
    TriageLevel Level,
    IReadOnlyList<RuleId> Rules,
    bool IsIncomplete,
    int? LeftScore,
    int RcogPoints,
    bool HighRiskContext,
    TriageExplanation? Explanation)
{
    /// <summary>Her midwife's review of this result (a flag only): who, when and the note. Null until reviewed.</summary>
    public Features.Review.FlagReviewView? Review { get; init; }

    /// <summary>What the result card says (with <see cref="Explanation"/>, where one episode is shown).</summary>
    public ResultCard? Card { get; init; }

    /// <summary>Above NONE and not just unanswered questions.</summary>
    public bool IsFlag => Level > TriageLevel.None && !IsIncomplete;

    /// <summary>FS-1 fired: some red-flag questions are still unanswered.</summary>
    public bool HasUnansweredRedFlag => Rules.Contains(RuleId.Fs1);
}

/// <summary>A note her midwife wrote when she reviewed a warning sign, with the cramp it is about.</summary>
public sealed record MidwifeNoteDto(EpisodeDto Episode, Features.Review.FlagReviewView Review);

/// <summary>Her answer to "is the pain still there?".</summary>
public enum PainNow
{
    Gone = 1,
    BetterButStillThere = 2,
    NotBetter = 3,
}

/// <summary>Her answer to "Is the pain still there?" and, while it is, "Which leg still hurts?" (optional).</summary>
public sealed record PainFollowUpRequest(Guid EpisodeId, PainNow PainNow, Side? StillHurts = null);

/// <summary>
/// A cramp logged by a client that makes its own ids (the API: the offline night log, integrations). The start is an
/// instant, since a cramp logged offline reaches the server later; <see cref="Details"/>' own start time is not read.
/// </summary>
public sealed record CreateEpisodeRequest
{
    /// <summary>The client's id for this cramp, unique per patient: the same id again stores nothing new.</summary>
    public Guid ClientId { get; init; }

    public DateTime StartedAtUtc { get; init; }

    public EpisodeDetails Details { get; init; } = new();

    /// <summary>A fingerprint of what the client sent: the same client id with another fingerprint is a conflict.</summary>
    public string? RequestHash { get; init; }

    /// <summary>What the phone says about these answers (the offline quick log); null from anywhere else.</summary>
    public DeviceReport? Device { get; init; }
}

/// <summary>
/// What a phone reports with answers it kept (ADR 0021), each time by the phone's own clock: when she last answered, when
/// it sent them, and the level and rule-set version its rules showed her. The server corrects the times by the phone
/// clock's offset (<see cref="SentAtUtc"/> against its own clock), applies the rules at the moment she answered, and keeps
/// what she was shown beside its own result.
/// </summary>
public sealed record DeviceReport(DateTime? AnsweredAtUtc, DateTime? SentAtUtc, TriageLevel? ShownLevel, string? ShownRuleSetVersion);

/// <summary>The stored cramp a create answers with, and whether this call stored it.</summary>
public sealed record EpisodeCreated(EpisodeDto Episode, bool Created);

/// <summary>Where a page of her episodes ends: the next page starts after it. Opaque to clients (the API protects it).</summary>
public readonly record struct EpisodeCursor(DateTime StartedAtUtc, Guid Id);

/// <summary>Her episodes newest first, each with its current assessment (not explained), and where the next page starts.</summary>
public sealed record EpisodeListPage(IReadOnlyList<EpisodeDto> Items, EpisodeCursor? Next);
