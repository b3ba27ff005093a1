using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Features.Episodes;

namespace LegCrampCare.Web.Tests.Components.Fakes;

/// <summary>
/// A hand-written <see cref="IEpisodeService"/> that records every call. By default it behaves like a working
/// service over <see cref="Stored"/>; a test replaces one of the <c>On…</c> handlers to answer differently
/// (an error, a result that never arrives, and so on).
/// </summary>
public sealed class FakeEpisodeService : IEpisodeService
{
    public FakeEpisodeService()
    {
        OnQuickLog = request =>
        {
            var episode = TestAssessments.Assessed(TestEpisodes.Episode(request.EpisodeId, request.Side), Contacts());
            Stored[episode.Id] = episode;
            return Task.FromResult(ServiceResult<EpisodeDto>.Ok(episode));
        };
        OnGet = id => Task.FromResult(Stored.TryGetValue(id, out var episode)
            ? ServiceResult<EpisodeDto>.Ok(episode)
            : ServiceResult<EpisodeDto>.NotFound());
        OnUpdate = request =>
        {
            if (!Stored.TryGetValue(request.EpisodeId, out var episode))
            {
                return Task.FromResult(ServiceResult<EpisodeDto>.NotFound());
            }

            var updated = TestAssessments.Assessed(episode with { Details = request.Details with { Answers = request.Details.Answers with { } } }, Contacts());
            Store(episode, updated);
            return Task.FromResult(ServiceResult<EpisodeDto>.Ok(updated));
        };
        OnDelete = id => Task.FromResult(Stored.Remove(id) ? ServiceResult<bool>.Ok(true) : ServiceResult<bool>.NotFound());
        OnGetHistory = (page, pageSize) => Task.FromResult(ServiceResult<HistoryPage>.Ok(new HistoryPage([], page, pageSize, 0)));
        OnPainFollowUp = request =>
        {
            if (!Stored.TryGetValue(request.EpisodeId, out var episode))
            {
                return Task.FromResult(ServiceResult<EpisodeDto>.NotFound());
            }

            var details = episode.Details with
            {
                PainAfterHours = PainFollowUpHours,
                Answers = episode.Details.Answers with
                {
                    PainStillThere = Answer.Yes,
                    PainAfterImproving = request.PainNow == PainNow.NotBetter ? Answer.No : Answer.Yes,
                    PainSide = request.StillHurts ?? episode.Details.Answers.PainSide,
                },
            };
            var updated = TestAssessments.Assessed(episode with { Details = details }, Contacts());
            Store(episode, updated);
            return Task.FromResult(ServiceResult<EpisodeDto>.Ok(updated));
        };
    }

    /// <summary>The results of the episode under test, newest first: every one handed out, then the one it was added with (what GetAssessmentsAsync returns).</summary>
    public List<AssessmentDto> Assessments { get; } = [];

    public IReadOnlyList<EpisodeDto> PainFollowUps { get; set; } = [];

    public List<PainFollowUpRequest> PainFollowUpCalls { get; } = [];

    /// <summary>How long the pain has lasted when she answers "is the pain still there?" (the real service counts from the start).</summary>
    public decimal PainFollowUpHours { get; set; } = 6;

    public Func<PainFollowUpRequest, Task<ServiceResult<EpisodeDto>>> OnPainFollowUp { get; set; }

    /// <summary>The episodes the default handlers read and write.</summary>
    public Dictionary<Guid, EpisodeDto> Stored { get; } = [];

    public List<QuickLogRequest> QuickLogCalls { get; } = [];

    public List<Guid> GetCalls { get; } = [];

    public List<UpdateEpisodeRequest> UpdateCalls { get; } = [];

    public List<Guid> DeleteCalls { get; } = [];

    public List<(int Page, int PageSize)> HistoryCalls { get; } = [];

    public int MorningReviewCalls { get; private set; }

    public int TimeWindowCalls { get; private set; }

    public Func<QuickLogRequest, Task<ServiceResult<EpisodeDto>>> OnQuickLog { get; set; }

    public Func<Guid, Task<ServiceResult<EpisodeDto>>> OnGet { get; set; }

    public Func<UpdateEpisodeRequest, Task<ServiceResult<EpisodeDto>>> OnUpdate { get; set; }

    public Func<Guid, Task<ServiceResult<bool>>> OnDelete { get; set; }

    public Func<int, int, Task<ServiceResult<HistoryPage>>> OnGetHistory { get; set; }

    public IReadOnlyList<EpisodeDto> MorningReview { get; set; } = [];

