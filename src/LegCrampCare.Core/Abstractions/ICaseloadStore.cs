using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Abstractions;

/// <summary>
/// The midwife's caseload, read from per-patient summaries that the episode store keeps current in the same
/// transaction as every episode, assessment and review write (never computed from the raw episodes on read), in one
/// query.
/// </summary>
public interface ICaseloadStore
{
    /// <summary>
    /// The midwife's unrevoked grants, one per patient (her newest), each with the patient's profile and activity summary
    /// (null when she has never logged).
    /// </summary>
    Task<IReadOnlyList<CaseloadCandidate>> ListCandidatesAsync(string midwifeId, CancellationToken ct);
}

/// <summary>One unrevoked grant with what the caseload shows about the patient behind it.</summary>
public sealed record CaseloadCandidate(CareGrant Grant, PregnancyProfile Profile, PatientActivitySummary? Activity);

/// <summary>
/// A patient's activity as kept current on write: her latest episode; how many episodes have a current assessment that
/// is an unreviewed flag, per level, and since when the oldest of them at her highest level has been waiting; and her
/// recent nights with cramps as a <see cref="NightMask"/> from her latest night.
/// </summary>
public sealed record PatientActivitySummary(
    DateTime? LastEpisodeAtUtc,
    int UnreviewedRoutine,
    int UnreviewedUrgent,
    int UnreviewedEmergency,
    DateTime? OldestAtHighestUtc,
    DateOnly? LatestNight,
    long RecentNights)
{
    public int UnreviewedCount => UnreviewedRoutine + UnreviewedUrgent + UnreviewedEmergency;

    /// <summary>The highest level among her unreviewed flags; null when there are none.</summary>
    public TriageLevel? HighestUnreviewed =>
        UnreviewedEmergency > 0 ? TriageLevel.Emergency
        : UnreviewedUrgent > 0 ? TriageLevel.Urgent
        : UnreviewedRoutine > 0 ? TriageLevel.Routine
        : null;

    /// <summary>Nights with cramps from <paramref name="from"/> to <paramref name="to"/> (inclusive), from the mask.</summary>
    public int NightsBetween(DateOnly from, DateOnly to) =>
        LatestNight is { } latest ? NightMask.Count(latest, RecentNights, from, to) : 0;
}
