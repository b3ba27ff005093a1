using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>
/// An <see cref="IEpisodeStore"/> over a dictionary that behaves like a database: it stores and hands out copies, so
/// a caller changing an object it was given changes nothing until it calls <see cref="UpdateAsync"/>, and every
/// method is scoped to one patient exactly as the interface documents.
/// </summary>
public sealed class InMemoryEpisodeStore : IEpisodeStore
{
    private readonly Dictionary<Guid, Episode> _episodes = [];
    private readonly List<Assessment> _assessments = [];
    private readonly List<FlagReview> _reviews = [];

    /// <summary>Every review stored, oldest first, for assertions.</summary>
    public IReadOnlyList<FlagReview> Reviews => _reviews.ToList();

    /// <summary>Adds an assessment directly (test set-up), as if the episode had been re-assessed.</summary>
    public void SeedAssessment(Assessment assessment) => _assessments.Add(assessment);

    /// <summary>Every assessment stored, oldest first, for assertions.</summary>
    public IReadOnlyList<Assessment> Assessments => _assessments.ToList();

    /// <summary>A copy of everything stored, for assertions.</summary>
    public IReadOnlyList<Episode> All => _episodes.Values.Select(Clone).ToList();

    /// <summary>A copy of one stored episode whoever owns it, or null; for assertions.</summary>
    public Episode? Peek(Guid id) => _episodes.TryGetValue(id, out var e) ? Clone(e) : null;

    /// <summary>Puts an episode in directly (test set-up), replacing any with the same id.</summary>
    public void Seed(Episode episode) => _episodes[episode.Id] = Clone(episode);

    public Task<(Episode Episode, bool Created)> AddIfAbsentAsync(Episode episode, Assessment assessment, CancellationToken ct)
    {
        var existing = _episodes.TryGetValue(episode.Id, out var byId) ? byId
            : _episodes.Values.FirstOrDefault(e => e.PatientId == episode.PatientId && e.ClientId == episode.ClientId);
        if (existing is not null)
        {
            return Task.FromResult((Clone(existing), false));
        }

        _episodes[episode.Id] = Clone(episode);
        _assessments.Add(assessment);
        return Task.FromResult((Clone(episode), true));
    }

