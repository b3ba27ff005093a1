using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Abstractions;

/// <summary>
/// The single write path for episodes. Every method is scoped to one patient: an id that belongs to someone else is
/// indistinguishable from one that does not exist.
/// </summary>
public interface IEpisodeStore
{
    /// <summary>
    /// Inserts the episode with its first assessment and summaries, in one transaction, unless one with the same id — or,
    /// for this patient, the same client id — exists; returns the stored one. Durable on return (group commit: several
    /// callers' episodes may share one transaction, each answered after it commits).
    /// </summary>
    Task<(Episode Episode, bool Created)> AddIfAbsentAsync(Episode episode, Assessment assessment, CancellationToken ct);

    /// <summary>Her episode with this client id, or null.</summary>
    Task<Episode?> FindByClientIdAsync(string patientId, Guid clientId, CancellationToken ct);

    /// <summary>
    /// Her episodes newest first (start time, then id, both descending), after the cursor when given: at most
    /// <paramref name="take"/> + 1, so the caller knows whether there is more.
    /// </summary>
    Task<IReadOnlyList<Episode>> ListPageAsync(string patientId, (DateTime StartedAtUtc, Guid Id)? after, int take, CancellationToken ct);

    Task<Episode?> FindAsync(string patientId, Guid id, CancellationToken ct);

    /// <summary>
    /// Whether an episode with this id exists for a patient other than <paramref name="patientId"/>: only to tell a forged
    /// id (audited as a security event) from her own episode that is gone. Reveals nothing to the caller.
    /// </summary>
    Task<bool> BelongsToAnotherAsync(string patientId, Guid id, CancellationToken ct);

    /// <summary>
    /// Replaces the stored episode's values and, when given, adds its new assessment in the same transaction; false when
    /// it does not exist for this patient. Assessments are only ever added, never changed. The midwife's calf measurement
    /// is not written here (see <see cref="RecordMidwifeCalfDifferenceAsync"/>), so the patient's edit never erases it.
    /// </summary>
    Task<bool> UpdateAsync(Episode episode, Assessment? assessment, CancellationToken ct);

    /// <summary>
    /// Stores the midwife's calf measurement (null clears it) and the new assessment it led to, in one transaction,
    /// changing no other field; false when the episode does not exist for this patient.
    /// </summary>
    Task<bool> RecordMidwifeCalfDifferenceAsync(string patientId, Guid episodeId, decimal? differenceCm, Assessment assessment, CancellationToken ct);

    /// <summary>One assessment of this patient, or null.</summary>
    Task<Assessment?> FindAssessmentAsync(string patientId, Guid assessmentId, CancellationToken ct);

    /// <summary>Every assessment of the given episodes, oldest first.</summary>
    Task<IReadOnlyList<Assessment>> ListAssessmentsForEpisodesAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct);

    /// <summary>
    /// Adds a midwife's review of an assessment, in one transaction with the summaries: only when the assessment is
    /// still its episode's newest and has no review yet. A second review of the same assessment stores nothing and
    /// answers with the first.
    /// </summary>
    Task<ReviewWrite> AddReviewAsync(FlagReview review, CancellationToken ct);

    /// <summary>The reviews of the given assessments of this patient, by assessment id.</summary>
    Task<IReadOnlyDictionary<Guid, FlagReview>> ReviewsForAsync(string patientId, IReadOnlyCollection<Guid> assessmentIds, CancellationToken ct);

    /// <summary>Her midwife's reviews written at or after <paramref name="sinceUtc"/>.</summary>
    Task<IReadOnlyList<FlagReview>> ListReviewsSinceAsync(string patientId, DateTime sinceUtc, CancellationToken ct);

    /// <summary>Every assessment of the episode, newest first.</summary>
    Task<IReadOnlyList<Assessment>> ListAssessmentsAsync(string patientId, Guid episodeId, CancellationToken ct);

    /// <summary>The newest assessment of each of the given episodes that has one.</summary>
    Task<IReadOnlyDictionary<Guid, Assessment>> LatestAssessmentsAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct);

    /// <summary>Her episodes that got an assessment for <paramref name="reason"/> at or after <paramref name="sinceUtc"/> (each once).</summary>
    Task<IReadOnlyList<Guid>> ListEpisodesAssessedSinceAsync(string patientId, AssessmentReason reason, DateTime sinceUtc, CancellationToken ct);

    /// <summary>
    /// Her episodes with an assessment received at or after <paramref name="sinceUtc"/> that is higher than the level her phone showed
    /// her for the same answers (each once).
    /// </summary>
    Task<IReadOnlyList<Guid>> ListEpisodesAssessedAboveShownSinceAsync(string patientId, DateTime sinceUtc, CancellationToken ct);

    /// <summary>Episodes started since <paramref name="sinceUtc"/> whose pain was still there and is not known to have gone.</summary>
    Task<IReadOnlyList<Episode>> ListWithOngoingPainAsync(string patientId, DateTime sinceUtc, CancellationToken ct);

    Task<bool> DeleteAsync(string patientId, Guid id, CancellationToken ct);

    Task<int> DeleteAllAsync(string patientId, CancellationToken ct);

    /// <summary>The distinct nights that have episodes, newest first.</summary>
    Task<IReadOnlyList<DateOnly>> ListNightsAsync(string patientId, int skip, int take, CancellationToken ct);

    Task<int> CountNightsAsync(string patientId, CancellationToken ct);

    /// <summary>The distinct nights between the two dates (inclusive) on which she has episodes (from the summaries' index).</summary>
    Task<IReadOnlyList<DateOnly>> ListNightsBetweenAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct);

    /// <summary>Episodes whose night is between the two dates (inclusive), newest first.</summary>
    Task<IReadOnlyList<Episode>> ListByNightsAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct);
}

/// <summary>What happened to a review the store was asked to add.</summary>
public enum ReviewWriteStatus
{
    /// <summary>Stored now.</summary>
    Added,

    /// <summary>The assessment already had a review: nothing stored, <see cref="ReviewWrite.Review"/> is the existing one.</summary>
    AlreadyReviewed,

    /// <summary>A newer assessment of the episode exists: nothing stored.</summary>
    NotCurrent,

    /// <summary>No such assessment for this patient and episode: nothing stored.</summary>
    NotFound,
}

/// <summary>The outcome of <see cref="IEpisodeStore.AddReviewAsync"/>, with the stored review when there is one.</summary>
public sealed record ReviewWrite(ReviewWriteStatus Status, FlagReview? Review);
