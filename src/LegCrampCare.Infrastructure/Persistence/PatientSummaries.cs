using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

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
/// One row per patient who has logged: what the caseload shows about her, so that listing 1,000 patients reads 1,000
/// short rows and nothing else. Her latest episode; per level, how many episodes have a current assessment that is an
/// unreviewed flag, and since when the oldest at her highest level has waited; her latest night and her recent nights
/// with cramps as a <see cref="Core.Features.Review.NightMask"/> (from <see cref="PatientNight"/>). Recomputed through
/// indexes in the same transaction as every episode, assessment and review write.
/// </summary>
public sealed class PatientActivity
{
    public string PatientId { get; set; } = "";

    public DateTime? LastEpisodeAtUtc { get; set; }

    public int UnreviewedRoutine { get; set; }

    public int UnreviewedUrgent { get; set; }

    public int UnreviewedEmergency { get; set; }

    /// <summary>Since when the oldest unreviewed flag at her highest unreviewed level has waited.</summary>
    public DateTime? OldestAtHighestUtc { get; set; }

    /// <summary>Her newest night with an episode.</summary>
    public DateOnly? LatestNight { get; set; }

    /// <summary>Bit i set: the night <see cref="LatestNight"/> − i has an episode (i from 0 to 62).</summary>
    public long RecentNights { get; set; }
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
