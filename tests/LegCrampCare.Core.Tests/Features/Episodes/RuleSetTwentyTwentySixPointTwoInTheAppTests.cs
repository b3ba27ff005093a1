using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Core.Tests.Fakes;
using LegCrampCare.Core.Triage;
using LegCrampCare.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Episodes;

/// <summary>
/// How the app fills the 2026.2 inputs (clinical README §2, "How the app fills the inputs") and what she then reads: the
/// stage after a loss and when unknown, pain hours she did not give, which leg still hurts, pain that has gone, her
/// maternity unit's number on the card, the quick "more than 10 minutes?", and her midwife's notes.
/// </summary>
public sealed class RuleSetTwentyTwentySixPointTwoInTheAppTests
{
    private const string Patient = "patient-a";

    private readonly FakeCurrentUser _user = new();
    private readonly InMemoryEpisodeStore _episodes = new();
    private readonly InMemoryProfileStore _profiles = new();
    private readonly InMemoryGuidanceStore _guidance = new();

    // 03:30 BST on Wednesday 10 June 2026: the night of the 9th.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero));
    private readonly EpisodeService _service;

    private InMemoryAuditLog Audit => _audit ??= new InMemoryAuditLog(_time);

    private InMemoryAuditLog? _audit;

    public RuleSetTwentyTwentySixPointTwoInTheAppTests()
    {
        _service = new EpisodeService(_user, _episodes, _profiles, new EpisodeAssessor(TriageEngine.Default), _guidance,
            new SafetyOptions { MaternityTriageNumber = "01632 960000" }, Audit, _time, NullLogger<EpisodeService>.Instance);
        _user.SignInAsPatient(Patient);
    }

    private void Profile(DateOnly? due = null, DateOnly? ended = null, DateOnly? birth = null, string? phone = null) => _profiles.Seed(new PregnancyProfile
    {
        UserId = Patient,
        DisplayName = "Anna",
        DateOfBirth = new DateOnly(1992, 4, 1),
        DueDate = due,
        BirthDate = birth,
        BirthMode = birth is null ? null : BirthMode.Vaginal,
        PregnancyEndedOn = ended,
        TimeZoneId = "Europe/London",
        MaternityPhone = phone,
    });

    /// <summary>Every question FS-1 reads answered no, eased by stretching; pain left after the cramp as given.</summary>
    private static EpisodeAnswers Answered(Answer painStillThere = Answer.No, Answer improving = Answer.NotAnswered, Side? side = null) => new()
    {
        SuddenBreathlessness = Answer.No, ChestPain = Answer.No, CoughingBlood = Answer.No, Fainted = Answer.No,
        Swelling = Swelling.NotOneLeg, RedOrDarkerSkin = Answer.No, Warmth = Answer.No, GradualBreathlessness = Answer.No,
        EasedByStretching = Answer.Yes, PainStillThere = painStillThere, PainAfterImproving = improving, PainSide = side,
        HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No, PainPullingToesUp = Answer.No, Tenderness = Answer.No,
        CrampOver10Minutes = Answer.No,
    };

