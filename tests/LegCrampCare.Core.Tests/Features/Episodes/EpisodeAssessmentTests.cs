using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Tests.Shared;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Core.Tests.Fakes;
using LegCrampCare.Core.Triage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Episodes;

/// <summary>Every save is assessed and the assessment stored; follow-ups re-assess; history feeds RO-1.</summary>
public sealed class EpisodeAssessmentTests
{
    private const string PatientA = "patient-a";
    private const string PatientB = "patient-b";

    private readonly FakeCurrentUser _user = new();
    private readonly InMemoryEpisodeStore _episodes = new();
    private readonly InMemoryProfileStore _profiles = new();
    private readonly InMemoryGuidanceStore _guidance = new();

    // 03:30 BST on Wednesday 10 June 2026: the night of the 9th. Due 1 October: 23 weeks pregnant.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero));
    private readonly EpisodeService _service;

    private InMemoryAuditLog Audit => _audit ??= new InMemoryAuditLog(_time);

    private InMemoryAuditLog? _audit;

    public EpisodeAssessmentTests()
    {
        _service = new EpisodeService(_user, _episodes, _profiles, new EpisodeAssessor(TriageEngine.Default), _guidance, new SafetyOptions(), Audit, _time, NullLogger<EpisodeService>.Instance);
        _profiles.Seed(Profile(PatientA));
        _profiles.Seed(Profile(PatientB));
        _user.SignInAsPatient(PatientA);
    }

    private static PregnancyProfile Profile(string userId, string zone = "Europe/London", DateOnly? birth = null, RiskFactors risks = RiskFactors.None) => new()
    {
        UserId = userId,
        DisplayName = userId,
        DateOfBirth = new DateOnly(1992, 4, 1),
        DueDate = birth is null ? new DateOnly(2026, 10, 1) : null,
        BirthDate = birth,
        BirthMode = birth is null ? null : BirthMode.Vaginal,
        TimeZoneId = zone,
        RiskFactors = risks,
    };

    private static EpisodeAnswers AllRedFlagsNo() => new()
    {
        SuddenBreathlessness = Answer.No,
        ChestPain = Answer.No,
        CoughingBlood = Answer.No,
        Fainted = Answer.No,
        Swelling = Swelling.None,
        RedOrDarkerSkin = Answer.No,
        Warmth = Answer.No,
        GradualBreathlessness = Answer.No,
        EasedByStretching = Answer.Yes,
        PainStillThere = Answer.No,
    };

