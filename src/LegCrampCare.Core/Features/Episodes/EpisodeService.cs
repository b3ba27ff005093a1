using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Triage;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Core.Features.Episodes;

public sealed class EpisodeService(
    ICurrentUser currentUser,
    IEpisodeStore episodes,
    IProfileStore profiles,
    EpisodeAssessor assessor,
    IGuidanceStore guidance,
    Safety.SafetyOptions safety,
    IAuditLog audit,
    TimeProvider time,
    ILogger<EpisodeService> logger) : IEpisodeService
{
    /// <summary>Audit actions of her own episodes that were refused (another patient's id, or one that doesn't exist).</summary>
    public const string QuickLogAction = "episode.quick-logged";
    public const string ReadAction = "episode.read";
    public const string UpdateAction = "episode.updated";
    public const string DeleteAction = "episode.deleted";
    public const string ConfirmAction = "episode.confirmed";
    public const string AssessmentsAction = "episode.assessments.read";
    public const string PainFollowUpAction = "episode.pain-follow-up";
    public const string Denied = "denied";

    /// <summary>A little tolerance for "not in the future": the phone's clock and ours may differ by seconds.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan FewMinutesAgo = TimeSpan.FromMinutes(5);

    /// <summary>The morning review appears from this local time on.</summary>
    public static readonly TimeOnly MorningReviewFrom = new(5, 0);

    /// <summary>"Is the pain still there?" is asked again at the earliest this long after her last answer...</summary>
    public static readonly TimeSpan PainFollowUpInterval = TimeSpan.FromHours(1);

    /// <summary>...and for at most this long after the cramp.</summary>
    public static readonly TimeSpan PainFollowUpWindow = TimeSpan.FromDays(14);

    /// <summary>How long a result raised by her midwife's measurement is shown on her home page.</summary>
    public static readonly TimeSpan MidwifeUpdateWindow = TimeSpan.FromDays(7);

    public async Task<ServiceResult<EpisodeDto>> QuickLogAsync(QuickLogRequest request, CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<EpisodeDto>.NotFound();
        }

        if (request.EpisodeId == Guid.Empty)
        {
            return ServiceResult<EpisodeDto>.Invalid(nameof(request.EpisodeId), "The log action has no id; reload the page and try again.");
        }

        var (profile, zone) = patient.Value;
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var startUtc = request.When switch
        {
            QuickLogTime.Now => nowUtc,
            QuickLogTime.FewMinutesAgo => nowUtc - FewMinutesAgo,
            _ when request.CustomStartLocal is { } local => PregnancyCalendar.LocalToUtc(local, zone),
            _ => DateTime.MinValue,
        };
        if (startUtc == DateTime.MinValue)
        {
            return ServiceResult<EpisodeDto>.Invalid(nameof(EpisodeDetails.StartedAtLocal), "Choose when the cramp started.");
        }

        var details = new EpisodeDetails { StartedAtLocal = PregnancyCalendar.ToLocal(startUtc, zone), Side = request.Side };
        var errors = Validate(details, profile, zone, nowUtc);
        if (errors.Count > 0)
        {
            return ServiceResult<EpisodeDto>.Invalid(errors);
        }

        var episode = new Episode
        {
            Id = request.EpisodeId,
            PatientId = profile.UserId,
            StartedAtUtc = startUtc,
            Night = PregnancyCalendar.NightOf(startUtc, zone),
            Side = request.Side,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        var assessment = assessor.Assess(episode, profile, await OtherNightsAsync(episode, ct), AssessmentReason.Logged, nowUtc);
        assessment.GuidanceShown = await GuidanceShownAsync(assessment, ct);
        var (stored, created) = await episodes.AddIfAbsentAsync(episode, assessment, ct);
        if (stored.PatientId != profile.UserId)
        {
            // The id was taken by someone else's episode: never reveal or touch it.
            return await RefusedAsync<EpisodeDto>(profile.UserId, QuickLogAction, request.EpisodeId, ct);
        }

        logger.LogInformation("Episode {EpisodeId} quick-logged (created: {Created})", stored.Id, created);
        var latest = created ? assessment : await LatestAsync(stored, ct);
        var reviews = latest is null || created ? null : await ReviewsAsync(stored.PatientId, [latest], ct);
        return ServiceResult<EpisodeDto>.Ok(ToDto(stored, profile, zone, latest is null ? null : Explained(latest, stored, profile, zone, reviews)));
    }

    /// <summary>
    /// Every rule but the start time's (checked per call, since "now" moves), built once per cramp-length threshold for the
    /// app's life: building the rules is the costly part, and a built validator is safe to share.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<decimal, EpisodeDetailsValidator> Validators = new();

    /// <summary>The most episodes one page of <see cref="ListAsync"/> gives.</summary>
    public const int MaxPageSize = 100;

    public async Task<ServiceResult<EpisodeCreated>> CreateAsync(CreateEpisodeRequest request, CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<EpisodeCreated>.NotFound();
        }

        if (request.ClientId == Guid.Empty)
        {
            return ServiceResult<EpisodeCreated>.Invalid(nameof(request.ClientId),
                "Client id is required: a UUID (not all zeros) the app makes once for this cramp and sends again on every retry.");
        }

        var (profile, zone) = patient.Value;
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var startUtc = DateTime.SpecifyKind(request.StartedAtUtc, DateTimeKind.Utc);
        var details = request.Details with { StartedAtLocal = PregnancyCalendar.ToLocal(startUtc, zone), Answers = request.Details.Answers ?? new() };
        var errors = Validate(details, profile, zone, nowUtc);
        if (EpisodeDetailsValidator.IsReliefContradictory(details.HelpedBy))
        {
            errors.Add(new FieldError(nameof(EpisodeDetails.HelpedBy), EpisodeDetailsValidator.NothingHelpedWithOthers));
        }

        if (errors.Count > 0)
        {
            // A retry of a cramp stored earlier is answered with it even if it would not pass today (her pregnancy ended
            // since, say): exactly once means the stored one, not a 400.
            return await episodes.FindByClientIdAsync(profile.UserId, request.ClientId, ct) is { } known
                ? await AlreadyStoredAsync(known, request, profile, zone, ct)
                : ServiceResult<EpisodeCreated>.Invalid(errors);
        }

        // A retry of a stored cramp is found by the writer, in the same transaction as any insert (exactly once).

        var episode = new Episode
        {
            Id = Guid.CreateVersion7(),
            ClientId = request.ClientId,
            ClientRequestHash = request.RequestHash,
            PatientId = profile.UserId,
            StartedAtUtc = startUtc,
            Night = PregnancyCalendar.NightOf(startUtc, zone),
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        Apply(details, episode);
        var device = DeviceTiming.Of(request.Device, nowUtc, notBeforeUtc: startUtc);
        var assessment = assessor.Assess(episode, profile, await OtherNightsAsync(episode, ct), AssessmentReason.Logged, device?.ReferenceUtc ?? nowUtc);
        device?.Record(assessment, request.Device!, nowUtc);
        assessment.GuidanceShown = await GuidanceShownAsync(assessment, ct);
        var (stored, created) = await episodes.AddIfAbsentAsync(episode, assessment, ct);
        if (stored.PatientId != profile.UserId)
        {
            return await RefusedAsync<EpisodeCreated>(profile.UserId, QuickLogAction, episode.Id, ct);
        }

        if (!created)
        {
            // A retry of the same log won the race inside the writer.
            return await AlreadyStoredAsync(stored, request, profile, zone, ct);
        }

        logger.LogInformation("Episode {EpisodeId} logged through the API", stored.Id);
        return ServiceResult<EpisodeCreated>.Ok(new EpisodeCreated(ToDto(stored, profile, zone, Explained(assessment, stored, profile, zone)), Created: true));
    }

    /// <summary>The client id names a stored cramp: the same request again is answered with it, another is a conflict.</summary>
    private async Task<ServiceResult<EpisodeCreated>> AlreadyStoredAsync(Episode stored, CreateEpisodeRequest request, PregnancyProfile profile, TimeZoneInfo zone, CancellationToken ct)
    {
        var latest = await LatestAsync(stored, ct);
        var reviews = latest is null ? null : await ReviewsAsync(stored.PatientId, [latest], ct);
        var dto = ToDto(stored, profile, zone, latest is null ? null : Explained(latest, stored, profile, zone, reviews));
        if (string.Equals(stored.ClientRequestHash, request.RequestHash, StringComparison.Ordinal))
        {
            return ServiceResult<EpisodeCreated>.Ok(new EpisodeCreated(dto, Created: false));
        }

        logger.LogInformation("Episode {EpisodeId}: client id sent again with a different body", stored.Id);
        return ServiceResult<EpisodeCreated>.Conflict(new EpisodeCreated(dto, Created: false), nameof(request.ClientId),
            "This client id is already used for another cramp with different details. Make a new client id for a new cramp, or change this one with an edit.");
    }

    public async Task<ServiceResult<EpisodeListPage>> ListAsync(EpisodeCursor? after, int limit, CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<EpisodeListPage>.NotFound();
        }

        if (limit < 1)
        {
            return ServiceResult<EpisodeListPage>.Invalid("limit", $"Limit must be a whole number from 1 to {MaxPageSize}.");
        }

        limit = Math.Min(limit, MaxPageSize);
        var (profile, zone) = patient.Value;
        var rows = await episodes.ListPageAsync(profile.UserId, after is { } c ? (c.StartedAtUtc, c.Id) : null, limit, ct);
        var page = rows.Take(limit).ToList();
        var latest = await episodes.LatestAssessmentsAsync(profile.UserId, page.Select(e => e.Id).ToList(), ct);
        var reviews = await ReviewsAsync(profile.UserId, latest.Values, ct);
        var items = page
            .Select(e => ToDto(e, profile, zone, latest.TryGetValue(e.Id, out var a) ? ToDto(a, zone, explain: false, reviews) : null))
            .ToList();
        var next = rows.Count > limit ? new EpisodeCursor(page[^1].StartedAtUtc, page[^1].Id) : (EpisodeCursor?)null;
        return ServiceResult<EpisodeListPage>.Ok(new EpisodeListPage(items, next));
    }

    /// <summary>Everything she can record but the start time, from the form (or the API) onto the stored episode.</summary>
    private static void Apply(EpisodeDetails details, Episode episode)
    {
        episode.Side = details.Side;
        episode.DurationMinutes = details.DurationMinutes;
        episode.Locations = details.Locations;
        episode.PainScore = details.PainScore;
        episode.HelpedBy = details.HelpedBy;
        episode.PainAfterHours = details.PainAfterHours;
        episode.ContinuousPainMinutes = details.ContinuousPainMinutes;
        episode.CalfDifferenceCm = details.CalfDifferenceCm;
        episode.Answers = details.Answers with { };
        episode.Notes = TextInput.CleanOrNull(details.Notes);
    }

    public async Task<ServiceResult<EpisodeDto>> GetAsync(Guid episodeId, CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<EpisodeDto>.NotFound();
        }

        var (profile, zone) = patient.Value;
        var episode = await episodes.FindAsync(profile.UserId, episodeId, ct);
        if (episode is null)
        {
            return await RefusedAsync<EpisodeDto>(profile.UserId, ReadAction, episodeId, ct);
        }

        var latest = await LatestAsync(episode, ct);
        var reviews = latest is null ? null : await ReviewsAsync(episode.PatientId, [latest], ct);
        return ServiceResult<EpisodeDto>.Ok(ToDto(episode, profile, zone, latest is null ? null : Explained(latest, episode, profile, zone, reviews)));
    }

    public async Task<ServiceResult<EpisodeDto>> UpdateAsync(UpdateEpisodeRequest request, CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<EpisodeDto>.NotFound();
        }

        var (profile, zone) = patient.Value;
        var episode = await episodes.FindAsync(profile.UserId, request.EpisodeId, ct);
        if (episode is null)
        {
            return await RefusedAsync<EpisodeDto>(profile.UserId, UpdateAction, request.EpisodeId, ct);
        }

        var nowUtc = time.GetUtcNow().UtcDateTime;
        var details = request.StartedAtUtc is { } instant
            ? request.Details with { StartedAtLocal = PregnancyCalendar.ToLocal(DateTime.SpecifyKind(instant, DateTimeKind.Utc), zone) }
            : request.Details;
        var errors = Validate(details, profile, zone, nowUtc);
        if (details.HelpedBy != episode.HelpedBy && EpisodeDetailsValidator.IsReliefContradictory(details.HelpedBy))
        {
            errors.Add(new FieldError(nameof(EpisodeDetails.HelpedBy), EpisodeDetailsValidator.NothingHelpedWithOthers));
        }

        if (errors.Count > 0)
        {
            return ServiceResult<EpisodeDto>.Invalid(errors);
        }

        // Unchanged wall-clock time keeps the stored instant: in the hour the clocks go back a local time names two
        // instants, and re-converting would move an episode from the second one to the first.
        var startUtc = request.StartedAtUtc is { } exact ? DateTime.SpecifyKind(exact, DateTimeKind.Utc)
            : details.StartedAtLocal == PregnancyCalendar.ToLocal(episode.StartedAtUtc, zone) ? episode.StartedAtUtc
            : PregnancyCalendar.LocalToUtc(details.StartedAtLocal, zone);
        episode.StartedAtUtc = startUtc;
        episode.Night = PregnancyCalendar.NightOf(startUtc, zone);
        Apply(details, episode);
        episode.UpdatedAtUtc = nowUtc;
        if (episode.Answers.PainStillThere != Answer.Yes)
        {
            episode.PainGoneAtUtc = null;
            episode.PainCheckedAtUtc = null;
        }

        // Answers a phone kept are assessed at the moment she gave them, after the cramp's newest assessment (its order
        // stays the order they were made in).
        var device = request.Device is null ? null : DeviceTiming.Of(request.Device, nowUtc,
            notBeforeUtc: (await episodes.LatestAssessmentsAsync(profile.UserId, [episode.Id], ct)).GetValueOrDefault(episode.Id) is { } latest
                && latest.AssessedAtUtc > episode.StartedAtUtc ? latest.AssessedAtUtc.AddMilliseconds(1) : episode.StartedAtUtc);
        var assessment = assessor.Assess(episode, profile, await OtherNightsAsync(episode, ct), AssessmentReason.Edited, device?.ReferenceUtc ?? nowUtc);
        device?.Record(assessment, request.Device!, nowUtc);
        assessment.GuidanceShown = await GuidanceShownAsync(assessment, ct);
        if (!await episodes.UpdateAsync(episode, assessment, ct))
        {
            return ServiceResult<EpisodeDto>.NotFound();
        }

        logger.LogInformation("Episode {EpisodeId} updated and assessed", episode.Id);
        return ServiceResult<EpisodeDto>.Ok(ToDto(episode, profile, zone, Explained(assessment, episode, profile, zone)));
    }

    public async Task<ServiceResult<bool>> DeleteAsync(Guid episodeId, CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync(ct);
        if (user.UserId is null || !user.IsInRole(Roles.Patient))
        {
            return ServiceResult<bool>.NotFound();
        }

        if (!await episodes.DeleteAsync(user.UserId, episodeId, ct))
        {
            return await RefusedAsync<bool>(user.UserId, DeleteAction, episodeId, ct);
        }

        logger.LogInformation("Episode {EpisodeId} deleted", episodeId);
        return ServiceResult<bool>.Ok(true);
    }

    public async Task<ServiceResult<HistoryPage>> GetHistoryAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<HistoryPage>.NotFound();
        }

        var (profile, zone) = patient.Value;
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 50);
        var total = await episodes.CountNightsAsync(profile.UserId, ct);
        var nights = await episodes.ListNightsAsync(profile.UserId, (page - 1) * pageSize, pageSize, ct);
        if (nights.Count == 0)
        {
            return ServiceResult<HistoryPage>.Ok(new HistoryPage([], page, pageSize, total));
        }

        var list = await episodes.ListByNightsAsync(profile.UserId, nights[^1], nights[0], ct);
        var latest = await episodes.LatestAssessmentsAsync(profile.UserId, list.Select(e => e.Id).ToList(), ct);
        var reviews = await ReviewsAsync(profile.UserId, latest.Values, ct);
        var grouped = nights
            .Select(n => new NightDto(
                n,
                PregnancyCalendar.StageOn(profile, n).Label,
                list.Where(e => e.Night == n).OrderBy(e => e.StartedAtUtc)
                    .Select(e => ToDto(e, profile, zone, latest.TryGetValue(e.Id, out var a) ? ToDto(a, zone, explain: false, reviews) : null))
                    .ToList()))
            .ToList();
        return ServiceResult<HistoryPage>.Ok(new HistoryPage(grouped, page, pageSize, total));
    }

    public async Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetMorningReviewAsync(CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<IReadOnlyList<EpisodeDto>>.NotFound();
        }

        var (profile, zone) = patient.Value;
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var local = PregnancyCalendar.ToLocal(nowUtc, zone);
        var localTime = TimeOnly.FromDateTime(local);
        if (localTime < MorningReviewFrom)
        {
            return ServiceResult<IReadOnlyList<EpisodeDto>>.Ok([]);
        }

        var lastNight = DateOnly.FromDateTime(local).AddDays(-1);
        var list = await episodes.ListByNightsAsync(profile.UserId, lastNight, lastNight, ct);
        IReadOnlyList<EpisodeDto> pending = list
            .Where(e => (e.Answers.HasUnansweredQuickQuestion || e.HasMissingAnswers) && e.ReviewedAtUtc is null)
            .OrderBy(e => e.StartedAtUtc)
            .Select(e => ToDto(e, profile, zone))
            .ToList();
        return ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(pending);
    }

    public async Task<ServiceResult<bool>> ConfirmAsync(Guid episodeId, CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync(ct);
        if (user.UserId is null || !user.IsInRole(Roles.Patient))
        {
            return ServiceResult<bool>.NotFound();
        }

        var episode = await episodes.FindAsync(user.UserId, episodeId, ct);
        if (episode is null)
        {
            return await RefusedAsync<bool>(user.UserId, ConfirmAction, episodeId, ct);
        }

        // A cramp with a warning-sign question (or "is the pain still there?") unanswered can't be waved through: the
        // one action for it is to answer the questions (clinical README §8, W8).
        if (episode.HasMissingAnswers)
        {
            return ServiceResult<bool>.Invalid(nameof(EpisodeDetails.Answers),
                "Some warning-sign questions about this cramp are not answered yet, so it can't be marked as right as it is. Answer the questions first.");
        }

        // Nothing she answered changes, so the assessment stays as it is.
        episode.ReviewedAtUtc = time.GetUtcNow().UtcDateTime;
        if (!await episodes.UpdateAsync(episode, null, ct))
        {
            return ServiceResult<bool>.NotFound();
        }

        logger.LogInformation("Episode {EpisodeId} confirmed in the morning review", episodeId);
        return ServiceResult<bool>.Ok(true);
    }

    public async Task<ServiceResult<IReadOnlyList<AssessmentDto>>> GetAssessmentsAsync(Guid episodeId, CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<IReadOnlyList<AssessmentDto>>.NotFound();
        }

        var (profile, zone) = patient.Value;
        if (await episodes.FindAsync(profile.UserId, episodeId, ct) is not { } episode)
        {
            return await RefusedAsync<IReadOnlyList<AssessmentDto>>(profile.UserId, AssessmentsAction, episodeId, ct);
        }

        var list = await episodes.ListAssessmentsAsync(profile.UserId, episodeId, ct);
        var reviews = await ReviewsAsync(profile.UserId, list, ct);
        return ServiceResult<IReadOnlyList<AssessmentDto>>.Ok(list.Select(a => Explained(a, episode, profile, zone, reviews)).ToList());
    }

    public async Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetPainFollowUpsAsync(CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<IReadOnlyList<EpisodeDto>>.NotFound();
        }

        var (profile, zone) = patient.Value;
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var ongoing = await episodes.ListWithOngoingPainAsync(profile.UserId, nowUtc - PainFollowUpWindow, ct);
        IReadOnlyList<EpisodeDto> due = ongoing
            .Where(e => IsPainFollowUpDue(e, nowUtc))
            .OrderBy(e => e.StartedAtUtc)
            .Select(e => ToDto(e, profile, zone))
            .ToList();
        return ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(due);
    }

    public Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetMidwifeUpdatesAsync(CancellationToken ct = default) =>
        // Compared with her own last result before it: a midwife correcting or re-saving her measurement keeps the card.
        RaisedResultsAsync(AssessmentReason.MidwifeMeasurement,
            (current, before, episode) => episode.MidwifeCalfDifferenceCm is not null && RaisedByHerMidwife(current, before), ct);

    public Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetRuleSetUpdatesAsync(CancellationToken ct = default) =>
        RaisedResultsAsync(AssessmentReason.RuleSetUpgrade, (current, before, _) => RaisedByNewRuleSet(current, before), ct);

    public async Task<ServiceResult<IReadOnlyList<EpisodeDto>>> GetHigherThanShownAsync(CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<IReadOnlyList<EpisodeDto>>.NotFound();
        }

        var (profile, zone) = patient.Value;
        var ids = await episodes.ListEpisodesAssessedAboveShownSinceAsync(profile.UserId, time.GetUtcNow().UtcDateTime - MidwifeUpdateWindow, ct);
        if (ids.Count == 0)
        {
            return ServiceResult<IReadOnlyList<EpisodeDto>>.Ok([]);
        }

        // Only while that result is still the current one: a later one (her own edit, a midwife's measurement) has its own card.
        var latest = await episodes.LatestAssessmentsAsync(profile.UserId, ids, ct);
        var updates = new List<EpisodeDto>();
        foreach (var id in ids)
        {
            if (latest.GetValueOrDefault(id) is { ShownLevel: { } shown, IsIncomplete: false } current && current.Level > shown
                && await episodes.FindAsync(profile.UserId, id, ct) is { } episode)
            {
                updates.Add(ToDto(episode, profile, zone, Explained(current, episode, profile, zone)));
            }
        }

        return ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(updates.OrderByDescending(e => e.Assessment!.AssessedAtUtc).ToList());
    }

    /// <summary>
    /// Her cramps whose current result was given for <paramref name="reason"/> in the last 7 days and, compared with the
    /// newest result before it not given for that reason, is <paramref name="raised"/>: the home-page cards, newest first.
    /// </summary>
    private async Task<ServiceResult<IReadOnlyList<EpisodeDto>>> RaisedResultsAsync(
        AssessmentReason reason, Func<Assessment, Assessment?, Episode, bool> raised, CancellationToken ct)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<IReadOnlyList<EpisodeDto>>.NotFound();
        }

        var (profile, zone) = patient.Value;
        var since = time.GetUtcNow().UtcDateTime - MidwifeUpdateWindow;
        var ids = await episodes.ListEpisodesAssessedSinceAsync(profile.UserId, reason, since, ct);
        if (ids.Count == 0)
        {
            return ServiceResult<IReadOnlyList<EpisodeDto>>.Ok([]);
        }

        var latest = await episodes.LatestAssessmentsAsync(profile.UserId, ids, ct);
        var all = await episodes.ListAssessmentsForEpisodesAsync(profile.UserId, ids, ct);
        var updates = new List<EpisodeDto>();
        foreach (var id in ids)
        {
            var before = all.Where(a => a.EpisodeId == id && a.Reason != reason).MaxBy(a => (a.AssessedAtUtc, a.Level));
            if (latest.GetValueOrDefault(id) is not { } current || current.Reason != reason
                || await episodes.FindAsync(profile.UserId, id, ct) is not { } episode || !raised(current, before, episode))
            {
                continue;
            }

            updates.Add(ToDto(episode, profile, zone, Explained(current, episode, profile, zone)));
        }

        return ServiceResult<IReadOnlyList<EpisodeDto>>.Ok(updates.OrderByDescending(e => e.Assessment!.AssessedAtUtc).ToList());
    }

    /// <summary>
    /// The current result is a re-assessment under a newer rule set, is a warning sign (not only unanswered questions),
    /// and is more urgent than the result she had before it (<paramref name="previous"/>).
    /// </summary>
    public static bool RaisedByNewRuleSet(Assessment current, Assessment? previous) =>
        current.Reason == AssessmentReason.RuleSetUpgrade
        && (previous is null ? FlagReview.IsFlag(current) : RuleSetUpgradeService.IsHigher(current, previous));

    public async Task<ServiceResult<IReadOnlyList<MidwifeNoteDto>>> GetMidwifeNotesAsync(CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<IReadOnlyList<MidwifeNoteDto>>.NotFound();
        }

        var (profile, zone) = patient.Value;
        var since = time.GetUtcNow().UtcDateTime - MidwifeUpdateWindow;
        var reviews = await episodes.ListReviewsSinceAsync(profile.UserId, since, ct);
        var notes = new List<MidwifeNoteDto>();
        foreach (var review in reviews.OrderByDescending(r => r.AtUtc))
        {
            if (await episodes.FindAsync(profile.UserId, review.EpisodeId, ct) is { } episode)
            {
                notes.Add(new MidwifeNoteDto(ToDto(episode, profile, zone), new FlagReviewView(review.ReviewerName, review.AtUtc, review.Note)));
            }
        }

        return ServiceResult<IReadOnlyList<MidwifeNoteDto>>.Ok(notes);
    }

    /// <summary>
    /// The current result is her midwife's measurement, says to get checked (or more), and is more urgent than her own
    /// last result (<paramref name="previous"/>: the newest that is not a midwife's measurement). A measurement that kept
    /// or lowered the advice is nothing new to act on: the midwife was with her.
    /// </summary>
    public static bool RaisedByHerMidwife(Assessment current, Assessment? previous) =>
        current.Reason == AssessmentReason.MidwifeMeasurement
        && !current.IsIncomplete
        && current.Level >= TriageLevel.Urgent
        && (previous is null || previous.IsIncomplete || previous.Level < current.Level);

    /// <summary>Pain still there, not known to have gone, her last answer about it at least an hour ago, within two weeks.</summary>
    public static bool IsPainFollowUpDue(Episode e, DateTime nowUtc) =>
        e.Answers.PainStillThere == Answer.Yes &&
        e.PainGoneAtUtc is null &&
        e.StartedAtUtc >= nowUtc - PainFollowUpWindow &&
        (e.PainCheckedAtUtc ?? e.UpdatedAtUtc) <= nowUtc - PainFollowUpInterval;

    public async Task<ServiceResult<EpisodeDto>> AnswerPainFollowUpAsync(PainFollowUpRequest request, CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<EpisodeDto>.NotFound();
        }

        if (!Enum.IsDefined(request.PainNow))
        {
            return ServiceResult<EpisodeDto>.Invalid(nameof(request.PainNow), "Choose whether the pain has gone, is getting better, or is not getting better.");
        }

        var (profile, zone) = patient.Value;
        var episode = await episodes.FindAsync(profile.UserId, request.EpisodeId, ct);
        if (episode is null)
        {
            return await RefusedAsync<EpisodeDto>(profile.UserId, PainFollowUpAction, request.EpisodeId, ct);
        }

        var nowUtc = time.GetUtcNow().UtcDateTime;
        if (request.StillHurts is { } side && (!Enum.IsDefined(side) || request.PainNow == PainNow.Gone))
        {
            return ServiceResult<EpisodeDto>.Invalid(nameof(request.StillHurts), "Which leg still hurts: choose left, right or both, only while the pain is still there.");
        }

        episode.Answers = episode.Answers with
        {
            PainStillThere = Answer.Yes,
            PainAfterImproving = request.PainNow == PainNow.NotBetter ? Answer.No : Answer.Yes,
            PainSide = request.StillHurts ?? episode.Answers.PainSide,
        };

        // How long the pain has lasted, rounded up to a tenth of an hour. Still there: until now. Gone: we only know it was still
        // there when she last said so, so count up to then (never a longer duration than she told us about).
        var lastStillThereUtc = episode.PainCheckedAtUtc ?? episode.UpdatedAtUtc;
        episode.PainAfterHours = request.PainNow == PainNow.Gone
            ? Math.Max(episode.PainAfterHours ?? 0m, HoursSinceStart(episode, lastStillThereUtc))
            : HoursSinceStart(episode, nowUtc);
        episode.PainCheckedAtUtc = nowUtc;
        episode.PainGoneAtUtc = request.PainNow == PainNow.Gone ? nowUtc : null;
        episode.UpdatedAtUtc = nowUtc;

        var assessment = assessor.Assess(episode, profile, await OtherNightsAsync(episode, ct), AssessmentReason.PainFollowUp, nowUtc);
        assessment.GuidanceShown = await GuidanceShownAsync(assessment, ct);
        if (!await episodes.UpdateAsync(episode, assessment, ct))
        {
            return ServiceResult<EpisodeDto>.NotFound();
        }

        logger.LogInformation("Episode {EpisodeId} pain follow-up answered and assessed", episode.Id);
        return ServiceResult<EpisodeDto>.Ok(ToDto(episode, profile, zone, Explained(assessment, episode, profile, zone)));
    }

    /// <summary>
    /// "Not found" for an episode id that is not hers. When the id is another patient's (what a modified page would send),
    /// the attempt is audited as denied (ids only) and logged as a security event; her own episode that is gone (deleted
    /// in another tab, a double tap) is just not found. Nothing about the episode is revealed either way.
    /// </summary>
    private async Task<ServiceResult<T>> RefusedAsync<T>(string patientId, string action, Guid episodeId, CancellationToken ct)
    {
        if (await episodes.BelongsToAnotherAsync(patientId, episodeId, ct))
        {
            logger.LogWarning("Security: {Action} refused for patient {UserId}: episode {EpisodeId} is another patient's", action, patientId, episodeId);
            await audit.WriteAsync(new AuditEntry(patientId, Roles.Patient, action, null, $"episode:{episodeId}", Denied), ct);
        }
        else
        {
            logger.LogInformation("{Action} for patient {UserId}: episode {EpisodeId} not found", action, patientId, episodeId);
        }

        return ServiceResult<T>.NotFound();
    }

    public async Task<ServiceResult<EpisodeTimeWindow>> GetTimeWindowAsync(CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<EpisodeTimeWindow>.NotFound();
        }

        var (profile, zone) = patient.Value;
        return ServiceResult<EpisodeTimeWindow>.Ok(TimeWindow(profile, zone, time.GetUtcNow().UtcDateTime));
    }

    public async Task<ServiceResult<IReadOnlyList<DateOnly>>> GetRecentNightsAsync(CancellationToken ct = default)
    {
        var patient = await GetPatientAsync(ct);
        if (patient is null)
        {
            return ServiceResult<IReadOnlyList<DateOnly>>.NotFound();
        }

        var (profile, zone) = patient.Value;
        var tonight = PregnancyCalendar.NightOf(time.GetUtcNow().UtcDateTime, zone);
        var nights = await episodes.ListNightsBetweenAsync(profile.UserId, tonight.AddDays(-TriageInput.MaxNightsAgo), tonight, ct);
        return ServiceResult<IReadOnlyList<DateOnly>>.Ok(nights.Order().ToList());
    }

    /// <summary>
    /// When an episode may have started: not in the future, not before the pregnancy began (due date − 40 weeks), not
    /// more than a year after the birth (or after the pregnancy ended).
    /// </summary>
    public static EpisodeTimeWindow TimeWindow(PregnancyProfile profile, TimeZoneInfo zone, DateTime nowUtc)
    {
        var nowLocal = PregnancyCalendar.ToLocal(nowUtc + FutureTolerance, zone);
        var latest = nowLocal;
        var latestMessage = "Start time can't be in the future. Choose a time up to now.";
        var end = profile.BirthDate ?? profile.PregnancyEndedOn;
        if (end is { } e)
        {
            var yearAfter = e.AddYears(1).ToDateTime(TimeOnly.MaxValue);
            if (yearAfter < latest)
            {
                latest = yearAfter;
                latestMessage = profile.BirthDate is not null
                    ? $"Start time can't be more than a year after your baby's birth ({e:d MMMM yyyy})."
                    : $"Start time can't be more than a year after {e:d MMMM yyyy}.";
            }
        }

        var earliest = DateTime.MinValue;
        var earliestMessage = "";
        if (profile.DueDate is { } due)
        {
            var start = PregnancyCalendar.PregnancyStart(due);
            earliest = start.ToDateTime(TimeOnly.MinValue);
            earliestMessage = $"Start time can't be before your pregnancy began ({start:d MMMM yyyy}, 40 weeks before your due date).";
        }
        else if (profile.BirthDate is { } birth)
        {
            var start = birth.AddDays(-PregnancyCalendar.FullTermDays - 14);
            earliest = start.ToDateTime(TimeOnly.MinValue);
            earliestMessage = $"Start time can't be before your pregnancy began (around {start:d MMMM yyyy}).";
        }

        return new EpisodeTimeWindow(earliest, earliestMessage, latest, latestMessage);
    }

    private List<FieldError> Validate(EpisodeDetails details, PregnancyProfile profile, TimeZoneInfo zone, DateTime nowUtc)
    {
        var errors = new List<FieldError>();
        if (EpisodeDetailsValidator.StartTimeError(details.StartedAtLocal, TimeWindow(profile, zone, nowUtc)) is { } startError)
        {
            errors.Add(new FieldError(nameof(EpisodeDetails.StartedAtLocal), startError));
        }

        var validator = Validators.GetOrAdd(assessor.Engine.Options.TypicalCrampMaxMinutes, n => new EpisodeDetailsValidator(window: null, n));
        errors.AddRange(validator.Validate(details).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));
        return errors;
    }

    private async Task<(PregnancyProfile Profile, TimeZoneInfo Zone)?> GetPatientAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        if (user.UserId is null || !user.IsInRole(Roles.Patient))
        {
            return null;
        }

        var profile = await profiles.FindAsync(user.UserId, ct);
        if (profile is null)
        {
            return null;
        }

        return (profile, PregnancyCalendar.FindZoneOrUtc(profile.TimeZoneId));
    }

    private static decimal HoursSinceStart(Episode episode, DateTime utc) => EpisodeAssessor.HoursSince(episode.StartedAtUtc, utc);

    private Task<IEnumerable<DateOnly>> OtherNightsAsync(Episode episode, CancellationToken ct) =>
        AssessmentContext.OtherNightsAsync(episodes, episode, ct);

    private Task<string> GuidanceShownAsync(Assessment assessment, CancellationToken ct) =>
        AssessmentContext.GuidanceShownAsync(guidance, assessment.Level, ct);

    /// <summary>Her midwife's reviews of these assessments, so she sees that a flag was looked at, by whom, and the note.</summary>
    private async Task<IReadOnlyDictionary<Guid, FlagReview>> ReviewsAsync(string patientId, IEnumerable<Assessment> assessments, CancellationToken ct)
    {
        var ids = assessments.Where(FlagReview.IsFlag).Select(a => a.Id).ToList();
        return ids.Count == 0 ? new Dictionary<Guid, FlagReview>() : await episodes.ReviewsForAsync(patientId, ids, ct);
    }

    private async Task<Assessment?> LatestAsync(Episode episode, CancellationToken ct)
    {
        var latest = await episodes.LatestAssessmentsAsync(episode.PatientId, [episode.Id], ct);
        return latest.TryGetValue(episode.Id, out var a) ? a : null;
    }

    private AssessmentDto ToDto(Assessment a, TimeZoneInfo zone, bool explain, IReadOnlyDictionary<Guid, FlagReview>? reviews = null) =>
        new(a.Id, a.AssessedAtUtc, PregnancyCalendar.ToLocal(a.AssessedAtUtc, zone), a.Reason, a.RuleSetVersion, a.Level, FiredRules.Parse(a.FiredRules).ToList(), a.IsIncomplete,
            a.LeftScore, a.RcogPoints, a.HighRiskContext, explain ? assessor.Explain(a) : null)
        {
            Review = reviews is not null && reviews.TryGetValue(a.Id, out var r) ? new FlagReviewView(r.ReviewerName, r.AtUtc, r.Note) : null,
        };

    /// <summary>An assessment with its explanation and the card she reads (who to call with her own unit's number, the clock).</summary>
    private AssessmentDto Explained(Assessment a, Episode episode, PregnancyProfile profile, TimeZoneInfo zone, IReadOnlyDictionary<Guid, FlagReview>? reviews = null)
    {
        var dto = ToDto(a, zone, explain: true, reviews);
        return dto with { Card = ResultCardBuilder.Build(dto.Explanation!, CardContext(a, episode, profile, zone, dto.Explanation!)) };
    }

    /// <summary>What a result card needs besides the assessment: the numbers, the time zone for the clock, what is unanswered.</summary>
    private ResultCardContext CardContext(Assessment a, Episode episode, PregnancyProfile profile, TimeZoneInfo zone, TriageExplanation explanation) =>
        ResultCardContext.For(EpisodeAssessor.Facts(episode), explanation, a.AssessedAtUtc, zone, safety.ContactsFor(profile.MaternityPhone),
            isReassessment: a.Reason == AssessmentReason.RuleSetUpgrade,
            painKnownUntilUtc: a.Reason is AssessmentReason.MidwifeMeasurement or AssessmentReason.RuleSetUpgrade ? episode.UpdatedAtUtc : a.AssessedAtUtc);

    internal static EpisodeDto ToDto(Episode e, PregnancyProfile profile, TimeZoneInfo zone, AssessmentDto? assessment = null) =>
        new(
            e.Id,
            e.StartedAtUtc,
            e.Night,
            PregnancyCalendar.StageOn(profile, PregnancyCalendar.LocalDate(e.StartedAtUtc, zone)).Label,
            new EpisodeDetails
            {
                StartedAtLocal = PregnancyCalendar.ToLocal(e.StartedAtUtc, zone),
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
            },
            assessment)
        {
            MidwifeCalfDifferenceCm = e.MidwifeCalfDifferenceCm,
            ClientId = e.ClientId,
            PainGone = e.PainGoneAtUtc is not null,
        };
}