    private async Task<EpisodeDto> LogAsync(DateTime? local = null)
    {
        var request = local is null
            ? new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now }
            : new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Custom, CustomStartLocal = local };
        var result = await _service.QuickLogAsync(request);
        Assert.Equal(ResultStatus.Ok, result.Status);
        return result.Value!;
    }

    private async Task<ServiceResult<EpisodeDto>> AnswerAsync(EpisodeDto episode, EpisodeAnswers answers, int? minutes = null, decimal? painHours = null) =>
        await _service.UpdateAsync(new UpdateEpisodeRequest(episode.Id, episode.Details with { Answers = answers, DurationMinutes = minutes, PainAfterHours = painHours }));

    private TriageInput LatestInput(Guid episodeId) =>
        TriageCaseFile.ParseInput(_episodes.Assessments.Where(a => a.EpisodeId == episodeId).MaxBy(a => a.AssessedAtUtc)!.InputsJson);

    [Fact]
    public async Task AfterALoss_TheDaysSinceItEnded_AreThePostnatalWindow_Ur7At2HoursWithLossWording()
    {
        // D62 in the app: 9 days after a miscarriage, calf pain 2 hours after a cramp.
        Profile(due: new DateOnly(2026, 12, 1), ended: new DateOnly(2026, 6, 1));
        var episode = await LogAsync();

        var saved = (await AnswerAsync(episode, Answered(Answer.Yes, Answer.Yes, Side.Left), minutes: 2, painHours: 2m)).Value!;

        var input = LatestInput(episode.Id);
        Assert.Equal((null, 9, PregnancyEnd.Loss, (BirthMode?)null), (input.GestationalWeek, input.PostpartumDay, input.PregnancyEnd, input.Birth));
        Assert.Equal(TriageLevel.Urgent, saved.Assessment!.Level);
        Assert.Contains(RuleId.Ur7, saved.Assessment.Rules);
        var reason = Assert.Single(saved.Assessment.Card!.Reasons, r => r.Id == RuleId.Ur7);
        Assert.Equal("Leg pain that lasts 2 hours or more needs checking today in the weeks since your pregnancy ended, when the chance of a clot is higher.", reason.Text);
        Assert.DoesNotContain("baby", string.Join(" ", saved.Assessment.Card.Reasons.Select(r => r.Text)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ACrampLoggedBeforeALossWasRecorded_IsReadWithTheStageUnknown_FailingSafe()
    {
        Profile(due: new DateOnly(2026, 12, 1), ended: new DateOnly(2026, 6, 20));
        var episode = await LogAsync();

        var saved = (await AnswerAsync(episode, Answered() with { Fever = Answer.Yes }, minutes: 2)).Value!;

        var input = LatestInput(episode.Id);
        Assert.Null(input.GestationalWeek);
        Assert.Null(input.PostpartumDay);
        // Unknown: the maternity period, so a fever fires UR-12 and UR-13, told once, with no pregnancy words.
        Assert.Contains(RuleId.Ur12, saved.Assessment!.Rules);
        Assert.Contains(RuleId.Ur13, saved.Assessment.Rules);
        Assert.Equal([PatientWording.FeverStageUnknown], saved.Assessment.Card!.Reasons.Select(r => r.Text));
    }

    [Fact]
    public async Task PainStillThereWithNoHoursGiven_CountsFromTheStartOfTheCramp_Ur6After6Hours()
    {
        Profile(due: new DateOnly(2026, 10, 1));
        var episode = await LogAsync(); // 03:30

        _time.Advance(TimeSpan.FromHours(6.25)); // she answers at 09:45, still there, not getting better
        var saved = (await AnswerAsync(episode, Answered(Answer.Yes, Answer.No, Side.Left), minutes: 2)).Value!;

        Assert.Equal(6.3m, LatestInput(episode.Id).PainAfterHours);
        Assert.Equal(TriageLevel.Urgent, saved.Assessment!.Level);
        Assert.Contains(RuleId.Ur6, saved.Assessment.Rules);
    }

    [Fact]
    public async Task PainStillThere_HoursStoredByAnEarlierAnswer_NeverReadAsTheDurationLater()
    {
        // 03:30 cramp; 04:30 follow-up "still there, not getting better" stores 1 hour; at 09:30 she answers the missing
        // questions: the pain has lasted 6 hours by then, not 1, so UR-6 fires, and no clock says 6 hours from 04:30.
        Profile(due: new DateOnly(2026, 10, 1));
        var episode = await LogAsync();
        await AnswerAsync(episode, new EpisodeAnswers { PainStillThere = Answer.Yes }, minutes: 2);
        _time.Advance(TimeSpan.FromHours(1));
        var followedUp = (await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.NotBetter))).Value!;
        Assert.Equal(1m, followedUp.Details.PainAfterHours);
        _time.Advance(TimeSpan.FromHours(5));

        var saved = (await AnswerAsync(followedUp, Answered(Answer.Yes, Answer.No, Side.Left), minutes: 2, painHours: followedUp.Details.PainAfterHours)).Value!;

        Assert.Equal(6m, LatestInput(episode.Id).PainAfterHours);
        Assert.Equal(TriageLevel.Urgent, saved.Assessment!.Level);
        Assert.Contains(RuleId.Ur6, saved.Assessment.Rules);
    }

    [Fact]
    public async Task PainStillThere_TheCardGivesAClockTimeThatAgreesWithTheRules()
    {
        Profile(due: new DateOnly(2026, 10, 1));
        var episode = await LogAsync(); // 03:30 BST

        var saved = (await AnswerAsync(episode, Answered(Answer.Yes, Answer.No, Side.Left), minutes: 2)).Value!;

        Assert.Equal(TriageLevel.None, saved.Assessment!.Level);
        Assert.Equal(
            "If the pain is still there at 09:30 today (6 hours after it started) and is not getting better, call maternity triage then. Set a reminder: the app will not remind you.",
            saved.Assessment.Card!.Clock);
    }

    [Fact]
    public async Task PainFollowUp_WhichLegStillHurts_IsStored_AndPainThatHasGoneNoLongerFiresUr16()
    {
        Profile(due: new DateOnly(2026, 10, 1));
        var episode = await LogAsync();
        await AnswerAsync(episode, Answered(Answer.Yes, Answer.Yes) with { RacingHeart = Answer.Yes }, minutes: 2, painHours: 0.5m);
        _time.Advance(TimeSpan.FromHours(1));

        var stillThere = (await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.BetterButStillThere, Side.Right))).Value!;
        Assert.Equal(Side.Right, stillThere.Details.Answers.PainSide);
        Assert.Equal(TriageSide.Right, LatestInput(episode.Id).PainAfterSide);
        Assert.Contains(RuleId.Ur16, stillThere.Assessment!.Rules);

        _time.Advance(TimeSpan.FromHours(1));
        var gone = (await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.Gone))).Value!;
        Assert.True(LatestInput(episode.Id).PainAfterGone);
        Assert.DoesNotContain(RuleId.Ur16, gone.Assessment!.Rules);
        Assert.Contains(RuleId.Ro5, gone.Assessment.Rules);
    }

    [Fact]
    public async Task PainFollowUp_WhichLegWithPainGone_IsRefusedAndChangesNothing()
    {
        Profile(due: new DateOnly(2026, 10, 1));
        var episode = await LogAsync();
        await AnswerAsync(episode, Answered(Answer.Yes, Answer.Yes), minutes: 2, painHours: 0.5m);
        var before = _episodes.Assessments.Count;

        var result = await _service.AnswerPainFollowUpAsync(new PainFollowUpRequest(episode.Id, PainNow.Gone, Side.Left));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(nameof(PainFollowUpRequest.StillHurts), result.Errors[0].Field);
        Assert.Equal(before, _episodes.Assessments.Count);
    }

    [Fact]
    public async Task QuickMoreThan10Minutes_DisagreeingWithTheMinutes_IsRefusedNamingTheQuestion_AndNothingChanges()
    {
        Profile(due: new DateOnly(2026, 10, 1));
        var episode = await LogAsync();
        var before = _episodes.Assessments.Count;

        var result = await AnswerAsync(episode, Answered() with { CrampOver10Minutes = Answer.Yes }, minutes: 5);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Answers.CrampOver10Minutes", error.Field);
        Assert.Equal("You said the cramp lasted more than 10 minutes, but entered 5 minutes. Change the minutes, or answer no.", error.Message);
        Assert.Equal(before, _episodes.Assessments.Count);
    }

    [Fact]
    public async Task QuickMoreThan10Minutes_Yes_WithNoMinutes_IsRo2AtNight()
    {
        Profile(due: new DateOnly(2026, 10, 1));
        var episode = await LogAsync();

        var saved = (await AnswerAsync(episode, Answered() with { CrampOver10Minutes = Answer.Yes })).Value!;

        Assert.Equal(TriageLevel.Routine, saved.Assessment!.Level);
        Assert.Contains(RuleId.Ro2, saved.Assessment.Rules);
    }

    [Fact]
    public async Task HerMaternityUnitsNumber_IsTheCallButtonOnAnUrgentCard_InsteadOfTheUnitsConfiguredOne()
    {
        Profile(due: new DateOnly(2026, 10, 1), phone: "+441234567890");
        var episode = await LogAsync();

        var saved = (await AnswerAsync(episode, Answered() with { Swelling = Swelling.OneLeg }, minutes: 2)).Value!;

        var card = saved.Assessment!.Card!;
        Assert.Equal(new CallButton(CallTarget.MaternityTriage, "Call maternity triage: 01234 567890", "+441234567890"), card.Call);
        Assert.Equal("Call maternity triage now on 01234 567890, or your GP or NHS 111 if you can't reach them.", card.Actions[0]);
    }

    [Fact]
    public async Task MoreThanSixWeeksAfterTheBirth_TheUrgentCardNamesTheGpOrNhs111_AndCallsNhs111()
    {
        Profile(birth: new DateOnly(2026, 4, 1), phone: "+441234567890");
        var episode = await LogAsync();

        var saved = (await AnswerAsync(episode, Answered() with { Swelling = Swelling.OneLeg }, minutes: 2)).Value!;

        var card = saved.Assessment!.Card!;
        Assert.Equal("Call your GP or NHS 111 now", card.Heading);
        Assert.Equal("Call your GP now, or NHS 111 if you can't reach them.", card.Actions[0]);
        Assert.Equal(CallTarget.UrgentLine, card.Call!.Target);
        Assert.Equal("111", card.Call.Tel);
    }

    [Fact]
    public async Task MidwifeNotes_HerReviewOfAFlag_IsOnHerHomePageForAWeek()
    {
        Profile(due: new DateOnly(2026, 10, 1));
        var episode = await LogAsync();
        var flagged = (await AnswerAsync(episode, Answered() with { Swelling = Swelling.OneLeg }, minutes: 2)).Value!;
        var review = new FlagReview
        {
            Id = Guid.NewGuid(), PatientId = Patient, EpisodeId = episode.Id, AssessmentId = flagged.Assessment!.Id, MidwifeId = "midwife",
            ReviewerName = "Sam Smith", Note = "Seen today: no clot.", AtUtc = _time.GetUtcNow().UtcDateTime,
        };
        Assert.Equal(ReviewWriteStatus.Added, (await _episodes.AddReviewAsync(review, default)).Status);

        var note = Assert.Single((await _service.GetMidwifeNotesAsync()).Value!);
        Assert.Equal((episode.Id, "Sam Smith", "Seen today: no clot."), (note.Episode.Id, note.Review.ReviewerName, note.Review.Note));

        // Another patient, with a profile of her own, sees none of it.
        _profiles.Seed(new PregnancyProfile { UserId = "patient-b", DisplayName = "B", DateOfBirth = new DateOnly(1990, 1, 1), DueDate = new DateOnly(2026, 10, 1), TimeZoneId = "Europe/London" });
        _user.SignInAsPatient("patient-b");
        Assert.Empty((await _service.GetMidwifeNotesAsync()).Value!);
        _user.SignInAsPatient(Patient);
        _time.Advance(EpisodeService.MidwifeUpdateWindow + TimeSpan.FromMinutes(1));
        Assert.Empty((await _service.GetMidwifeNotesAsync()).Value!);
    }
}
