using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Abstractions;

/// <summary>
/// The midwife's caseload, read from per-patient summaries that the episode store keeps current in the same
/// transaction as every episode, assessment and review write (never computed from the raw episodes on read).
/// </summary>
public interface ICaseloadStore
{
    /// <summary>The midwife's unrevoked grants, each with the patient's profile and activity summary (null when she has never logged).</summary>
    Task<IReadOnlyList<CaseloadCandidate>> ListCandidatesAsync(string midwifeId, CancellationToken ct);

    /// <summary>For each query, how many distinct nights in each window have at least one episode.</summary>
    Task<IReadOnlyDictionary<string, RecentNights>> CountRecentNightsAsync(IReadOnlyCollection<RecentNightsQuery> queries, CancellationToken ct);
}

/// <summary>One unrevoked grant with what the caseload shows about the patient behind it.</summary>
public sealed record CaseloadCandidate(CareGrant Grant, PregnancyProfile Profile, PatientActivitySummary? Activity);

/// <summary>
/// A patient's activity as kept current on write: her latest episode and, per level, how many episodes have a current
/// assessment that is an unreviewed flag and since when the oldest of them has been waiting.
/// </summary>
public sealed record PatientActivitySummary(
    DateTime? LastEpisodeAtUtc,
    int UnreviewedRoutine,
    int UnreviewedUrgent,
    int UnreviewedEmergency,
    DateTime? OldestRoutineAtUtc,
    DateTime? OldestUrgentAtUtc,
    DateTime? OldestEmergencyAtUtc)
{
    public int UnreviewedCount => UnreviewedRoutine + UnreviewedUrgent + UnreviewedEmergency;

    /// <summary>The highest level among her unreviewed flags; null when there are none.</summary>
    public TriageLevel? HighestUnreviewed =>
        UnreviewedEmergency > 0 ? TriageLevel.Emergency
        : UnreviewedUrgent > 0 ? TriageLevel.Urgent
        : UnreviewedRoutine > 0 ? TriageLevel.Routine
        : null;

    /// <summary>Since when the oldest unreviewed flag at her highest level has been waiting.</summary>
    public DateTime? OldestAtHighestUtc => HighestUnreviewed switch
    {
        TriageLevel.Emergency => OldestEmergencyAtUtc,
        TriageLevel.Urgent => OldestUrgentAtUtc,
        TriageLevel.Routine => OldestRoutineAtUtc,
        _ => null,
    };
}

/// <summary>
/// Count a patient's nights with cramps from <see cref="Last7From"/> and from <see cref="Last28From"/>, both up to and
/// including <see cref="Through"/> (local nights, as stored on each episode).
/// </summary>
public sealed record RecentNightsQuery(string PatientId, DateOnly Last7From, DateOnly Last28From, DateOnly Through);

public sealed record RecentNights(int Last7, int Last28);
