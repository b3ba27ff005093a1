using LegCrampCare.Core.Triage;

namespace LegCrampCare.Infrastructure.Persistence;

/// <summary>
/// How many episodes a patient logged on one night (her local night, as stored on each episode). A row exists only
/// for nights with at least one episode, so counting rows counts nights with cramps. Kept current by the episode
/// store in the same transaction as every episode write.
/// </summary>
public sealed class PatientNight
{
    public string PatientId { get; set; } = "";

    public DateOnly Night { get; set; }

    public int EpisodeCount { get; set; }
}

/// <summary>
/// One row per patient who has logged: her latest episode and, per level, how many episodes have a current assessment
/// that is an unreviewed flag and since when the oldest of them has waited. Recomputed from <see cref="UnreviewedFlag"/>
/// and the episodes (through indexes) in the same transaction as every episode, assessment and review write.
/// </summary>
public sealed class PatientActivity
{
    public string PatientId { get; set; } = "";

    public DateTime? LastEpisodeAtUtc { get; set; }

    public int UnreviewedRoutine { get; set; }

    public int UnreviewedUrgent { get; set; }

    public int UnreviewedEmergency { get; set; }

    public DateTime? OldestRoutineAtUtc { get; set; }

    public DateTime? OldestUrgentAtUtc { get; set; }

    public DateTime? OldestEmergencyAtUtc { get; set; }
}

/// <summary>
/// An episode whose current assessment is a flag (ROUTINE, URGENT or EMERGENCY, not only unanswered questions) that no
/// midwife has reviewed. <see cref="SinceUtc"/> is when the episode's flags started waiting: a re-assessment that is
/// still an unreviewed flag keeps it, so editing an episode never moves her down a midwife's list.
/// </summary>
public sealed class UnreviewedFlag
{
    public Guid EpisodeId { get; set; }

    public string PatientId { get; set; } = "";

    public Guid AssessmentId { get; set; }

    public TriageLevel Level { get; set; }

    public DateTime SinceUtc { get; set; }
}
