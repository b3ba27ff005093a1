namespace LegCrampCare.Core.Domain;

/// <summary>
/// A midwife's acknowledgement of a flag: an episode's current assessment at ROUTINE, URGENT or EMERGENCY (not one that
/// is only incomplete). Written once per assessment and never changed; the patient sees who reviewed it, when, and the
/// note. It goes with the assessment when she deletes the episode or her account.
/// </summary>
public sealed class FlagReview
{
    public const int MaxNoteLength = 1000;

    public Guid Id { get; init; }

    public string PatientId { get; init; } = "";

    public Guid EpisodeId { get; init; }

    public Guid AssessmentId { get; init; }

    public string MidwifeId { get; init; } = "";

    /// <summary>The midwife's work name at the time of the review (copied, so a later rename does not rewrite history).</summary>
    public string ReviewerName { get; init; } = "";

    public string Note { get; init; } = "";

    public DateTime AtUtc { get; init; }

    /// <summary>Whether an assessment is a flag a midwife reviews: above NONE and not only unanswered questions (FS-1).</summary>
    public static bool IsFlag(Assessment assessment) => assessment.Level > Rules.TriageLevel.None && !assessment.IsIncomplete;
}
