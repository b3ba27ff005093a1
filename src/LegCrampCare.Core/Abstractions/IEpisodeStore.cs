using LegCrampCare.Core.Domain;

namespace LegCrampCare.Core.Abstractions;

/// <summary>
/// The single write path for episodes. Every method is scoped to one patient: an id that belongs to someone else is
/// indistinguishable from one that does not exist.
/// </summary>
public interface IEpisodeStore
{
    /// <summary>
    /// Inserts the episode with its first assessment, in one transaction, unless one with the same id exists; returns the
    /// stored one. Durable on return.
    /// </summary>
    Task<(Episode Episode, bool Created)> AddIfAbsentAsync(Episode episode, Assessment assessment, CancellationToken ct);

    Task<Episode?> FindAsync(string patientId, Guid id, CancellationToken ct);

    /// <summary>
    /// Replaces the stored episode's values and, when given, adds its new assessment in the same transaction; false when
    /// it does not exist for this patient. Assessments are only ever added, never changed.
    /// </summary>
    Task<bool> UpdateAsync(Episode episode, Assessment? assessment, CancellationToken ct);

    /// <summary>Every assessment of the episode, newest first.</summary>
    Task<IReadOnlyList<Assessment>> ListAssessmentsAsync(string patientId, Guid episodeId, CancellationToken ct);

    /// <summary>The newest assessment of each of the given episodes that has one.</summary>
    Task<IReadOnlyDictionary<Guid, Assessment>> LatestAssessmentsAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct);

    /// <summary>Episodes started since <paramref name="sinceUtc"/> whose pain was still there and is not known to have gone.</summary>
    Task<IReadOnlyList<Episode>> ListWithOngoingPainAsync(string patientId, DateTime sinceUtc, CancellationToken ct);

    Task<bool> DeleteAsync(string patientId, Guid id, CancellationToken ct);

    Task<int> DeleteAllAsync(string patientId, CancellationToken ct);

    /// <summary>The distinct nights that have episodes, newest first.</summary>
    Task<IReadOnlyList<DateOnly>> ListNightsAsync(string patientId, int skip, int take, CancellationToken ct);

    Task<int> CountNightsAsync(string patientId, CancellationToken ct);

    /// <summary>Episodes whose night is between the two dates (inclusive), newest first.</summary>
    Task<IReadOnlyList<Episode>> ListByNightsAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct);
}
