using LegCrampCare.Core.Common;

namespace LegCrampCare.Core.Features.Episodes;

/// <summary>
/// A patient's own episodes. Every call works on the signed-in patient's data only; anything else is "not found".
/// </summary>
public interface IEpisodeService
{
    Task<ServiceResult<EpisodeDto>> QuickLogAsync(QuickLogRequest request, CancellationToken ct = default);

    /// <summary>
    /// Logs a cramp with what is known so far, from a client that makes its own ids: the first call stores it (Created);
    /// the same client id with the same fingerprint answers with the stored one; with another fingerprint, a conflict
    /// that carries the stored one. Validated and assessed as any edit is.
    /// </summary>
    Task<ServiceResult<EpisodeCreated>> CreateAsync(CreateEpisodeRequest request, CancellationToken ct = default);

    /// <summary>Her episodes newest first, <paramref name="limit"/> (1–100) at a time, after <paramref name="after"/>.</summary>
    Task<ServiceResult<EpisodeListPage>> ListAsync(EpisodeCursor? after, int limit, CancellationToken ct = default);

    Task<ServiceResult<EpisodeDto>> GetAsync(Guid episodeId, CancellationToken ct = default);

    Task<ServiceResult<EpisodeDto>> UpdateAsync(UpdateEpisodeRequest request, CancellationToken ct = default);

    Task<ServiceResult<bool>> DeleteAsync(Guid episodeId, CancellationToken ct = default);

    Task<ServiceResult<HistoryPage>> GetHistoryAsync(int page, int pageSize, CancellationToken ct = default);

    /// <summary>
    /// From 05:00 local until midnight: last night's episodes (the night named by yesterday's date) that still have
    /// unanswered questions, to confirm, complete or delete. Empty before 05:00 and when there is nothing to review.
    /// </summary>
    Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetMorningReviewAsync(CancellationToken ct = default);

    /// <summary>"These are right as they are": takes the episode out of the morning review without changing it.</summary>
    Task<ServiceResult<bool>> ConfirmAsync(Guid episodeId, CancellationToken ct = default);

    /// <summary>Every assessment of one episode, newest first, each with its explanation.</summary>
    Task<ServiceResult<IReadOnlyList<AssessmentDto>>> GetAssessmentsAsync(Guid episodeId, CancellationToken ct = default);

    /// <summary>
    /// Episodes whose pain was still there when she last said, asked about again on her next visit (at the earliest an
    /// hour after her last answer) until she says it has gone, for up to two weeks.
    /// </summary>
    Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetPainFollowUpsAsync(CancellationToken ct = default);

    /// <summary>
    /// Cramps whose current result comes from a calf measurement her midwife recorded in the last 7 days and raised the
    /// advice to "get checked" or more (see <c>EpisodeService.RaisedByHerMidwife</c>), newest first: shown on her home
    /// page, so a raised result never waits for her to open that cramp. A cleared measurement shows nothing.
    /// </summary>
    Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetMidwifeUpdatesAsync(CancellationToken ct = default);

    /// <summary>
    /// Cramps whose result a newer rule set raised when it was deployed (re-assessed once, <see cref="Domain.AssessmentReason.RuleSetUpgrade"/>)
    /// to a warning sign higher than her own last result, re-assessed in the last 7 days and still the current result,
    /// newest first: shown on her home page with conditional wording (clinical README §8, W12).
    /// </summary>
    Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetRuleSetUpdatesAsync(CancellationToken ct = default);

    /// <summary>
    /// Her midwife's reviews of her warning signs in the last 7 days, newest first, each with its cramp: shown on her home
    /// page, so a note her midwife wrote reaches her without opening that cramp.
    /// </summary>
    /// <summary>
    /// Her cramps of the last 7 days whose current result, made by the server from answers her phone kept, is higher than
    /// what the phone's rules showed her (ADR 0021: the server's result is the one of record), newest first.
    /// </summary>
    Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetHigherThanShownAsync(CancellationToken ct = default);

    Task<ServiceResult<IReadOnlyList<MidwifeNoteDto>>> GetMidwifeNotesAsync(CancellationToken ct = default);

    /// <summary>Records whether the pain has gone or is getting better, and re-assesses the episode (UR-6, UR-7 read it).</summary>
    Task<ServiceResult<EpisodeDto>> AnswerPainFollowUpAsync(PainFollowUpRequest request, CancellationToken ct = default);

    /// <summary>The times an episode may start at, for showing limits on the form.</summary>
    Task<ServiceResult<EpisodeTimeWindow>> GetTimeWindowAsync(CancellationToken ct = default);

    /// <summary>
    /// Her nights with cramps from <see cref="TriageInput.MaxNightsAgo"/> nights before tonight up to tonight: what the
    /// rules read of her history (RO-1), for the offline quick log's kit (ADR 0021).
    /// </summary>
    Task<ServiceResult<IReadOnlyList<DateOnly>>> GetRecentNightsAsync(CancellationToken ct = default);
}
