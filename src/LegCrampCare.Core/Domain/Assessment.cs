using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Domain;

/// <summary>Why an episode was assessed.</summary>
public enum AssessmentReason
{
    /// <summary>Quick-logged (the questions not answered yet).</summary>
    Logged = 1,

    /// <summary>Answers or details saved (at night, in the morning review, or any later edit).</summary>
    Edited = 2,

    /// <summary>She answered "is the pain still there?".</summary>
    PainFollowUp = 3,

    /// <summary>Her midwife recorded a calf measurement, which takes precedence over her own.</summary>
    MidwifeMeasurement = 4,

    /// <summary>
    /// Re-assessed once under a newer rule set when it was deployed (clinical README principle 4): shown with no clock and
    /// conditional wording (W12), because what she told us may have passed.
    /// </summary>
    RuleSetUpgrade = 5,
}

/// <summary>
/// One assessment of one episode, stored once and never changed (principle 4): the rule-set version, the level, the
/// fired rules and the inputs it saw (in the triage case format), so it can be explained and replayed later even after
/// the rules change. Editing an episode adds a new assessment; the old ones stay.
/// </summary>
public sealed class Assessment
{
    public Guid Id { get; init; }

    public Guid EpisodeId { get; init; }

    public string PatientId { get; init; } = "";

    public DateTime AssessedAtUtc { get; init; }

    public AssessmentReason Reason { get; init; }

    public string RuleSetVersion { get; init; } = "";

    public TriageLevel Level { get; init; }

    /// <summary>Fired rule ids in table order, comma-separated ("UR-1,UR-2").</summary>
    public string FiredRules { get; init; } = "";

    /// <summary>Only FS-1 (unanswered questions) above NONE: incomplete, not a flag for the midwife.</summary>
    public bool IsIncomplete { get; init; }

    public int? LeftScore { get; init; }

    public int RcogPoints { get; init; }

    public bool HighRiskContext { get; init; }

    /// <summary>The inputs it saw, as a triage case-format object (patient, episode, symptoms, history).</summary>
    public string InputsJson { get; init; } = "";

    /// <summary>
    /// The guidance the result linked to, as the revision readers saw at that moment: "slug@revision-id", comma-separated,
    /// so a reviewer can see exactly what advice was on screen. Set once, before the assessment is stored.
    /// </summary>
    public string GuidanceShown { get; set; } = "";

    // ---- Sent from a phone (the offline quick log, ADR 0021); empty for an assessment made on the live pages. ----
    // Set once, before the assessment is stored.

    /// <summary>
    /// When the server received the answers this assessment is of, when it differs from <see cref="AssessedAtUtc"/>: then
    /// <see cref="AssessedAtUtc"/> is the moment she answered on her phone (by its clock, corrected), the time the rules
    /// are applied at.
    /// </summary>
    public DateTime? ReceivedAtUtc { get; set; }

    /// <summary>How far her phone's clock was ahead of the server's (negative: behind), in seconds, when it sent this.</summary>
    public int? DeviceClockOffsetSeconds { get; set; }

    /// <summary>The level her phone showed her for these answers, before the server had them.</summary>
    public TriageLevel? ShownLevel { get; set; }

    /// <summary>The rule-set version her phone used for <see cref="ShownLevel"/>.</summary>
    public string? ShownRuleSetVersion { get; set; }
}