    public EpisodeTimeWindow TimeWindow { get; set; } = new(
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), "The start can't be before your pregnancy began.",
        new DateTime(2026, 11, 20, 2, 30, 0, DateTimeKind.Unspecified), "The start can't be in the future.");

    /// <summary>
    /// Like the real service: the new assessment is added to the episode's results, which keep every earlier one
    /// (including the one it had when it was added).
    /// </summary>
    private void Store(EpisodeDto before, EpisodeDto after)
    {
        if (Assessments.Count == 0 && before.Assessment is { } first)
        {
            Assessments.Add(first);
        }

        Assessments.Insert(0, after.Assessment!);
        Stored[after.Id] = after;
    }

    /// <summary>Puts an episode where the default handlers find it, and returns it.</summary>
    public EpisodeDto Add(EpisodeDto episode)
    {
        Stored[episode.Id] = episode;
        return episode;
    }

    public Task<ServiceResult<EpisodeDto>> QuickLogAsync(QuickLogRequest request, CancellationToken ct = default)
    {
        QuickLogCalls.Add(request);
        return OnQuickLog(request);
    }

    /// <summary>No component logs through the API's create; a component that did would show up here as a failure.</summary>
    public Task<ServiceResult<EpisodeCreated>> CreateAsync(CreateEpisodeRequest request, CancellationToken ct = default) =>
        throw new InvalidOperationException("Components log through QuickLogAsync, not the API's CreateAsync.");

    public Task<ServiceResult<EpisodeListPage>> ListAsync(EpisodeCursor? after, int limit, CancellationToken ct = default) =>
        throw new InvalidOperationException("Components page history through GetHistoryAsync, not the API's ListAsync.");

    public Task<ServiceResult<EpisodeDto>> GetAsync(Guid episodeId, CancellationToken ct = default)
    {
        GetCalls.Add(episodeId);
        return OnGet(episodeId);
    }

    public Task<ServiceResult<EpisodeDto>> UpdateAsync(UpdateEpisodeRequest request, CancellationToken ct = default)
    {
        UpdateCalls.Add(request);
        return OnUpdate(request);
    }

    public Task<ServiceResult<bool>> DeleteAsync(Guid episodeId, CancellationToken ct = default)
    {
        DeleteCalls.Add(episodeId);
        return OnDelete(episodeId);
    }

    public Task<ServiceResult<HistoryPage>> GetHistoryAsync(int page, int pageSize, CancellationToken ct = default)
    {
        HistoryCalls.Add((page, pageSize));
        return OnGetHistory(page, pageSize);
    }

    public Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetMorningReviewAsync(CancellationToken ct = default)
    {
        MorningReviewCalls++;
        return Task.FromResult(ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(MorningReview));
    }

    public List<Guid> ConfirmCalls { get; } = [];

    public Task<ServiceResult<bool>> ConfirmAsync(Guid episodeId, CancellationToken ct = default)
    {
        ConfirmCalls.Add(episodeId);
        MorningReview = MorningReview.Where(e => e.Id != episodeId).ToList();
        return Task.FromResult(ServiceResult<bool>.Ok(true));
    }

    public Task<ServiceResult<EpisodeTimeWindow>> GetTimeWindowAsync(CancellationToken ct = default)
    {
        TimeWindowCalls++;
        return Task.FromResult(ServiceResult<EpisodeTimeWindow>.Ok(TimeWindow));
    }

    public List<DateOnly> RecentNights { get; } = [];

    public Task<ServiceResult<IReadOnlyList<DateOnly>>> GetRecentNightsAsync(CancellationToken ct = default) =>
        Task.FromResult(ServiceResult<IReadOnlyList<DateOnly>>.Ok(RecentNights.ToList()));

    public Task<ServiceResult<IReadOnlyList<AssessmentDto>>> GetAssessmentsAsync(Guid episodeId, CancellationToken ct = default)
    {
        IReadOnlyList<AssessmentDto> list = Stored.TryGetValue(episodeId, out var episode)
            ? Assessments.Count > 0 ? Assessments : episode.Assessment is { } a ? [a] : []
            : [];
        return Task.FromResult(ServiceResult<IReadOnlyList<AssessmentDto>>.Ok(list));
    }

    public List<EpisodeDto> MidwifeUpdates { get; } = [];

    public Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetMidwifeUpdatesAsync(CancellationToken ct = default) =>
        Task.FromResult(ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(MidwifeUpdates));

    public List<EpisodeDto> RuleSetUpdates { get; } = [];

    public Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetRuleSetUpdatesAsync(CancellationToken ct = default) =>
        Task.FromResult(ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(RuleSetUpdates));

    public List<EpisodeDto> HigherThanShown { get; } = [];

    public Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetHigherThanShownAsync(CancellationToken ct = default) =>
        Task.FromResult(ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(HigherThanShown));

    public List<MidwifeNoteDto> MidwifeNotes { get; } = [];

    public Task<ServiceResult<IReadOnlyList<MidwifeNoteDto>>> GetMidwifeNotesAsync(CancellationToken ct = default) =>
        Task.FromResult(ServiceResult<IReadOnlyList<MidwifeNoteDto>>.Ok(MidwifeNotes));

    /// <summary>The deployment's numbers the cards are built with (the component tests' <c>Safety</c>).</summary>
    public LegCrampCare.Core.Features.Safety.SafetyOptions Safety { get; set; } = new();

    private Rules.ContactNumbers Contacts() => Safety.ContactsFor(null);

    public Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetPainFollowUpsAsync(CancellationToken ct = default) =>
        Task.FromResult(ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(PainFollowUps));

    public Task<ServiceResult<EpisodeDto>> AnswerPainFollowUpAsync(PainFollowUpRequest request, CancellationToken ct = default)
    {
        PainFollowUpCalls.Add(request);
        return OnPainFollowUp(request);
    }
}
