using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Infrastructure.Tests.Stores;

/// <summary>Store calls for tests about episodes themselves: each stored episode gets the assessment the app would give it.</summary>
public static class EpisodeStoreTestExtensions
{
    private static readonly EpisodeAssessor Assessor = new(TriageEngine.Default);

    public static Assessment AssessmentFor(Episode episode, AssessmentReason reason = AssessmentReason.Logged) =>
        Assessor.Assess(
            episode,
            new PregnancyProfile
            {
                UserId = episode.PatientId,
                DueDate = DateOnly.FromDateTime(episode.StartedAtUtc).AddDays(60),
                TimeZoneId = "Europe/London",
            },
            [],
            reason,
            episode.UpdatedAtUtc == default ? episode.StartedAtUtc : episode.UpdatedAtUtc);

    public static Task<(Episode Episode, bool Created)> AddIfAbsentAsync(this IEpisodeStore store, Episode episode, CancellationToken ct) =>
        store.AddIfAbsentAsync(episode, AssessmentFor(episode), ct);

    public static Task<bool> UpdateAsync(this IEpisodeStore store, Episode episode, CancellationToken ct) =>
        store.UpdateAsync(episode, null, ct);
}
