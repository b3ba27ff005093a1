using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;

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
        if (_episodes.TryGetValue(episode.Id, out var existing))
        {
            return Task.FromResult((Clone(existing), false));
        }

        _episodes[episode.Id] = Clone(episode);
        _assessments.Add(assessment);
        return Task.FromResult((Clone(episode), true));
    }

    public Task<Episode?> FindAsync(string patientId, Guid id, CancellationToken ct) =>
        Task.FromResult(_episodes.TryGetValue(id, out var e) && e.PatientId == patientId ? Clone(e) : null);

    public Task<bool> UpdateAsync(Episode episode, Assessment? assessment, CancellationToken ct)
    {
        if (!_episodes.TryGetValue(episode.Id, out var existing) || existing.PatientId != episode.PatientId)
        {
            return Task.FromResult(false);
        }

        _episodes[episode.Id] = Clone(episode);
        if (assessment is not null)
        {
            _assessments.Add(assessment);
        }

        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<Assessment>> ListAssessmentsAsync(string patientId, Guid episodeId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Assessment>>(
            _assessments.Where(a => a.PatientId == patientId && a.EpisodeId == episodeId).OrderByDescending(a => a.AssessedAtUtc).ToList());

    public Task<IReadOnlyDictionary<Guid, Assessment>> LatestAssessmentsAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, Assessment>>(
            _assessments.Where(a => a.PatientId == patientId && episodeIds.Contains(a.EpisodeId))
                .GroupBy(a => a.EpisodeId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedAtUtc).ThenByDescending(a => _assessments.IndexOf(a)).First()));

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
        }

        return Task.FromResult(removed);
    }

    public Task<int> DeleteAllAsync(string patientId, CancellationToken ct)
    {
        var ids = _episodes.Values.Where(e => e.PatientId == patientId).Select(e => e.Id).ToList();
        foreach (var id in ids)
        {
            _episodes.Remove(id);
        }

        return Task.FromResult(ids.Count);
    }

    public Task<IReadOnlyList<DateOnly>> ListNightsAsync(string patientId, int skip, int take, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DateOnly>>(
            Mine(patientId).Select(e => e.Night).Distinct().OrderDescending().Skip(skip).Take(take).ToList());

    public Task<int> CountNightsAsync(string patientId, CancellationToken ct) =>
        Task.FromResult(Mine(patientId).Select(e => e.Night).Distinct().Count());

    public Task<IReadOnlyList<Episode>> ListByNightsAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct) =>
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
        Answers = e.Answers with { },
        Notes = e.Notes,
        CreatedAtUtc = e.CreatedAtUtc,
        UpdatedAtUtc = e.UpdatedAtUtc,
        ReviewedAtUtc = e.ReviewedAtUtc,
        PainCheckedAtUtc = e.PainCheckedAtUtc,
        PainGoneAtUtc = e.PainGoneAtUtc,
    };
}