    public Task<IReadOnlyList<DateOnly>> ListNightsBetweenAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct) =>
        patientId == UnreadablePatient ? throw new InvalidOperationException("Her nights can't be read.") :
        Task.FromResult<IReadOnlyList<DateOnly>>(_episodes.Values
            .Where(e => e.PatientId == patientId && e.Night >= fromNight && e.Night <= toNight)
            .Select(e => e.Night).Distinct().ToList());

    public Task<Episode?> FindByClientIdAsync(string patientId, Guid clientId, CancellationToken ct) =>
        Task.FromResult(_episodes.Values.FirstOrDefault(e => e.PatientId == patientId && e.ClientId == clientId) is { } e ? Clone(e) : null);

    public Task<IReadOnlyList<Episode>> ListPageAsync(string patientId, (DateTime StartedAtUtc, Guid Id)? after, int take, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Episode>>(_episodes.Values
            .Where(e => e.PatientId == patientId)
            .Where(e => after is not { } c || e.StartedAtUtc < c.StartedAtUtc || (e.StartedAtUtc == c.StartedAtUtc && e.Id.CompareTo(c.Id) < 0))
            .OrderByDescending(e => e.StartedAtUtc).ThenByDescending(e => e.Id)
            .Take(take + 1)
            .Select(Clone)
            .ToList());

    public Task<Episode?> FindAsync(string patientId, Guid id, CancellationToken ct) =>
        Task.FromResult(_episodes.TryGetValue(id, out var e) && e.PatientId == patientId ? Clone(e) : null);

    public Task<bool> BelongsToAnotherAsync(string patientId, Guid id, CancellationToken ct) =>
        Task.FromResult(_episodes.TryGetValue(id, out var e) && e.PatientId != patientId);

    public Task<bool> UpdateAsync(Episode episode, Assessment? assessment, CancellationToken ct)
    {
        if (!_episodes.TryGetValue(episode.Id, out var existing) || existing.PatientId != episode.PatientId)
        {
            return Task.FromResult(false);
        }

        // As the real store: only the midwife's path writes her measurement.
        var stored = Clone(episode);
        stored.MidwifeCalfDifferenceCm = existing.MidwifeCalfDifferenceCm;
        _episodes[episode.Id] = stored;
        if (assessment is not null)
        {
            _assessments.Add(assessment);
        }

        return Task.FromResult(true);
    }

    public Task<bool> RecordMidwifeCalfDifferenceAsync(string patientId, Guid episodeId, decimal? differenceCm, Assessment assessment, CancellationToken ct)
    {
        if (!_episodes.TryGetValue(episodeId, out var existing) || existing.PatientId != patientId)
        {
            return Task.FromResult(false);
        }

        existing.MidwifeCalfDifferenceCm = differenceCm;
        _assessments.Add(assessment);
        return Task.FromResult(true);
    }

    public Task<Assessment?> FindAssessmentAsync(string patientId, Guid assessmentId, CancellationToken ct) =>
        Task.FromResult(_assessments.FirstOrDefault(a => a.Id == assessmentId && a.PatientId == patientId));

    public Task<IReadOnlyList<Assessment>> ListAssessmentsForEpisodesAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Assessment>>(
            _assessments.Where(a => a.PatientId == patientId && episodeIds.Contains(a.EpisodeId)).OrderBy(a => a.AssessedAtUtc).ToList());

    public Task<ReviewWrite> AddReviewAsync(FlagReview review, CancellationToken ct)
    {
        var assessment = _assessments.FirstOrDefault(a => a.Id == review.AssessmentId && a.PatientId == review.PatientId && a.EpisodeId == review.EpisodeId);
        if (assessment is null)
        {
            return Task.FromResult(new ReviewWrite(ReviewWriteStatus.NotFound, null));
        }

        if (_reviews.FirstOrDefault(r => r.AssessmentId == review.AssessmentId) is { } existing)
        {
            return Task.FromResult(new ReviewWrite(ReviewWriteStatus.AlreadyReviewed, existing));
        }

        var newest = _assessments.Where(a => a.EpisodeId == assessment.EpisodeId).OrderBy(a => a.AssessedAtUtc).Last();
        if (newest.Id != assessment.Id)
        {
            return Task.FromResult(new ReviewWrite(ReviewWriteStatus.NotCurrent, null));
        }

        _reviews.Add(review);
        return Task.FromResult(new ReviewWrite(ReviewWriteStatus.Added, review));
    }

    public Task<IReadOnlyList<FlagReview>> ListReviewsSinceAsync(string patientId, DateTime sinceUtc, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<FlagReview>>(_reviews.Where(r => r.PatientId == patientId && r.AtUtc >= sinceUtc).ToList());

    public Task<IReadOnlyDictionary<Guid, FlagReview>> ReviewsForAsync(string patientId, IReadOnlyCollection<Guid> assessmentIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, FlagReview>>(
            _reviews.Where(r => r.PatientId == patientId && assessmentIds.Contains(r.AssessmentId)).ToDictionary(r => r.AssessmentId));

    public Task<IReadOnlyList<Assessment>> ListAssessmentsAsync(string patientId, Guid episodeId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Assessment>>(
            _assessments.Where(a => a.PatientId == patientId && a.EpisodeId == episodeId).OrderByDescending(a => a.AssessedAtUtc).ToList());

    public Task<IReadOnlyDictionary<Guid, Assessment>> LatestAssessmentsAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, Assessment>>(
            _assessments.Where(a => a.PatientId == patientId && episodeIds.Contains(a.EpisodeId))
                .GroupBy(a => a.EpisodeId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedAtUtc).ThenByDescending(a => _assessments.IndexOf(a)).First()));

    public Task<IReadOnlyList<Guid>> ListEpisodesAssessedSinceAsync(string patientId, AssessmentReason reason, DateTime sinceUtc, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Guid>>(
            _assessments.Where(a => a.PatientId == patientId && a.AssessedAtUtc >= sinceUtc && a.Reason == reason).Select(a => a.EpisodeId).Distinct().ToList());

    public Task<IReadOnlyList<Guid>> ListEpisodesAssessedAboveShownSinceAsync(string patientId, DateTime sinceUtc, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Guid>>(
            _assessments.Where(a => a.PatientId == patientId && (a.ReceivedAtUtc ?? a.AssessedAtUtc) >= sinceUtc && a.ShownLevel is { } shown && a.Level > shown)
                .Select(a => a.EpisodeId).Distinct().ToList());

    public Task<IReadOnlyList<Episode>> ListWithOngoingPainAsync(string patientId, DateTime sinceUtc, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Episode>>(
            Mine(patientId)
                .Where(e => e.StartedAtUtc >= sinceUtc && e.PainGoneAtUtc is null && e.Answers.PainStillThere == Answer.Yes)
                .Select(Clone)
                .ToList());

    public Task<bool> DeleteAsync(string patientId, Guid id, CancellationToken ct)
    {
        var removed = _episodes.TryGetValue(id, out var e) && e.PatientId == patientId && _episodes.Remove(id);
        if (removed)
        {
            _assessments.RemoveAll(a => a.EpisodeId == id);
            _reviews.RemoveAll(r => r.EpisodeId == id);
        }

        return Task.FromResult(removed);
    }

    public Task<int> DeleteAllAsync(string patientId, CancellationToken ct)
    {
        var ids = _episodes.Values.Where(e => e.PatientId == patientId).Select(e => e.Id).ToList();
        foreach (var id in ids)
        {
            _episodes.Remove(id);
            _assessments.RemoveAll(a => a.EpisodeId == id);
            _reviews.RemoveAll(r => r.EpisodeId == id);
        }

        return Task.FromResult(ids.Count);
    }

    public Task<IReadOnlyList<DateOnly>> ListNightsAsync(string patientId, int skip, int take, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DateOnly>>(
            Mine(patientId).Select(e => e.Night).Distinct().OrderDescending().Skip(skip).Take(take).ToList());

    public Task<int> CountNightsAsync(string patientId, CancellationToken ct) =>
        Task.FromResult(Mine(patientId).Select(e => e.Night).Distinct().Count());

    /// <summary>A patient whose nights can't be read (a damaged row, say): <see cref="ListByNightsAsync"/> and <see cref="ListNightsBetweenAsync"/> throw for her.</summary>
    public string? UnreadablePatient { get; set; }

    public Task<IReadOnlyList<Episode>> ListByNightsAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct) =>
        patientId == UnreadablePatient ? throw new InvalidOperationException("Her nights can't be read.") :
        Task.FromResult<IReadOnlyList<Episode>>(
            Mine(patientId)
                .Where(e => e.Night >= fromNight && e.Night <= toNight)
                .OrderByDescending(e => e.StartedAtUtc)
                .Select(Clone)
                .ToList());

    private IEnumerable<Episode> Mine(string patientId) => _episodes.Values.Where(e => e.PatientId == patientId);

    public static Episode Clone(Episode e) => new()
    {
        Id = e.Id,
        PatientId = e.PatientId,
        ClientId = e.ClientId,
        ClientRequestHash = e.ClientRequestHash,
        StartedAtUtc = e.StartedAtUtc,
        Night = e.Night,
        Side = e.Side,
        DurationMinutes = e.DurationMinutes,
        Locations = e.Locations,
        PainScore = e.PainScore,
        HelpedBy = e.HelpedBy,
        PainAfterHours = e.PainAfterHours,
        ContinuousPainMinutes = e.ContinuousPainMinutes,
        CalfDifferenceCm = e.CalfDifferenceCm,
        MidwifeCalfDifferenceCm = e.MidwifeCalfDifferenceCm,
        Answers = e.Answers with { },
        Notes = e.Notes,
        CreatedAtUtc = e.CreatedAtUtc,
        UpdatedAtUtc = e.UpdatedAtUtc,
        ReviewedAtUtc = e.ReviewedAtUtc,
        PainCheckedAtUtc = e.PainCheckedAtUtc,
        PainGoneAtUtc = e.PainGoneAtUtc,
    };
}
