using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Features.Review.ReviewHarness;

namespace LegCrampCare.Core.Tests.Features.Review;

/// <summary>A midwife with an active grant: her view of the log, acknowledging flags, recording a calf measurement, exports.</summary>
public sealed class PatientLogServiceTests
{
    private readonly ReviewHarness _h = new();

    private async Task<Guid> ShareAndSignInMidwifeAsync()
    {
        var grant = await _h.ShareAsync();
        _h.SignIn(MidwifeM, Roles.Midwife);
        return grant;
    }

    // ---- The log ----

    [Fact]
    public async Task GetAsync_ActiveGrant_ListsEpisodesNewestFirstWithEveryAssessmentCurrentLast()
    {
        var older = await _h.LogAsync(new DateTime(2026, 6, 8, 2, 0, 0));
        var newer = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen());
        var grant = await ShareAndSignInMidwifeAsync();

        var log = (await _h.LogService.GetAsync(grant)).Value!;

        Assert.Equal("Anna Patient", log.Name);
        Assert.Equal("23 weeks + 6 days", log.Stage);
        Assert.Equal([newer.Id, older.Id], log.Episodes.Select(e => e.Id));
        var shown = log.Episodes[0];
        Assert.Equal(new DateOnly(2026, 6, 9), shown.Night);
        Assert.Equal(23, shown.GestationalWeek);
        Assert.Equal(2, shown.Assessments.Count);
        Assert.Equal([TriageLevel.Routine, TriageLevel.Urgent], shown.Assessments.Select(a => a.Level));
        Assert.Equal([false, true], shown.Assessments.Select(a => a.IsCurrent));
        Assert.Equal(ResultWords.Urgent, shown.Assessments[1].Result);
    }

    [Fact]
    public async Task GetAsync_FiredRules_ExplainedInPlainWordsWithTheirIds()
    {
        await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen(), calfCm: 2.5m);
        var grant = await ShareAndSignInMidwifeAsync();

        var current = (await _h.LogService.GetAsync(grant)).Value!.Episodes[0].Assessments[^1];

        Assert.Equal(["UR-1", "UR-2"], current.RuleIds);
        Assert.Equal("UR-1: one leg swollen (Swelling: one leg swollen)", current.Reasons[0]);
        Assert.StartsWith("UR-2: calves 2 cm or more apart (Difference between the calves: 2.5 cm", current.Reasons[1], StringComparison.Ordinal);
        Assert.Equal(2, current.LeftScore);
        Assert.Equal(0, current.RcogPoints);
    }

    [Fact]
    public async Task GetAsync_GuidanceShown_NamesTheArticleAndVersionOrFallsBackToTheSlug()
    {
        var revision = _h.Guidance.AddReadable(GuidanceLinks.WhenToGetHelp);
        await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen());
        var grant = await ShareAndSignInMidwifeAsync();
        var episode = _h.Episodes.All.Single();
        _h.Episodes.SeedAssessment(new Assessment
        {
            Id = Guid.NewGuid(), EpisodeId = episode.Id, PatientId = PatientA, AssessedAtUtc = _h.Time.GetUtcNow().UtcDateTime,
            Level = TriageLevel.Urgent, FiredRules = "UR-1", RuleSetVersion = "2026.1", Reason = AssessmentReason.Edited,
            InputsJson = _h.Episodes.Assessments[^1].InputsJson, GuidanceShown = $"retired-article@{Guid.NewGuid()}",
        });

        var assessments = (await _h.LogService.GetAsync(grant)).Value!.Episodes[0].Assessments;

        Assert.Equal($"{GuidanceLinks.WhenToGetHelp} (version 1)", assessments[1].GuidanceShown);
        Assert.Equal("retired-article", assessments[2].GuidanceShown);
        Assert.NotEqual(Guid.Empty, revision);
    }

    [Fact]
    public async Task GetAsync_EpisodeLoggedBeforeThePregnancyTheGrantCovers_IsNotShown()
    {
        var kept = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        var grant = await ShareAndSignInMidwifeAsync();
        _h.Episodes.Seed(new Episode
        {
            Id = Guid.NewGuid(), PatientId = PatientA, StartedAtUtc = new DateTime(2025, 12, 1, 22, 0, 0, DateTimeKind.Utc), Night = new DateOnly(2025, 12, 1),
            Side = Side.Right,
        });

        var log = (await _h.LogService.GetAsync(grant)).Value!;

        Assert.Equal(new DateOnly(2025, 12, 25), log.CoversFrom);
        Assert.Equal([kept.Id], log.Episodes.Select(e => e.Id));
    }

    [Fact]
    public async Task GetAsync_QuickLoggedWithNothingAnswered_IsIncompleteNotAFlag_AndNotAFlagInTheReport()
    {
        _h.SignIn(PatientA, Roles.Patient);
        var logged = await _h.EpisodeService.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now });
        Assert.Equal(ResultStatus.Ok, logged.Status);
        var grant = await ShareAndSignInMidwifeAsync();

        var current = (await _h.LogService.GetAsync(grant)).Value!.Episodes[0].Assessments[^1];
        await _h.LogService.ExportPdfAsync(grant);

        Assert.Equal((TriageLevel.Routine, true, false), (current.Level, current.IsIncomplete, current.IsFlag));
        Assert.False(Assert.Single(_h.Writer.Written).Report.Episodes[0].IsFlag);
    }

    [Fact]
    public async Task GetAsync_Success_WritesExactlyOneLogViewedAuditRowWithoutContent()
    {
        await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        var grant = await ShareAndSignInMidwifeAsync();
        var before = _h.Audit.Records.Count;

        await _h.LogService.GetAsync(grant);

        var row = Assert.Single(_h.Audit.Records.Skip(before));
        Assert.Equal((MidwifeM, Roles.Midwife, "log.viewed", PatientA, "patient-log", "success"), (row.ActorId, row.ActorRole, row.Action, row.SubjectUserId, row.Resource, row.Outcome));
    }

    [Fact]
    public async Task GetAsync_SameVisitAgain_AuditsTheViewOnce_ANewVisitOrAnotherDayAgain()
    {
        await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        var grant = await ShareAndSignInMidwifeAsync();
        var visit = Guid.NewGuid();
        var before = _h.Audit.Records.Count;

        // The page's first load, its reload after an acknowledgement, and the same page started again by a resumed circuit.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ResultStatus.Ok, (await _h.LogService.GetAsync(grant, visit)).Status);
        }

        Assert.Single(_h.Audit.Records.Skip(before), r => r.Action == "log.viewed");

        await _h.LogService.GetAsync(grant, Guid.NewGuid());
        Assert.Equal(2, _h.Audit.Records.Skip(before).Count(r => r.Action == "log.viewed"));

        _h.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await _h.LogService.GetAsync(grant, visit);
        Assert.Equal(3, _h.Audit.Records.Skip(before).Count(r => r.Action == "log.viewed"));
    }

    [Fact]
    public async Task GetAsync_VisitOfARevokedGrant_IsNotFound_WhateverTheVisit()
    {
        var grant = await ShareAndSignInMidwifeAsync();
        var visit = Guid.NewGuid();
        Assert.Equal(ResultStatus.Ok, (await _h.LogService.GetAsync(grant, visit)).Status);

        _h.SignIn(PatientA, Roles.Patient);
        Assert.Equal(ResultStatus.Ok, (await _h.SharingService.RevokeAsync(grant)).Status);
        _h.SignIn(MidwifeM, Roles.Midwife);

        Assert.Equal(ResultStatus.NotFound, (await _h.LogService.GetAsync(grant, visit)).Status);
    }

    [Fact]
    public async Task StillAllowedAsync_ActiveThenRevoked_TrueThenFalseAndNeverAudited()
    {
        var grant = await ShareAndSignInMidwifeAsync();
        var before = _h.Audit.Records.Count;

        Assert.True(await _h.LogService.StillAllowedAsync(grant));
        Assert.Equal(before, _h.Audit.Records.Count);

        _h.SignIn(PatientA, Roles.Patient);
        await _h.SharingService.RevokeAsync(grant);
        _h.SignIn(MidwifeM, Roles.Midwife);
        before = _h.Audit.Records.Count;

        Assert.False(await _h.LogService.StillAllowedAsync(grant));
        Assert.DoesNotContain(_h.Audit.Records.Skip(before), r => r.Outcome == "success");
    }

    // ---- Acknowledging a flag ----

    [Fact]
    public async Task AcknowledgeAsync_CurrentFlag_StoresTheReviewAndThePatientSeesIt()
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen());
        var grant = await ShareAndSignInMidwifeAsync();
        var before = _h.Audit.Records.Count;

        var result = await _h.LogService.AcknowledgeAsync(grant, episode.Assessment!.Id, "  Seen on the ward, scan booked.  ");

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(new FlagReviewView(MidwifeName, _h.Time.GetUtcNow().UtcDateTime, "Seen on the ward, scan booked."), result.Value);
        var stored = Assert.Single(_h.Episodes.Reviews);
        Assert.Equal((PatientA, episode.Id, episode.Assessment.Id, MidwifeM), (stored.PatientId, stored.EpisodeId, stored.AssessmentId, stored.MidwifeId));
        var row = Assert.Single(_h.Audit.Records.Skip(before));
        Assert.Equal(("flag.acknowledged", "success", PatientA), (row.Action, row.Outcome, row.SubjectUserId));

        _h.SignIn(PatientA, Roles.Patient);
        var seen = (await _h.EpisodeService.GetAsync(episode.Id)).Value!.Assessment!.Review;
        Assert.Equal(result.Value, seen);
        var history = (await _h.EpisodeService.GetHistoryAsync(1, 10)).Value!;
        Assert.Equal(result.Value, history.Nights.Single().Episodes.Single().Assessment!.Review);
        var access = (await _h.SharingService.GetMineAsync()).Value!.AccessLog;
        Assert.Contains(access, a => a.What == "Reviewed a warning sign and left a note" && a.Who.StartsWith(MidwifeName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcknowledgeAsync_Twice_AddsNothingAndReturnsTheFirstReview()
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen());
        var grant = await ShareAndSignInMidwifeAsync();
        var first = (await _h.LogService.AcknowledgeAsync(grant, episode.Assessment!.Id, "Called her.")).Value;
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        var before = _h.Audit.Records.Count;

        var second = await _h.LogService.AcknowledgeAsync(grant, episode.Assessment.Id, "A different note.");

        Assert.Equal(ResultStatus.Ok, second.Status);
        Assert.Equal(first, second.Value);
        Assert.Single(_h.Episodes.Reviews);
        var row = Assert.Single(_h.Audit.Records.Skip(before));
        Assert.Equal(("flag.acknowledged", "already-reviewed"), (row.Action, row.Outcome));
        Assert.Single(_h.SuccessRows, r => r.Action == "flag.acknowledged");
    }

    [Fact]
    public async Task AcknowledgeAsync_OlderAssessmentOfTheEpisode_IsInvalidAndStoresNothing()
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen());
        _h.SignIn(PatientA, Roles.Patient);
        await _h.EpisodeService.UpdateAsync(new UpdateEpisodeRequest(episode.Id, episode.Details with { Answers = ChestPain() }));
        var grant = await ShareAndSignInMidwifeAsync();
        var before = _h.Audit.Records.Count;

        var result = await _h.LogService.AcknowledgeAsync(grant, episode.Assessment!.Id, "Looked at it.");

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(PatientLogService.NotCurrentMessage, result.ErrorFor("AssessmentId"));
        Assert.Empty(_h.Episodes.Reviews);
        Assert.Equal(before, _h.Audit.Records.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AcknowledgeAsync_NoNote_IsInvalidNamingTheNote(string? note)
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen());
        var grant = await ShareAndSignInMidwifeAsync();
        var before = _h.Audit.Records.Count;

        var result = await _h.LogService.AcknowledgeAsync(grant, episode.Assessment!.Id, note);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith("Note:", result.ErrorFor("Note"), StringComparison.Ordinal);
        Assert.Empty(_h.Episodes.Reviews);
        Assert.Equal(before, _h.Audit.Records.Count);
    }

    [Fact]
    public async Task AcknowledgeAsync_NoteOf1000Characters_IsKeptAnd1001IsInvalid()
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen());
        var grant = await ShareAndSignInMidwifeAsync();

        var tooLong = await _h.LogService.AcknowledgeAsync(grant, episode.Assessment!.Id, new string('a', 1001));
        var longest = await _h.LogService.AcknowledgeAsync(grant, episode.Assessment.Id, new string('a', 1000));

        Assert.Equal(ResultStatus.Invalid, tooLong.Status);
        Assert.Contains("1,000 characters", tooLong.ErrorFor("Note"), StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Ok, longest.Status);
        Assert.Equal(1000, longest.Value!.Note.Length);
    }

    [Fact]
    public async Task AcknowledgeAsync_OrdinaryCrampOrOnlyUnansweredQuestions_IsInvalidNotAFlag()
    {
        var ordinary = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        _h.SignIn(PatientA, Roles.Patient);
        var incomplete = (await _h.EpisodeService.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Right, When = QuickLogTime.Now })).Value!;
        var grant = await ShareAndSignInMidwifeAsync();

        var none = await _h.LogService.AcknowledgeAsync(grant, ordinary.Assessment!.Id, "Fine.");
        var fs1 = await _h.LogService.AcknowledgeAsync(grant, incomplete.Assessment!.Id, "Fine.");

        Assert.Equal(TriageLevel.Routine, incomplete.Assessment.Level);
        Assert.Equal(PatientLogService.NotAFlagMessage, none.ErrorFor("AssessmentId"));
        Assert.Equal(PatientLogService.NotAFlagMessage, fs1.ErrorFor("AssessmentId"));
        Assert.Empty(_h.Episodes.Reviews);
    }

    [Fact]
    public async Task AcknowledgeAsync_AnotherPatientsAssessment_IsNotFound()
    {
        var theirs = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), OneLegSwollen(), patientId: PatientB);
        var grant = await ShareAndSignInMidwifeAsync();

        var result = await _h.LogService.AcknowledgeAsync(grant, theirs.Assessment!.Id, "Seen.");

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Empty(_h.Episodes.Reviews);
    }

    // ---- The midwife's calf measurement ----

    [Fact]
    public async Task RecordCalfDifferenceAsync_ThreeCmOnNotMeasured_ReassessesAndFiresUr2KeepingTheOldAssessment()
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        Assert.Equal(TriageLevel.None, episode.Assessment!.Level);
        var grant = await ShareAndSignInMidwifeAsync();
        var before = _h.Audit.Records.Count;
        var assessmentsBefore = _h.Episodes.Assessments.Count;

        var result = await _h.LogService.RecordCalfDifferenceAsync(grant, episode.Id, 3m);

        Assert.Equal(ResultStatus.Ok, result.Status);
        var shown = result.Value!;
        Assert.Null(shown.CalfDifferenceCm);
        Assert.Equal(3m, shown.MidwifeCalfDifferenceCm);
        var current = shown.Assessments[^1];
        Assert.True(current.IsCurrent);
        Assert.Equal(TriageLevel.Urgent, current.Level);
        Assert.Contains("UR-2", current.RuleIds);
        Assert.Contains(current.Reasons, r => r.StartsWith("UR-2:", StringComparison.Ordinal) && r.Contains("3 cm", StringComparison.Ordinal));
        Assert.Equal(assessmentsBefore + 1, _h.Episodes.Assessments.Count);
        Assert.Equal(AssessmentReason.MidwifeMeasurement, _h.Episodes.Assessments[^1].Reason);
        Assert.Contains(shown.Assessments, a => a.Id == episode.Assessment.Id && a.Level == TriageLevel.None && !a.IsCurrent);
        var row = Assert.Single(_h.Audit.Records.Skip(before));
        Assert.Equal(("measurement.recorded", "success", $"episode:{episode.Id}"), (row.Action, row.Outcome, row.Resource));

        _h.SignIn(PatientA, Roles.Patient);
        var hers = (await _h.EpisodeService.GetAsync(episode.Id)).Value!;
        Assert.Equal(TriageLevel.Urgent, hers.Assessment!.Level);
        Assert.Equal(3m, hers.MidwifeCalfDifferenceCm);
        Assert.Null(hers.Details.CalfDifferenceCm);
    }

    [Fact]
    public async Task RecordCalfDifferenceAsync_LowerThanHers_TakesPrecedenceAndSurvivesHerNextEdit()
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), calfCm: 3m);
        Assert.Contains(RuleId.Ur2, episode.Assessment!.Rules);
        var grant = await ShareAndSignInMidwifeAsync();

        var measured = (await _h.LogService.RecordCalfDifferenceAsync(grant, episode.Id, 0.5m)).Value!;
        _h.SignIn(PatientA, Roles.Patient);
        var edited = (await _h.EpisodeService.UpdateAsync(new UpdateEpisodeRequest(episode.Id, episode.Details with { PainScore = 4 }))).Value!;

        Assert.DoesNotContain("UR-2", measured.Assessments[^1].RuleIds);
        Assert.Equal(TriageLevel.None, measured.Assessments[^1].Level);
        Assert.DoesNotContain(RuleId.Ur2, edited.Assessment!.Rules);
        Assert.Equal(0.5m, _h.Episodes.Peek(episode.Id)!.MidwifeCalfDifferenceCm);
        Assert.Equal(3m, _h.Episodes.Peek(episode.Id)!.CalfDifferenceCm);
    }

    [Fact]
    public async Task RecordCalfDifferenceAsync_Cleared_HerOwnValueCountsAgain()
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), calfCm: 2m);
        var grant = await ShareAndSignInMidwifeAsync();
        await _h.LogService.RecordCalfDifferenceAsync(grant, episode.Id, 0m);

        var cleared = (await _h.LogService.RecordCalfDifferenceAsync(grant, episode.Id, null)).Value!;

        Assert.Null(cleared.MidwifeCalfDifferenceCm);
        Assert.Contains("UR-2", cleared.Assessments[^1].RuleIds);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("15.1")]
    public async Task RecordCalfDifferenceAsync_OutOfRange_IsInvalidNamingTheFieldAndStoresNothing(string value)
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        var grant = await ShareAndSignInMidwifeAsync();
        var assessments = _h.Episodes.Assessments.Count;
        var before = _h.Audit.Records.Count;

        var result = await _h.LogService.RecordCalfDifferenceAsync(grant, episode.Id, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith("Calf difference:", result.ErrorFor("DifferenceCm"), StringComparison.Ordinal);
        Assert.Equal(assessments, _h.Episodes.Assessments.Count);
        Assert.Null(_h.Episodes.Peek(episode.Id)!.MidwifeCalfDifferenceCm);
        Assert.Equal(before, _h.Audit.Records.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("15")]
    public async Task RecordCalfDifferenceAsync_AtTheBounds_IsRecorded(string value)
    {
        var episode = await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        var grant = await ShareAndSignInMidwifeAsync();

        var result = await _h.LogService.RecordCalfDifferenceAsync(grant, episode.Id, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ResultStatus.Ok, result.Status);
    }

    // ---- Exports ----

    [Fact]
    public async Task ExportPdfAsync_AssemblesTheReportAndNamesTheFileWithoutHerName()
    {
        var first = await _h.LogAsync(new DateTime(2026, 6, 1, 23, 0, 0), OneLegSwollen());
        await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0), minutes: 15);
        var grant = await ShareAndSignInMidwifeAsync();
        await _h.LogService.AcknowledgeAsync(grant, first.Assessment!.Id, "Scan clear.");
        var before = _h.Audit.Records.Count;

        var file = (await _h.LogService.ExportPdfAsync(grant)).Value!;

        Assert.Equal("leg-cramp-summary-2026-06-10.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.DoesNotContain("Anna", file.FileName, StringComparison.OrdinalIgnoreCase);
        var (format, report) = Assert.Single(_h.Writer.Written);
        Assert.Equal("pdf", format);
        Assert.Equal("Anna Patient", report.Patient.Name);
        Assert.Equal("23 weeks + 6 days", report.Patient.Stage);
        Assert.Equal("Europe/London", report.Patient.TimeZoneId);
        Assert.Equal(MidwifeName, report.GeneratedBy);
        Assert.Equal((new DateOnly(2025, 12, 25), new DateOnly(2026, 6, 10)), (report.From, report.To));
        Assert.Equal(2, report.Episodes.Count);
        var flagged = report.Episodes[0];
        Assert.Equal(("URGENT", ResultWords.Urgent, "Left leg"), (flagged.Level, flagged.Result, flagged.Side));
        Assert.Equal((MidwifeName, "Scan clear."), (flagged.ReviewedBy, flagged.ReviewNote));
        Assert.Equal(new DateTime(2026, 6, 1, 23, 0, 0), flagged.StartedAtLocal);
        var routine = report.Episodes[1];
        Assert.Equal(("ROUTINE", ResultWords.Routine), (routine.Level, routine.Result));
        Assert.Contains(routine.Reasons, r => r.StartsWith("RO-2:", StringComparison.Ordinal));
        Assert.Null(routine.ReviewedBy);
        Assert.Equal(new ReportWeek("Week 22", 1), report.NightsPerWeek[0]);
        Assert.Equal(new ReportWeek("Week 23", 1), report.NightsPerWeek[^1]);
        var row = Assert.Single(_h.Audit.Records.Skip(before));
        Assert.Equal(("log.exported.pdf", "success", "patient-log"), (row.Action, row.Outcome, row.Resource));
    }

    [Fact]
    public async Task ExportCsvAsync_WritesTheCsvAndAuditsOnce()
    {
        await _h.LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        var grant = await ShareAndSignInMidwifeAsync();
        var before = _h.Audit.Records.Count;

        var file = (await _h.LogService.ExportCsvAsync(grant)).Value!;

        Assert.Equal(("leg-cramp-episodes-2026-06-10.csv", "text/csv"), (file.FileName, file.ContentType));
        Assert.Equal("csv", Assert.Single(_h.Writer.Written).Format);
        var row = Assert.Single(_h.Audit.Records.Skip(before));
        Assert.Equal(("log.exported.csv", "success"), (row.Action, row.Outcome));
    }

    [Fact]
    public void NightsPerWeek_FromTheFirstNightToNow_CountsDistinctNightsAndKeepsEmptyWeeks()
    {
        var profile = ReviewHarness.Profile(PatientA, "Anna Patient");
        var nights = new[] { new DateOnly(2026, 5, 19), new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 20), new DateOnly(2026, 6, 9) };

        var weeks = PatientLogService.NightsPerWeek(profile, new DateOnly(2025, 12, 25), new DateOnly(2026, 6, 9), nights);

        Assert.Equal(
            [new ReportWeek("Week 20", 2), new ReportWeek("Week 21", 0), new ReportWeek("Week 22", 0), new ReportWeek("Week 23", 1)],
            weeks);
    }

    [Fact]
    public void NightsPerWeek_AfterTheBirth_LabelsWeeksAfterBirth()
    {
        var profile = ReviewHarness.Profile(PatientA, "Anna Patient");
        profile.BirthDate = new DateOnly(2026, 9, 20);

        var weeks = PatientLogService.NightsPerWeek(profile, new DateOnly(2025, 12, 25), new DateOnly(2026, 9, 28), [new DateOnly(2026, 9, 25)]);

        Assert.Equal([new ReportWeek("Week 1 after birth", 1), new ReportWeek("Week 2 after birth", 0)], weeks);
    }
}
