using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Core.Features.Review;

/// <summary>
/// A midwife's access to one patient's log through a grant. Every call starts with
/// <see cref="ISharingService.AuthorizeAsync"/> (which answers "not found" and logs a security event for anyone it
/// refuses); every successful view, export, acknowledgement and measurement then writes exactly one audit event, with
/// ids and action names only, never the content.
/// </summary>
public sealed class PatientLogService(
    ISharingService sharing,
    IEpisodeStore episodes,
    IGuidanceStore guidance,
    IStaffDirectory staff,
    IAuditLog audit,
    EpisodeAssessor assessor,
    TimeProvider time,
    ILogger<PatientLogService> logger,
    IReportWriter reports,
    AuditedVisits visits) : IPatientLogService
{
    public const string ViewedAction = "log.viewed";
    public const string ExportedPdfAction = "log.exported.pdf";
    public const string ExportedCsvAction = "log.exported.csv";
    public const string AcknowledgedAction = "flag.acknowledged";
    public const string MeasurementAction = "measurement.recorded";
    public const string LogResource = "patient-log";
    public const string Success = "success";

    /// <summary>An id that is not the granting patient's (or outside what she shares), as a modified page could send.</summary>
    public const string Denied = "denied";

    /// <summary>The outcome of a second acknowledgement of the same flag: audited, but not shown to her as a new review.</summary>
    public const string AlreadyReviewed = "already-reviewed";

    public const string NotAFlagMessage =
        "Review: this result is not a warning sign (an ordinary cramp, or only questions she has not answered yet), so there is nothing to review.";

    public const string NotCurrentMessage =
        "Review: only the newest result of an episode can be marked as reviewed, and this one has been replaced by a newer result. Reload her log and review the newest one.";

    public Task<ServiceResult<PatientLog>> GetAsync(Guid grantId, CancellationToken ct = default) =>
        GetAsync(grantId, Guid.NewGuid(), ct);

    public async Task<ServiceResult<PatientLog>> GetAsync(Guid grantId, Guid visitId, CancellationToken ct = default)
    {
        if (await AuthorizeAsync(grantId, ct) is not { } access)
        {
            return ServiceResult<PatientLog>.NotFound();
        }

        var log = await BuildLogAsync(access, ct);
        if (!visits.WasAudited(access.MidwifeId, grantId, visitId))
        {
            await AuditAsync(access, ViewedAction, LogResource, Success, ct);
            visits.Audited(access.MidwifeId, grantId, visitId);
            logger.LogInformation("Log viewed through grant {GrantId} by midwife {MidwifeId}", grantId, access.MidwifeId);
        }

        return ServiceResult<PatientLog>.Ok(log);
    }

    public async Task<bool> StillAllowedAsync(Guid grantId, CancellationToken ct = default) =>
        (await sharing.AuthorizeAsync(grantId, ct)).IsOk;

    public async Task<ServiceResult<FlagReviewView>> AcknowledgeAsync(Guid grantId, Guid assessmentId, string? note, CancellationToken ct = default)
    {
        if (await AuthorizeAsync(grantId, ct) is not { } access)
        {
            return ServiceResult<FlagReviewView>.NotFound();
        }

        var request = new AcknowledgeFlagRequest(note);
        var validation = new AcknowledgeFlagRequestValidator().Validate(request);
        if (!validation.IsValid)
        {
            return ServiceResult<FlagReviewView>.Invalid(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
        }

        var assessment = await episodes.FindAssessmentAsync(access.PatientId, assessmentId, ct);
        var episode = assessment is null ? null : await episodes.FindAsync(access.PatientId, assessment.EpisodeId, ct);
        if (assessment is null || episode is null || !Covers(access, episode))
        {
            // Another patient's assessment, or one outside what she shares: refused, and audited as such.
            await AuditAsync(access, AcknowledgedAction, $"assessment:{assessmentId}", Denied, ct);
            logger.LogWarning("Security: acknowledging assessment {AssessmentId} refused for midwife {MidwifeId} under grant {GrantId}", assessmentId, access.MidwifeId, grantId);
            return ServiceResult<FlagReviewView>.NotFound();
        }

        if (!FlagReview.IsFlag(assessment))
        {
            return ServiceResult<FlagReviewView>.Invalid("AssessmentId", NotAFlagMessage);
        }

        var review = new FlagReview
        {
            Id = Guid.NewGuid(),
            PatientId = access.PatientId,
            EpisodeId = episode.Id,
            AssessmentId = assessment.Id,
            MidwifeId = access.MidwifeId,
            ReviewerName = await WorkNameAsync(access.MidwifeId, ct),
            Note = TextInput.Clean(request.Note),
            AtUtc = time.GetUtcNow().UtcDateTime,
        };
        var written = await episodes.AddReviewAsync(review, ct);
        switch (written.Status)
        {
            case ReviewWriteStatus.Added:
                await AuditAsync(access, AcknowledgedAction, $"assessment:{assessment.Id}", Success, ct);
                logger.LogInformation("Assessment {AssessmentId} reviewed by midwife {MidwifeId}", assessment.Id, access.MidwifeId);
                return ServiceResult<FlagReviewView>.Ok(View(written.Review!));
            case ReviewWriteStatus.AlreadyReviewed:
                await AuditAsync(access, AcknowledgedAction, $"assessment:{assessment.Id}", AlreadyReviewed, ct);
                return ServiceResult<FlagReviewView>.Ok(View(written.Review!));
            case ReviewWriteStatus.NotCurrent:
                return ServiceResult<FlagReviewView>.Invalid("AssessmentId", NotCurrentMessage);
            default:
                return ServiceResult<FlagReviewView>.NotFound();
        }
    }

    public async Task<ServiceResult<LogEpisode>> RecordCalfDifferenceAsync(Guid grantId, Guid episodeId, decimal? differenceCm, CancellationToken ct = default)
    {
        if (await AuthorizeAsync(grantId, ct) is not { } access)
        {
            return ServiceResult<LogEpisode>.NotFound();
        }

        var validation = new RecordCalfDifferenceRequestValidator().Validate(new RecordCalfDifferenceRequest(differenceCm));
        if (!validation.IsValid)
        {
            return ServiceResult<LogEpisode>.Invalid(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
        }

        var episode = await episodes.FindAsync(access.PatientId, episodeId, ct);
        if (episode is null || !Covers(access, episode))
        {
            await AuditAsync(access, MeasurementAction, $"episode:{episodeId}", Denied, ct);
            logger.LogWarning("Security: a measurement on episode {EpisodeId} refused for midwife {MidwifeId} under grant {GrantId}", episodeId, access.MidwifeId, grantId);
            return ServiceResult<LogEpisode>.NotFound();
        }

        episode.MidwifeCalfDifferenceCm = differenceCm;
        var now = time.GetUtcNow().UtcDateTime;
        var assessment = assessor.Assess(
            episode, access.Profile, await AssessmentContext.OtherNightsAsync(episodes, episode, ct), AssessmentReason.MidwifeMeasurement, now);
        assessment.GuidanceShown = await AssessmentContext.GuidanceShownAsync(guidance, assessment.Level, ct);
        if (!await episodes.RecordMidwifeCalfDifferenceAsync(access.PatientId, episode.Id, differenceCm, assessment, ct))
        {
            return ServiceResult<LogEpisode>.NotFound();
        }

        await AuditAsync(access, MeasurementAction, $"episode:{episode.Id}", Success, ct);
        logger.LogInformation("Calf measurement recorded on episode {EpisodeId} by midwife {MidwifeId}; new assessment {AssessmentId}", episode.Id, access.MidwifeId, assessment.Id);
        var zone = PregnancyCalendar.FindZoneOrUtc(access.Profile.TimeZoneId);
        var shown = await LogEpisodesAsync(access, [episode], zone, ct);
        return ServiceResult<LogEpisode>.Ok(shown[0]);
    }

    public Task<ServiceResult<ExportFile>> ExportPdfAsync(Guid grantId, CancellationToken ct = default) =>
        ExportAsync(grantId, ExportedPdfAction, "leg-cramp-summary", "pdf", "application/pdf", (writer, report) => writer.Pdf(report), ct);

    public Task<ServiceResult<ExportFile>> ExportCsvAsync(Guid grantId, CancellationToken ct = default) =>
        ExportAsync(grantId, ExportedCsvAction, "leg-cramp-episodes", "csv", "text/csv", (writer, report) => writer.Csv(report), ct);

    /// <summary>
    /// The report a PDF or CSV is written from: who she is, every episode the grant covers (oldest first) with its
    /// current result and how a flag was resolved, and nights with cramps per week. Names are in the report, never in
    /// the file name or the logs.
    /// </summary>
    private async Task<PatientReport> BuildReportAsync(PatientAccess access, CancellationToken ct)
    {
        var log = await BuildLogAsync(access, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var zone = PregnancyCalendar.FindZoneOrUtc(access.Profile.TimeZoneId);
        var today = PregnancyCalendar.LocalDate(now, zone);
        var profile = access.Profile;
        var patient = new ReportPatient(
            profile.DisplayName, profile.HospitalNumber, profile.DateOfBirth, log.Stage, profile.DueDate, profile.BirthDate,
            log.RiskFactors, profile.TimeZoneId);
        var reportEpisodes = log.Episodes.OrderBy(e => e.StartedAtUtc).Select(ToReport).ToList();
        var weeks = NightsPerWeek(profile, access.CoversFrom, PregnancyCalendar.NightOf(now, zone), log.Episodes.Select(e => e.Night));
        return new PatientReport(patient, now, await WorkNameAsync(access.MidwifeId, ct), access.CoversFrom, today, reportEpisodes, weeks);
    }

    /// <summary>
    /// Nights with cramps per week, from the week of her first logged night (or this week) to this week, weeks without
    /// cramps included: "Week 31" while pregnant, "Week 2 after birth" after it, "Week from 3 Mar 2026" when there is no
    /// pregnancy wording.
    /// </summary>
    public static IReadOnlyList<ReportWeek> NightsPerWeek(PregnancyProfile profile, DateOnly coversFrom, DateOnly currentNight, IEnumerable<DateOnly> nights)
    {
        var withCramps = nights.Where(n => n <= currentNight).ToHashSet();
        var first = withCramps.Count == 0 ? currentNight : withCramps.Min();
        if (first < coversFrom)
        {
            first = coversFrom;
        }

        var weeks = new List<ReportWeek>();
        string? label = null;
        var count = 0;
        for (var night = first; night <= currentNight; night = night.AddDays(1))
        {
            var next = WeekLabel(profile, coversFrom, night);
            if (next != label)
            {
                if (label is not null)
                {
                    weeks.Add(new ReportWeek(label, count));
                }

                label = next;
                count = 0;
            }

            if (withCramps.Contains(night))
            {
                count++;
            }
        }

        if (label is not null)
        {
            weeks.Add(new ReportWeek(label, count));
        }

        return weeks;
    }

    private static string WeekLabel(PregnancyProfile profile, DateOnly coversFrom, DateOnly night) => PregnancyCalendar.StageOn(profile, night) switch
    {
        PregnancyStage.Pregnant p => $"Week {p.Weeks}",
        PregnancyStage.Postpartum pp => $"Week {(pp.Day / 7) + 1} after birth",
        PregnancyStage.AfterLoss loss => $"Week {(loss.Day / 7) + 1} after the pregnancy ended",
        _ => $"Week from {coversFrom.AddDays(Math.Max(0, night.DayNumber - coversFrom.DayNumber) / 7 * 7):d MMM yyyy}",
    };

    private async Task<ServiceResult<ExportFile>> ExportAsync(
        Guid grantId, string action, string name, string extension, string contentType, Func<IReportWriter, PatientReport, byte[]> write, CancellationToken ct)
    {
        if (await AuthorizeAsync(grantId, ct) is not { } access)
        {
            return ServiceResult<ExportFile>.NotFound();
        }

        var report = await BuildReportAsync(access, ct);
        var content = write(reports, report);
        await AuditAsync(access, action, LogResource, Success, ct);
        logger.LogInformation("Log exported ({Format}) through grant {GrantId} by midwife {MidwifeId}", extension, grantId, access.MidwifeId);
        return ServiceResult<ExportFile>.Ok(new ExportFile($"{name}-{report.To:yyyy-MM-dd}.{extension}", contentType, content));
    }

    private async Task<PatientAccess?> AuthorizeAsync(Guid grantId, CancellationToken ct)
    {
        var access = await sharing.AuthorizeAsync(grantId, ct);
        return access.IsOk ? access.Value : null;
    }

    private Task AuditAsync(PatientAccess access, string action, string resource, string outcome, CancellationToken ct) =>
        audit.WriteAsync(new AuditEntry(access.MidwifeId, Roles.Midwife, action, access.PatientId, resource, outcome), ct);

    private async Task<string> WorkNameAsync(string midwifeId, CancellationToken ct) =>
        (await staff.FindAsync(midwifeId, ct))?.WorkName ?? "Your midwife";

    /// <summary>
    /// Only cramps from the first night the grant covers: her current pregnancy, exactly what the caseload counts for her.
    /// </summary>
    private static bool Covers(PatientAccess access, Episode episode) => episode.Night >= access.CoversFrom;

    private async Task<PatientLog> BuildLogAsync(PatientAccess access, CancellationToken ct)
    {
        var profile = access.Profile;
        var zone = PregnancyCalendar.FindZoneOrUtc(profile.TimeZoneId);
        var today = PregnancyCalendar.LocalDate(time.GetUtcNow().UtcDateTime, zone);

        var listed = await episodes.ListByNightsAsync(access.PatientId, access.CoversFrom, DateOnly.MaxValue, ct);
        var covered = listed.Where(e => Covers(access, e)).OrderByDescending(e => e.StartedAtUtc).ToList();
        return new PatientLog(
            access.GrantId,
            profile.DisplayName,
            profile.HospitalNumber,
            profile.DateOfBirth,
            PregnancyCalendar.StageOn(profile, today).Label,
            profile.DueDate,
            profile.BirthDate,
            ReviewWords.RiskFactorList(profile.RiskFactors),
            access.CoversFrom,
            access.LastDay,
            await LogEpisodesAsync(access, covered, zone, ct));
    }

    private async Task<IReadOnlyList<LogEpisode>> LogEpisodesAsync(PatientAccess access, List<Episode> list, TimeZoneInfo zone, CancellationToken ct)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var assessments = await episodes.ListAssessmentsForEpisodesAsync(access.PatientId, list.Select(e => e.Id).ToList(), ct);
        var flagged = assessments.Where(FlagReview.IsFlag).Select(a => a.Id).ToList();
        var reviews = flagged.Count == 0 ? new Dictionary<Guid, FlagReview>() : await episodes.ReviewsForAsync(access.PatientId, flagged, ct);
        var titles = new GuidanceTitles(guidance);
        var byEpisode = assessments.GroupBy(a => a.EpisodeId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.AssessedAtUtc).ToList());
        var result = new List<LogEpisode>(list.Count);
        foreach (var episode in list)
        {
            var mine = byEpisode.TryGetValue(episode.Id, out var found) ? found : [];
            var shown = new List<LogAssessment>(mine.Count);
            for (var i = 0; i < mine.Count; i++)
            {
                shown.Add(await ToLogAssessmentAsync(mine[i], i == mine.Count - 1, reviews, titles, ct));
            }

            var stage = PregnancyCalendar.StageOn(access.Profile, PregnancyCalendar.LocalDate(episode.StartedAtUtc, zone));
            result.Add(new LogEpisode(
                episode.Id,
                episode.StartedAtUtc,
                PregnancyCalendar.ToLocal(episode.StartedAtUtc, zone),
                episode.Night,
                stage.Label,
                stage is PregnancyStage.Pregnant p ? p.Weeks : null,
                stage is PregnancyStage.Postpartum pp ? pp.Day : null,
                episode.Side,
                episode.DurationMinutes,
                episode.PainScore,
                episode.Locations,
                episode.HelpedBy,
                episode.CalfDifferenceCm,
                episode.MidwifeCalfDifferenceCm,
                episode.Notes,
                shown));
        }

        return result;
    }

    private async Task<LogAssessment> ToLogAssessmentAsync(
        Assessment a, bool isCurrent, IReadOnlyDictionary<Guid, FlagReview> reviews, GuidanceTitles titles, CancellationToken ct)
    {
        var rules = FiredRules.Parse(a.FiredRules).ToList();
        var explanation = assessor.Explain(a);
        return new LogAssessment(
            a.Id,
            a.AssessedAtUtc,
            a.Level,
            ResultWords.For(a.Level, rules),
            rules.Select(r => r.ToCode()).ToList(),
            explanation.Rules.Select(ReviewWords.Reason).ToList(),
            a.LeftScore,
            a.RcogPoints,
            a.HighRiskContext,
            await titles.DescribeAsync(a.GuidanceShown, ct),
            isCurrent,
            reviews.TryGetValue(a.Id, out var review) ? View(review) : null,
            a.IsIncomplete,
            a.ReceivedAtUtc is { } received ? new PhoneReportView(received, a.DeviceClockOffsetSeconds, a.ShownLevel, a.ShownRuleSetVersion) : null);
    }

    private static ReportEpisode ToReport(LogEpisode e)
    {
        var current = e.Assessments.Count == 0 ? null : e.Assessments[^1];
        return new ReportEpisode(
            e.Id,
            e.StartedAtLocal,
            e.Night,
            e.Stage,
            ReviewWords.Leg(e.Side),
            e.DurationMinutes,
            e.PainScore,
            ReviewWords.Locations(e.Locations),
            ReviewWords.HelpedBy(e.HelpedBy),
            e.MidwifeCalfDifferenceCm ?? e.CalfDifferenceCm,
            (current?.Level ?? TriageLevel.None).ToCode(),
            current?.Result ?? ResultWords.NoWarningSigns,
            current?.Reasons ?? [],
            current?.LeftScore,
            current?.RcogPoints ?? 0,
            current?.Review?.ReviewerName,
            current?.Review?.AtUtc,
            current?.Review?.Note,
            e.Notes,
            current?.IsFlag ?? false);
    }

    private static FlagReviewView View(FlagReview review) => new(review.ReviewerName, review.AtUtc, review.Note);

    /// <summary>
    /// "slug@revision-id" pairs as the article title and revision number ("When to get help (version 3)"), looked up
    /// once per slug; the slug itself when the revision can't be found.
    /// </summary>
    private sealed class GuidanceTitles(IGuidanceStore store)
    {
        private readonly Dictionary<string, IReadOnlyList<GuidanceRevision>> _revisions = new(StringComparer.Ordinal);

        public async Task<string?> DescribeAsync(string shown, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(shown))
            {
                return null;
            }

            var parts = new List<string>();
            foreach (var pair in shown.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var at = pair.IndexOf('@', StringComparison.Ordinal);
                var slug = at < 0 ? pair : pair[..at];
                var revision = at < 0 || !Guid.TryParse(pair[(at + 1)..], out var id)
                    ? null
                    : (await RevisionsAsync(slug, ct)).FirstOrDefault(r => r.Id == id);
                parts.Add(revision is null ? slug : $"{revision.Title} (version {revision.Number})");
            }

            return string.Join("; ", parts);
        }

        private async Task<IReadOnlyList<GuidanceRevision>> RevisionsAsync(string slug, CancellationToken ct)
        {
            if (_revisions.TryGetValue(slug, out var known))
            {
                return known;
            }

            IReadOnlyList<GuidanceRevision> revisions = [];
            if (await store.FindReadableAsync(slug, ct) is { } readable)
            {
                revisions = await store.FindAsync(readable.Article.Id, ct) is { } all ? all.Revisions : [readable.Revision];
            }

            _revisions[slug] = revisions;
            return revisions;
        }
    }
}