    private async Task<EpisodeDto> LogAsync(DateTime? local = null, Side side = Side.Left)
    {
        var request = local is null
            ? new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = side, When = QuickLogTime.Now }
            : new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = side, When = QuickLogTime.Custom, CustomStartLocal = local };
        var result = await _service.QuickLogAsync(request);
        Assert.Equal(ResultStatus.Ok, result.Status);
        return result.Value!;
    }

    private async Task<EpisodeDto> AnswerAsync(EpisodeDto episode, EpisodeAnswers answers, int? minutes = 2, decimal? painHours = null, decimal? calfCm = null)
    {
        var details = episode.Details with { Answers = answers, DurationMinutes = minutes, PainAfterHours = painHours, CalfDifferenceCm = calfCm };
        var result = await _service.UpdateAsync(new UpdateEpisodeRequest(episode.Id, details));
        Assert.Equal(ResultStatus.Ok, result.Status);
        return result.Value!;
    }

    // ---- Quick log ----

    [Fact]
    public async Task QuickLog_NothingAnswered_StoresAnIncompleteAssessmentAskingTheSevenQuestions()
    {
        var episode = await LogAsync();

        var stored = Assert.Single(_episodes.Assessments);
        Assert.Equal(episode.Id, stored.EpisodeId);
        Assert.Equal(PatientA, stored.PatientId);
        Assert.Equal(AssessmentReason.Logged, stored.Reason);
        Assert.Equal(TriageLevel.Routine, stored.Level);
        Assert.Equal("FS-1", stored.FiredRules);
        Assert.True(stored.IsIncomplete);
        Assert.Equal("2026.2", stored.RuleSetVersion);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, stored.AssessedAtUtc);
        Assert.Equal(23, TriageCaseFile.ParseInput(stored.InputsJson).GestationalWeek);

        var shown = episode.Assessment!;
        Assert.True(shown.IsIncomplete);
        Assert.False(shown.IsFlag);
        Assert.Equal(7, shown.Explanation!.UnansweredRedFlags.Count);
    }

    [Fact]
    public async Task EachAssessment_StoresTheGuidanceRevisionsItsResultLinkedTo()
    {
        var whenToGetHelp = _guidance.AddReadable(GuidanceLinks.WhenToGetHelp);
        var duringACramp = _guidance.AddReadable(GuidanceLinks.DuringACramp);
        var wallStretch = _guidance.AddReadable(GuidanceLinks.WallCalfStretch);

        var episode = await LogAsync();
        await AnswerAsync(episode, AllRedFlagsNo());

        Assert.Equal($"when-to-seek-help@{whenToGetHelp}", _episodes.Assessments[0].GuidanceShown); // FS-1: when to get help
        Assert.Equal($"during-a-cramp@{duringACramp},wall-calf-stretch@{wallStretch}", _episodes.Assessments[1].GuidanceShown); // NONE
    }

    [Fact]
    public async Task QuickLog_RetriedWithTheSameId_StoresOneAssessment()
    {
        var request = new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Right, When = QuickLogTime.Now };

        await _service.QuickLogAsync(request);
        var again = await _service.QuickLogAsync(request);

        Assert.Single(_episodes.Assessments);
        Assert.Equal(TriageLevel.Routine, again.Value!.Assessment!.Level);
    }

    // ---- Edits add assessments; the old ones stay ----

    [Fact]
    public async Task Update_ChestPainYes_AddsAnEmergencyAssessmentAndKeepsTheFirst()
    {
        var episode = await LogAsync();
        _time.Advance(TimeSpan.FromMinutes(2));

        var updated = await AnswerAsync(episode, AllRedFlagsNo() with { ChestPain = Answer.Yes });

        Assert.Equal(TriageLevel.Emergency, updated.Assessment!.Level);
        Assert.Contains(RuleId.Em2, updated.Assessment.Rules);
        Assert.Equal("chest or upper-back pain", Assert.Single(updated.Assessment.Explanation!.Rules, r => r.Id == RuleId.Em2).Sign);

        var history = (await _service.GetAssessmentsAsync(episode.Id)).Value!;
        Assert.Equal(2, history.Count);
        Assert.Equal(TriageLevel.Emergency, history[0].Level);
        Assert.Equal(AssessmentReason.Edited, history[0].Reason);
        Assert.Equal(TriageLevel.Routine, history[1].Level);
        Assert.True(history[1].IsIncomplete);
    }

    [Fact]
    public async Task Update_TypicalCramp_IsNoneWithNo1()
    {
        var episode = await LogAsync();

        var updated = await AnswerAsync(episode, AllRedFlagsNo());

        Assert.Equal(TriageLevel.None, updated.Assessment!.Level);
        Assert.Equal([RuleId.No1], updated.Assessment.Rules);
    }

    [Fact]
    public async Task Update_InvalidDetails_AddsNoAssessment()
    {
        var episode = await LogAsync();

        var result = await _service.UpdateAsync(new UpdateEpisodeRequest(episode.Id, episode.Details with { DurationMinutes = -3 }));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Single(_episodes.Assessments);
    }

    [Fact]
    public async Task Update_RiskFactorsInTheProfile_RaiseTheLevelOfATypicalCramp()
    {
        _profiles.Seed(Profile(PatientA, risks: RiskFactors.PreviousVte));
        var episode = await LogAsync();

        var updated = await AnswerAsync(episode, AllRedFlagsNo());

        Assert.Equal(TriageLevel.Routine, updated.Assessment!.Level);
        Assert.Equal([RuleId.Ro4, RuleId.No1], updated.Assessment.Rules);
        Assert.Equal(4, updated.Assessment.RcogPoints);
        Assert.True(updated.Assessment.HighRiskContext);
    }

    [Fact]
    public async Task GetAssessments_AnotherPatientsEpisode_IsNotFound()
    {
        var episode = await LogAsync();
        _user.SignInAsPatient(PatientB);

        Assert.Equal(ResultStatus.NotFound, (await _service.GetAssessmentsAsync(episode.Id)).Status);
    }

    [Fact]
    public async Task History_ShowsEachEpisodesLatestAssessment()
    {
        var episode = await LogAsync();
        await AnswerAsync(episode, AllRedFlagsNo() with { Swelling = Swelling.OneLeg });

        var night = Assert.Single((await _service.GetHistoryAsync(1, 10)).Value!.Nights);

        var shown = Assert.Single(night.Episodes).Assessment!;
        Assert.Equal(TriageLevel.Urgent, shown.Level);
        Assert.Null(shown.Explanation);
    }

    // ---- RO-1 reads her stored history, nights in her time zone ----

    [Theory]
    [InlineData(new[] { 1, 2, 7, 8, 9 }, true)]   // this night + 2 = 3 in week one, 3 in week two
    [InlineData(new[] { 1, 2, 7, 8, 14 }, false)] // only 2 in week two
    [InlineData(new[] { 1, 7, 8, 9 }, false)]     // only 2 in week one
    public async Task Ro1_CountsTheNightsBeforeFromStoredEpisodes(int[] nightsAgo, bool fires)
    {
        // Each earlier cramp at 02:30 local belongs to the night before its date.
        foreach (var ago in nightsAgo)
        {
            await LogAsync(new DateTime(2026, 6, 10, 2, 30, 0).AddDays(-ago));
        }

        var episode = await LogAsync(new DateTime(2026, 6, 10, 2, 30, 0));
        var updated = await AnswerAsync(episode, AllRedFlagsNo());

        Assert.Equal(fires, updated.Assessment!.Rules.Contains(RuleId.Ro1));
    }

    [Fact]
    public async Task Ro1_NightsAreCountedInHerTimeZone()
    {
        // In New York, 21:30 local on 8 June is 01:30 UTC on the 9th: still the night of the 8th for her.
        _profiles.Seed(Profile(PatientA, zone: "America/New_York"));
        _time.SetUtcNow(new DateTimeOffset(2026, 6, 10, 6, 0, 0, TimeSpan.Zero));
        foreach (var local in new[] { new DateTime(2026, 6, 8, 21, 30, 0), new DateTime(2026, 6, 7, 23, 0, 0),
                     new DateTime(2026, 6, 1, 21, 30, 0), new DateTime(2026, 5, 31, 22, 0, 0), new DateTime(2026, 5, 30, 21, 0, 0) })
        {
            await LogAsync(local);
        }

        var episode = await LogAsync(new DateTime(2026, 6, 9, 23, 0, 0));
        var updated = await AnswerAsync(episode, AllRedFlagsNo());

        // Nights 9 (this), 8, 7 | 1, 31 May, 30 May: three and three.
        Assert.Contains(RuleId.Ro1, updated.Assessment!.Rules);
        var nights = TriageCaseFile.ParseInput(_episodes.Assessments[^1].InputsJson).NightsAgo().ToList();
        Assert.Equal([1, 2, 8, 9, 10], nights);
    }

    // ---- "Is the pain still there?" ----

    [Fact]
    public async Task PainFollowUp_IsDueFromAnHourAfterHerLastAnswerUntilItHasGone()
    {
        var episode = await LogAsync();
        await AnswerAsync(episode, AllRedFlagsNo() with { PainStillThere = Answer.Yes }, painHours: 0.5m);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty((await _service.GetPainFollowUpsAsync()).Value!);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(episode.Id, Assert.Single((await _service.GetPainFollowUpsAsync()).Value!).Id);

        await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.BetterButStillThere));
        Assert.Empty((await _service.GetPainFollowUpsAsync()).Value!);

        _time.Advance(TimeSpan.FromHours(5));
        Assert.Single((await _service.GetPainFollowUpsAsync()).Value!);

        await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.Gone));
        _time.Advance(TimeSpan.FromHours(5));
        Assert.Empty((await _service.GetPainFollowUpsAsync()).Value!);
    }

    // ---- A result her midwife's measurement changed ----

    private async Task MidwifeMeasuresAsync(Guid episodeId, decimal? differenceCm)
    {
        var episode = (await _episodes.FindAsync(PatientA, episodeId, default))!;
        episode.MidwifeCalfDifferenceCm = differenceCm;
        var assessment = new EpisodeAssessor(TriageEngine.Default).Assess(
            episode, Profile(PatientA), [], AssessmentReason.MidwifeMeasurement, _time.GetUtcNow().UtcDateTime);
        Assert.True(await _episodes.RecordMidwifeCalfDifferenceAsync(PatientA, episodeId, differenceCm, assessment, default));
    }

    [Fact]
    public async Task MidwifeUpdates_AResultHerMidwifeRaised_IsHersToSeeForAWeek()
    {
        var measured = await LogAsync();
        await AnswerAsync(measured, AllRedFlagsNo());
        var other = await LogAsync(side: Side.Right);
        await AnswerAsync(other, AllRedFlagsNo());
        _time.Advance(TimeSpan.FromDays(1));

        await MidwifeMeasuresAsync(measured.Id, 3.5m);

        var update = Assert.Single((await _service.GetMidwifeUpdatesAsync()).Value!);
        Assert.Equal(measured.Id, update.Id);
        Assert.Equal(AssessmentReason.MidwifeMeasurement, update.Assessment!.Reason);
        Assert.Equal(TriageLevel.Urgent, update.Assessment.Level);
        Assert.Equal(3.5m, update.MidwifeCalfDifferenceCm);

        _user.SignInAsPatient(PatientB);
        Assert.Empty((await _service.GetMidwifeUpdatesAsync()).Value!);
        _user.SignInAsPatient(PatientA);

        _time.Advance(EpisodeService.MidwifeUpdateWindow - TimeSpan.FromMinutes(1));
        Assert.Single((await _service.GetMidwifeUpdatesAsync()).Value!);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty((await _service.GetMidwifeUpdatesAsync()).Value!);
    }

    [Fact]
    public async Task MidwifeUpdates_SheCorrectsHerMeasurement_TheCardStays()
    {
        var episode = await LogAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await AnswerAsync(episode, AllRedFlagsNo());
        _time.Advance(TimeSpan.FromHours(1));
        await MidwifeMeasuresAsync(episode.Id, 3.5m);
        _time.Advance(TimeSpan.FromMinutes(5));

        await MidwifeMeasuresAsync(episode.Id, 3.8m); // urgent again: compared with the patient's own result, still raised

        var update = Assert.Single((await _service.GetMidwifeUpdatesAsync()).Value!);
        Assert.Equal(3.8m, update.MidwifeCalfDifferenceCm);
    }

    [Fact]
    public async Task MidwifeUpdates_AnOldCrampBehindManyNewerNights_IsStillShown()
    {
        var old = await LogAsync(new DateTime(2026, 5, 1, 23, 0, 0));
        await AnswerAsync(old, AllRedFlagsNo());
        for (var night = 0; night < 35; night++)
        {
            await LogAsync(new DateTime(2026, 5, 3, 23, 0, 0).AddDays(night));
        }

        await MidwifeMeasuresAsync(old.Id, 3.5m);

        Assert.Equal(old.Id, Assert.Single((await _service.GetMidwifeUpdatesAsync()).Value!).Id);
    }

    [Fact]
    public async Task MidwifeUpdates_AMeasurementThatKeepsOrLowersTheAdvice_IsNotShown()
    {
        var already = await LogAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await AnswerAsync(already, AllRedFlagsNo(), calfCm: 3.5m); // her own 3.5 cm: already "get checked today"
        var ordinary = await LogAsync(side: Side.Right);
        await AnswerAsync(ordinary, AllRedFlagsNo());
        _time.Advance(TimeSpan.FromHours(3));

        await MidwifeMeasuresAsync(already.Id, 3.2m); // still urgent
        await MidwifeMeasuresAsync(ordinary.Id, 0.5m); // still nothing to act on

        Assert.Empty((await _service.GetMidwifeUpdatesAsync()).Value!);
    }

    [Fact]
    public async Task MidwifeUpdates_AMeasurementSheCleared_IsNotShown()
    {
        var episode = await LogAsync();
        await AnswerAsync(episode, AllRedFlagsNo(), calfCm: 3.5m);
        _time.Advance(TimeSpan.FromHours(1));
        await MidwifeMeasuresAsync(episode.Id, 0.5m); // lowers it
        _time.Advance(TimeSpan.FromHours(1));

        await MidwifeMeasuresAsync(episode.Id, null); // cleared: her own 3.5 cm counts again, raising it

        Assert.Empty((await _service.GetMidwifeUpdatesAsync()).Value!);
    }

    [Fact]
    public async Task MidwifeUpdates_SheChangesTheCrampAfterwards_ItIsNoLongerNew()
    {
        var episode = await LogAsync();
        var answered = await AnswerAsync(episode, AllRedFlagsNo());
        _time.Advance(TimeSpan.FromHours(1));
        await MidwifeMeasuresAsync(episode.Id, 3.5m);
        Assert.Single((await _service.GetMidwifeUpdatesAsync()).Value!);
        _time.Advance(TimeSpan.FromHours(2));

        var edited = await AnswerAsync(answered, AllRedFlagsNo(), minutes: 5);

        Assert.Empty((await _service.GetMidwifeUpdatesAsync()).Value!);
        Assert.Equal(TriageLevel.Urgent, edited.Assessment!.Level); // her midwife's measurement still counts
    }

    [Fact]
    public async Task PainFollowUp_NoPainLeft_IsNeverDue()
    {
        var episode = await LogAsync();
        await AnswerAsync(episode, AllRedFlagsNo());
        _time.Advance(TimeSpan.FromHours(8));

        Assert.Empty((await _service.GetPainFollowUpsAsync()).Value!);
    }

    [Fact]
    public async Task PainFollowUp_StopsAfterTwoWeeks()
    {
        var episode = await LogAsync();
        await AnswerAsync(episode, AllRedFlagsNo() with { PainStillThere = Answer.Yes });

        _time.Advance(TimeSpan.FromDays(15));

        Assert.Empty((await _service.GetPainFollowUpsAsync()).Value!);
    }

    [Fact]
    public async Task PainFollowUp_NotBetterAfterMoreThanADayInOneLeg_IsUrgentUr6()
    {
        var episode = await LogAsync(side: Side.Left);
        await AnswerAsync(episode, AllRedFlagsNo() with { PainStillThere = Answer.Yes }, painHours: 1m);
        _time.Advance(TimeSpan.FromHours(25));

        var result = await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.NotBetter));

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(TriageLevel.Urgent, result.Value!.Assessment!.Level);
        Assert.Contains(RuleId.Ur6, result.Value.Assessment.Rules);
        Assert.Equal(25m, result.Value.Details.PainAfterHours);
        Assert.Equal(Answer.No, result.Value.Details.Answers.PainAfterImproving);
        Assert.Equal(AssessmentReason.PainFollowUp, _episodes.Assessments[^1].Reason);
        Assert.Equal(3, _episodes.Assessments.Count);
    }

    [Fact]
    public async Task PainFollowUp_GoneAfterMoreThanADay_IsNotUr6()
    {
        var episode = await LogAsync(side: Side.Left);
        await AnswerAsync(episode, AllRedFlagsNo() with { PainStillThere = Answer.Yes });
        _time.Advance(TimeSpan.FromHours(30));

        var result = await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.Gone));

        Assert.DoesNotContain(RuleId.Ur6, result.Value!.Assessment!.Rules);
        Assert.Equal(Answer.Yes, result.Value.Details.Answers.PainAfterImproving);
    }

    [Fact]
    public async Task PainFollowUp_TwoHoursInOneLegTenDaysAfterBirth_IsUrgentUr7()
    {
        _profiles.Seed(Profile(PatientA, birth: new DateOnly(2026, 5, 31)));
        var episode = await LogAsync(side: Side.Right);
        await AnswerAsync(episode, AllRedFlagsNo() with { PainStillThere = Answer.Yes }, painHours: 0.5m);
        _time.Advance(TimeSpan.FromHours(2));

        var result = await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.BetterButStillThere));

        Assert.Equal(TriageLevel.Urgent, result.Value!.Assessment!.Level);
        Assert.Contains(RuleId.Ur7, result.Value.Assessment.Rules);
        Assert.True(result.Value.Assessment.HighRiskContext);
    }

    [Fact]
    public async Task PainFollowUp_GoneHoursLaterAfterBirth_CountsOnlyUpToHerLastStillThere_NotUr7()
    {
        // Ten days after birth (high-risk context). Pain still there when she answered at night; gone by the morning.
        _profiles.Seed(Profile(PatientA, birth: new DateOnly(2026, 5, 31)));
        var episode = await LogAsync(side: Side.Left);
        _time.Advance(TimeSpan.FromMinutes(30));
        await AnswerAsync(episode, AllRedFlagsNo() with { PainStillThere = Answer.Yes });
        _time.Advance(TimeSpan.FromHours(6));

        var result = await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.Gone));

        // She told us about half an hour of pain, not six: no "2 hours or more" rule.
        Assert.Equal(0.5m, result.Value!.Details.PainAfterHours);
        Assert.DoesNotContain(RuleId.Ur7, result.Value.Assessment!.Rules);
        Assert.True(result.Value.Assessment.Level < TriageLevel.Urgent);
    }

    [Fact]
    public async Task PainFollowUp_AnotherPatientsEpisode_IsNotFoundAndChangesNothing()
    {
        var episode = await LogAsync();
        await AnswerAsync(episode, AllRedFlagsNo() with { PainStillThere = Answer.Yes });
        var before = _episodes.Assessments.Count;
        _user.SignInAsPatient(PatientB);

        var result = await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.Gone));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(before, _episodes.Assessments.Count);
        Assert.Null(_episodes.Peek(episode.Id)!.PainGoneAtUtc);
    }

    [Fact]
    public async Task PainFollowUp_UnknownAnswer_IsInvalidAndChangesNothing()
    {
        var episode = await LogAsync();

        var result = await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, (PainNow)0));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("PainNow", Assert.Single(result.Errors).Field);
        Assert.Single(_episodes.Assessments);
    }

    [Fact]
    public async Task Delete_RemovesTheEpisodesAssessments()
    {
        var episode = await LogAsync();

        await _service.DeleteAsync(episode.Id);

        Assert.Empty(_episodes.Assessments);
    }
}
