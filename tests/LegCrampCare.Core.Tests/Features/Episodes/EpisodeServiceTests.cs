using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Tests.Shared;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Episodes;

public sealed class EpisodeServiceTests
{
    private const string PatientA = "patient-a";
    private const string PatientB = "patient-b";

    // Due 1 Oct 2026, so the pregnancy is dated from 25 Dec 2025. She lives in London (BST, UTC+1, in June).
    private static readonly DateOnly Due = new(2026, 10, 1);

    private readonly FakeCurrentUser _user = new();
    private readonly InMemoryEpisodeStore _episodes = new();
    private readonly InMemoryProfileStore _profiles = new();
    private readonly InMemoryGuidanceStore _guidance = new();

    // 03:30 BST on Wednesday 10 June 2026: the night of the 9th.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero));
    private readonly EpisodeService _service;

    private InMemoryAuditLog Audit => _audit ??= new InMemoryAuditLog(_time);

    private InMemoryAuditLog? _audit;

    public EpisodeServiceTests()
    {
        _service = new EpisodeService(_user, _episodes, _profiles, new EpisodeAssessor(TriageEngine.Default), _guidance, new SafetyOptions(), Audit, _time, NullLogger<EpisodeService>.Instance);
        _profiles.Seed(Profile(PatientA));
        _profiles.Seed(Profile(PatientB));
        _user.SignInAsPatient(PatientA);
    }

    private static PregnancyProfile Profile(string userId, string zone = "Europe/London", DateOnly? due = null, DateOnly? birth = null) => new()
    {
        UserId = userId,
        DisplayName = userId,
        DateOfBirth = new DateOnly(1992, 4, 1),
        DueDate = due ?? (birth is null ? Due : null),
        BirthDate = birth,
        TimeZoneId = zone,
    };

    private void SetUtcNow(int year, int month, int day, int hour, int minute) =>
        _time.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    private Task<ServiceResult<EpisodeDto>> LogAtLocalAsync(DateTime local, Guid? id = null, Side side = Side.Left) =>
        _service.QuickLogAsync(new QuickLogRequest { EpisodeId = id ?? Guid.NewGuid(), Side = side, When = QuickLogTime.Custom, CustomStartLocal = local });

    private async Task<Guid> LogOkAtLocalAsync(DateTime local, Side side = Side.Left)
    {
        var result = await LogAtLocalAsync(local, side: side);
        Assert.Equal(ResultStatus.Ok, result.Status);
        return result.Value!.Id;
    }

    private static EpisodeAnswers AllQuickQuestionsAnswered() => new()
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

    // ---- QuickLog: when, and which night ----

    [Fact]
    public async Task QuickLog_Now_StartsNowInHerNight()
    {
        var id = Guid.NewGuid();

        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = id, Side = Side.Right, When = QuickLogTime.Now });

        Assert.Equal(ResultStatus.Ok, result.Status);
        var dto = result.Value!;
        Assert.Equal(id, dto.Id);
        Assert.Equal(new DateTime(2026, 6, 10, 2, 30, 0, DateTimeKind.Utc), dto.StartedAtUtc);
        Assert.Equal(new DateTime(2026, 6, 10, 3, 30, 0), dto.Details.StartedAtLocal);
        Assert.Equal(new DateOnly(2026, 6, 9), dto.Night);
        Assert.Equal(Side.Right, dto.Details.Side);
        Assert.Equal("23 weeks + 6 days", dto.StageLabel); // 10 June is day 167 of the pregnancy
        Assert.True(dto.HasUnansweredRedFlag);

        var stored = Assert.Single(_episodes.All);
        Assert.Equal(id, stored.Id);
        Assert.Equal(PatientA, stored.PatientId);
        Assert.Equal(dto.StartedAtUtc, stored.StartedAtUtc);
        Assert.Equal(new DateOnly(2026, 6, 9), stored.Night);
        Assert.Equal(Side.Right, stored.Side);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, stored.CreatedAtUtc);
    }

    [Fact]
    public async Task QuickLog_NowJustAfterNoonLocal_IsTheNewNightAlthoughStillMorningInUtc()
    {
        SetUtcNow(2026, 6, 10, 11, 3); // 12:03 BST

        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now });

        Assert.Equal(new DateOnly(2026, 6, 10), result.Value!.Night);
    }

    [Fact]
    public async Task QuickLog_FewMinutesAgo_StartsFiveMinutesBeforeNow()
    {
        SetUtcNow(2026, 6, 10, 11, 3); // 12:03 BST, so five minutes ago was still the morning after the night of the 9th

        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.FewMinutesAgo });

        Assert.Equal(new DateTime(2026, 6, 10, 10, 58, 0, DateTimeKind.Utc), result.Value!.StartedAtUtc);
        Assert.Equal(new DateTime(2026, 6, 10, 11, 58, 0), result.Value.Details.StartedAtLocal);
        Assert.Equal(new DateOnly(2026, 6, 9), result.Value.Night);
        Assert.Equal(new DateOnly(2026, 6, 9), Assert.Single(_episodes.All).Night);
    }

    [Fact]
    public async Task QuickLog_Custom_UsesHerLocalWallClock()
    {
        var result = await LogAtLocalAsync(new DateTime(2026, 6, 10, 1, 15, 0));

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(new DateTime(2026, 6, 10, 0, 15, 0, DateTimeKind.Utc), result.Value!.StartedAtUtc);
        Assert.Equal(new DateOnly(2026, 6, 9), result.Value.Night);
        Assert.Equal(new DateTime(2026, 6, 10, 0, 15, 0, DateTimeKind.Utc), Assert.Single(_episodes.All).StartedAtUtc);
    }

    [Fact]
    public async Task QuickLog_CustomInNewYork_UsesThatZoneForStartAndNight()
    {
        _profiles.Seed(Profile(PatientA, zone: "America/New_York"));
        SetUtcNow(2026, 6, 10, 17, 0); // 13:00 EDT

        // 11:30 EDT is 15:30 UTC: still the night of the 9th in New York, though past noon in UTC.
        var result = await LogAtLocalAsync(new DateTime(2026, 6, 10, 11, 30, 0));

        Assert.Equal(new DateTime(2026, 6, 10, 15, 30, 0, DateTimeKind.Utc), result.Value!.StartedAtUtc);
        Assert.Equal(new DateOnly(2026, 6, 9), result.Value.Night);
        Assert.Equal(new DateTime(2026, 6, 10, 11, 30, 0), result.Value.Details.StartedAtLocal);
    }

    [Fact]
    public async Task QuickLog_CustomInClocksGoForwardGap_MovesForwardAnHour()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero)); // 07:00 BST
        var service = new EpisodeService(_user, _episodes, _profiles, new EpisodeAssessor(TriageEngine.Default), _guidance, new SafetyOptions(), Audit, time, NullLogger<EpisodeService>.Instance);

        var result = await service.QuickLogAsync(new QuickLogRequest
        {
            EpisodeId = Guid.NewGuid(),
            Side = Side.Left,
            When = QuickLogTime.Custom,
            CustomStartLocal = new DateTime(2026, 3, 29, 1, 30, 0), // does not exist in London
        });

        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), result.Value!.StartedAtUtc);
        Assert.Equal(new DateTime(2026, 3, 29, 2, 30, 0), result.Value.Details.StartedAtLocal);
        Assert.Equal(new DateOnly(2026, 3, 28), result.Value.Night);
    }

    // ---- QuickLog: idempotency ----

    [Fact]
    public async Task QuickLog_SameEpisodeIdTwice_CreatesOneEpisode()
    {
        var request = new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now };
        var first = await _service.QuickLogAsync(request);
        _time.Advance(TimeSpan.FromMinutes(1));

        var second = await _service.QuickLogAsync(request with { Side = Side.Right });

        Assert.Equal(ResultStatus.Ok, second.Status);
        var stored = Assert.Single(_episodes.All);
        Assert.Equal(first.Value!.StartedAtUtc, stored.StartedAtUtc);
        Assert.Equal(Side.Left, stored.Side);
        Assert.Equal(first.Value.StartedAtUtc, second.Value!.StartedAtUtc);
        Assert.Equal(Side.Left, second.Value.Details.Side);
    }

    [Fact]
    public async Task QuickLog_EmptyEpisodeId_IsInvalidAndStoresNothing()
    {
        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.Empty, Side = Side.Left, When = QuickLogTime.Now });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotNull(result.ErrorFor(nameof(QuickLogRequest.EpisodeId)));
        Assert.Empty(_episodes.All);
    }

    // ---- QuickLog: who may log ----

    [Fact]
    public async Task QuickLog_BeforeProfileExists_IsNotFoundAndStoresNothing()
    {
        _user.SignInAsPatient("new-patient");

        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now });

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Empty(_episodes.All);
    }

    [Theory]
    [InlineData(Roles.Midwife)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task QuickLog_NonPatientRole_IsNotFoundAndStoresNothing(string role)
    {
        _profiles.Seed(Profile("staff-1")); // even with a profile, a non-patient has no log
        _user.User = FakeCurrentUser.InRole("staff-1", role);

        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now });

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Empty(_episodes.All);
    }

    [Fact]
    public async Task QuickLog_Anonymous_IsNotFound()
    {
        _user.User = Core.Abstractions.CurrentUserInfo.Anonymous;

        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now });

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Empty(_episodes.All);
    }

    // ---- QuickLog: invalid input ----

    [Fact]
    public async Task QuickLog_CustomWithinClockTolerance_IsAccepted()
    {
        // Now is 03:30 BST; the phone's clock may be up to two minutes ahead.
        var result = await LogAtLocalAsync(new DateTime(2026, 6, 10, 3, 32, 0));

        Assert.Equal(ResultStatus.Ok, result.Status);
    }

    [Fact]
    public async Task QuickLog_CustomInTheFuture_IsInvalidForStartTimeAndStoresNothing()
    {
        var result = await LogAtLocalAsync(new DateTime(2026, 6, 10, 3, 33, 0));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(EpisodeDetails.StartedAtLocal), error.Field);
        Assert.Contains("can't be in the future", error.Message, StringComparison.Ordinal);
        Assert.Empty(_episodes.All);
    }

    [Fact]
    public async Task QuickLog_CustomWithoutATime_IsInvalidForStartTime()
    {
        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Custom });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("Choose when the cramp started.", result.ErrorFor(nameof(EpisodeDetails.StartedAtLocal)));
        Assert.Empty(_episodes.All);
    }

    [Fact]
    public async Task QuickLog_CustomAtPregnancyStart_IsAccepted()
    {
        var result = await LogAtLocalAsync(new DateTime(2025, 12, 25, 0, 0, 0));

        Assert.Equal(ResultStatus.Ok, result.Status);
    }

    [Fact]
    public async Task QuickLog_CustomBeforePregnancyStart_IsInvalidForStartTimeAndStoresNothing()
    {
        var result = await LogAtLocalAsync(new DateTime(2025, 12, 24, 23, 59, 0));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(EpisodeDetails.StartedAtLocal), error.Field);
        Assert.Contains("before your pregnancy began", error.Message, StringComparison.Ordinal);
        Assert.Contains("40 weeks before your due date", error.Message, StringComparison.Ordinal);
        Assert.Empty(_episodes.All);
    }

    [Fact]
    public async Task QuickLog_CustomOnLastDayOfYearAfterBirth_IsAccepted()
    {
        _profiles.Seed(Profile(PatientA, birth: new DateOnly(2025, 5, 1)));

        var result = await LogAtLocalAsync(new DateTime(2026, 5, 1, 23, 0, 0));

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal("Day 365 after birth", result.Value!.StageLabel);
    }

    [Fact]
    public async Task QuickLog_CustomMoreThanAYearAfterBirth_IsInvalidForStartTimeAndStoresNothing()
    {
        _profiles.Seed(Profile(PatientA, birth: new DateOnly(2025, 5, 1)));

        var result = await LogAtLocalAsync(new DateTime(2026, 5, 2, 0, 0, 0));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(EpisodeDetails.StartedAtLocal), error.Field);
        Assert.Contains("more than a year after your baby's birth", error.Message, StringComparison.Ordinal);
        Assert.Empty(_episodes.All);
    }

    [Fact]
    public async Task QuickLog_NowMoreThanAYearAfterBirth_IsInvalid()
    {
        _profiles.Seed(Profile(PatientA, birth: new DateOnly(2025, 5, 1)));

        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = Side.Left, When = QuickLogTime.Now });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotNull(result.ErrorFor(nameof(EpisodeDetails.StartedAtLocal)));
        Assert.Empty(_episodes.All);
    }

    [Fact]
    public async Task QuickLog_UndefinedSide_IsInvalidForSide()
    {
        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = Guid.NewGuid(), Side = (Side)0, When = QuickLogTime.Now });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotNull(result.ErrorFor(nameof(EpisodeDetails.Side)));
        Assert.Empty(_episodes.All);
    }

    // ---- Patient scoping ----

    [Fact]
    public async Task Get_OwnEpisode_ReturnsIt()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0), Side.Both);

        var result = await _service.GetAsync(id);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(id, result.Value!.Id);
        Assert.Equal(Side.Both, result.Value.Details.Side);
        Assert.Equal(new DateTime(2026, 6, 10, 1, 0, 0), result.Value.Details.StartedAtLocal);
    }

    [Fact]
    public async Task Get_UnknownId_IsNotFound()
    {
        Assert.Equal(ResultStatus.NotFound, (await _service.GetAsync(Guid.NewGuid())).Status);
    }

    [Fact]
    public async Task Get_AnotherPatientsEpisode_IsNotFound()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        _user.SignInAsPatient(PatientB);

        var result = await _service.GetAsync(id);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task Get_AsMidwife_IsNotFound()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        _user.User = FakeCurrentUser.InRole(PatientA, Roles.Midwife);

        Assert.Equal(ResultStatus.NotFound, (await _service.GetAsync(id)).Status);
    }

    [Fact]
    public async Task Update_AnotherPatientsEpisode_IsNotFoundAndLeavesItUnchanged()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        var before = _episodes.Peek(id)!;
        _user.SignInAsPatient(PatientB);

        var result = await _service.UpdateAsync(new UpdateEpisodeRequest(id, new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 10, 2, 0, 0),
            Side = Side.Right,
            PainScore = 9,
            Notes = "not mine",
        }));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        var after = _episodes.Peek(id)!;
        Assert.Equal(PatientA, after.PatientId);
        Assert.Equal(before.StartedAtUtc, after.StartedAtUtc);
        Assert.Equal(Side.Left, after.Side);
        Assert.Null(after.PainScore);
        Assert.Null(after.Notes);
        Assert.Equal(before.UpdatedAtUtc, after.UpdatedAtUtc);
    }

    [Fact]
    public async Task Delete_AnotherPatientsEpisode_IsNotFoundAndKeepsIt()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        _user.SignInAsPatient(PatientB);

        var result = await _service.DeleteAsync(id);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(PatientA, _episodes.Peek(id)?.PatientId);
    }

    [Fact]
    public async Task QuickLog_IdAlreadyUsedByAnotherPatient_IsNotFoundAndLeavesHersUntouched()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0), Side.Left);
        var before = _episodes.Peek(id)!;
        _user.SignInAsPatient(PatientB);

        var result = await _service.QuickLogAsync(new QuickLogRequest { EpisodeId = id, Side = Side.Right, When = QuickLogTime.Now });

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Null(result.Value);
        var stored = Assert.Single(_episodes.All);
        Assert.Equal(PatientA, stored.PatientId);
        Assert.Equal(before.StartedAtUtc, stored.StartedAtUtc);
        Assert.Equal(Side.Left, stored.Side);
    }

    // ---- Update ----

    [Fact]
    public async Task Update_ValidDetails_StoresThemAndMovesToTheNewNight()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = await _service.UpdateAsync(new UpdateEpisodeRequest(id, new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 8, 23, 40, 0), // earlier, in the night of the 8th
            Side = Side.Right,
            DurationMinutes = 4,
            Locations = CrampLocations.Calf | CrampLocations.Foot,
            PainScore = 6,
            HelpedBy = ReliefMethods.Stretching,
            CalfDifferenceCm = 0.5m,
            Answers = AllQuickQuestionsAnswered(),
            Notes = "  stretched it out  ",
        }));

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(new DateOnly(2026, 6, 8), result.Value!.Night);
        Assert.False(result.Value.HasUnansweredQuickQuestion);
        var stored = _episodes.Peek(id)!;
        Assert.Equal(new DateTime(2026, 6, 8, 22, 40, 0, DateTimeKind.Utc), stored.StartedAtUtc);
        Assert.Equal(new DateOnly(2026, 6, 8), stored.Night);
        Assert.Equal(Side.Right, stored.Side);
        Assert.Equal(4, stored.DurationMinutes);
        Assert.Equal(CrampLocations.Calf | CrampLocations.Foot, stored.Locations);
        Assert.Equal(6, stored.PainScore);
        Assert.Equal(ReliefMethods.Stretching, stored.HelpedBy);
        Assert.Equal(0.5m, stored.CalfDifferenceCm);
        Assert.Equal(Answer.Yes, stored.Answers.EasedByStretching);
        Assert.Equal(Swelling.None, stored.Answers.Swelling);
        Assert.Equal("stretched it out", stored.Notes);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, stored.UpdatedAtUtc);
        Assert.NotEqual(stored.CreatedAtUtc, stored.UpdatedAtUtc);
    }

    [Fact]
    public async Task Update_WhitespaceNotes_StoresNoNotes()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));

        await _service.UpdateAsync(new UpdateEpisodeRequest(id, new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 10, 1, 0, 0),
            Side = Side.Left,
            Notes = "   ",
        }));

        Assert.Null(_episodes.Peek(id)!.Notes);
    }

    [Fact]
    public async Task Update_InvalidDuration_IsInvalidAndLeavesStoredEpisodeUnchanged()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        var before = _episodes.Peek(id)!;
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = await _service.UpdateAsync(new UpdateEpisodeRequest(id, new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 9, 23, 0, 0),
            Side = Side.Right,
            DurationMinutes = 721,
            PainScore = 5,
            Notes = "should not be saved",
        }));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(EpisodeDetails.DurationMinutes), error.Field);
        Assert.Contains("720", error.Message, StringComparison.Ordinal);
        var after = _episodes.Peek(id)!;
        Assert.Equal(before.StartedAtUtc, after.StartedAtUtc);
        Assert.Equal(Side.Left, after.Side);
        Assert.Null(after.DurationMinutes);
        Assert.Null(after.PainScore);
        Assert.Null(after.Notes);
        Assert.Equal(before.UpdatedAtUtc, after.UpdatedAtUtc);
    }

    [Fact]
    public async Task Update_StartInTheFuture_IsInvalidForStartTime()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));

        var result = await _service.UpdateAsync(new UpdateEpisodeRequest(id, new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 10, 4, 0, 0),
            Side = Side.Left,
        }));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotNull(result.ErrorFor(nameof(EpisodeDetails.StartedAtLocal)));
        Assert.Equal(new DateTime(2026, 6, 10, 0, 0, 0, DateTimeKind.Utc), _episodes.Peek(id)!.StartedAtUtc);
    }

    [Fact]
    public async Task Update_UnknownId_IsNotFound()
    {
        var result = await _service.UpdateAsync(new UpdateEpisodeRequest(Guid.NewGuid(), new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 10, 1, 0, 0),
            Side = Side.Left,
        }));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Empty(_episodes.All);
    }

    // ---- Delete ----

    [Fact]
    public async Task Delete_OwnEpisode_RemovesItOnce()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        var other = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 2, 0, 0));

        var first = await _service.DeleteAsync(id);
        var second = await _service.DeleteAsync(id);

        Assert.Equal(ResultStatus.Ok, first.Status);
        Assert.Equal(ResultStatus.NotFound, second.Status);
        Assert.Null(_episodes.Peek(id));
        Assert.NotNull(_episodes.Peek(other));
    }

    [Fact]
    public async Task Delete_AsMidwife_IsNotFoundAndKeepsIt()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        _user.User = FakeCurrentUser.InRole(PatientA, Roles.Midwife);

        Assert.Equal(ResultStatus.NotFound, (await _service.DeleteAsync(id)).Status);
        Assert.NotNull(_episodes.Peek(id));
    }

    // ---- History ----

    [Fact]
    public async Task GetHistory_NoEpisodes_HasNoNights()
    {
        var result = await _service.GetHistoryAsync(1, 10);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Empty(result.Value!.Nights);
        Assert.Equal(0, result.Value.TotalNights);
        Assert.Equal(0, result.Value.PageCount);
    }

    [Fact]
    public async Task GetHistory_OnlyAnotherPatientsEpisodes_HasNoNights()
    {
        await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        _user.SignInAsPatient(PatientB);

        var result = await _service.GetHistoryAsync(1, 10);

        Assert.Empty(result.Value!.Nights);
        Assert.Equal(0, result.Value.TotalNights);
    }

    /// <summary>Five nights for patient A (two episodes on one of them), and one for patient B.</summary>
    private async Task SeedFiveNightsAsync()
    {
        await LogOkAtLocalAsync(new DateTime(2026, 5, 31, 23, 0, 0)); // night 31 May: 22 weeks + 3 days
        await LogOkAtLocalAsync(new DateTime(2026, 6, 2, 4, 0, 0)); // night 1 June
        await LogOkAtLocalAsync(new DateTime(2026, 6, 5, 22, 0, 0)); // night 5 June
        await LogOkAtLocalAsync(new DateTime(2026, 6, 7, 3, 45, 0)); // night 6 June, second
        await LogOkAtLocalAsync(new DateTime(2026, 6, 6, 22, 10, 0)); // night 6 June, first
        await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 2, 0, 0)); // night 9 June
        _episodes.Seed(new Episode
        {
            Id = Guid.NewGuid(),
            PatientId = PatientB,
            StartedAtUtc = new DateTime(2026, 6, 8, 1, 0, 0, DateTimeKind.Utc),
            Night = new DateOnly(2026, 6, 7),
            Side = Side.Left,
        });
    }

    [Fact]
    public async Task GetHistory_FirstPage_GroupsByNightNewestFirst()
    {
        await SeedFiveNightsAsync();

        var page = (await _service.GetHistoryAsync(1, 2)).Value!;

        Assert.Equal(1, page.Page);
        Assert.Equal(2, page.PageSize);
        Assert.Equal(5, page.TotalNights);
        Assert.Equal(3, page.PageCount);
        Assert.Equal([new DateOnly(2026, 6, 9), new DateOnly(2026, 6, 6)], page.Nights.Select(n => n.Night));
        var sixth = page.Nights[1];
        Assert.Equal(
            [new DateTime(2026, 6, 6, 22, 10, 0), new DateTime(2026, 6, 7, 3, 45, 0)],
            sixth.Episodes.Select(e => e.Details.StartedAtLocal));
        Assert.All(sixth.Episodes, e => Assert.Equal(new DateOnly(2026, 6, 6), e.Night));
    }

    [Fact]
    public async Task GetHistory_Night_IsLabelledWithTheStageOnTheEveningsDate()
    {
        await SeedFiveNightsAsync();

        var page = (await _service.GetHistoryAsync(1, 10)).Value!;

        var nights = page.Nights.ToDictionary(n => n.Night);
        Assert.Equal("22 weeks + 3 days", nights[new DateOnly(2026, 5, 31)].StageLabel);
        Assert.Equal("23 weeks + 1 day", nights[new DateOnly(2026, 6, 5)].StageLabel);
        Assert.Equal("23 weeks + 2 days", nights[new DateOnly(2026, 6, 6)].StageLabel);
        Assert.Equal("23 weeks + 5 days", nights[new DateOnly(2026, 6, 9)].StageLabel);
    }

    [Fact]
    public async Task GetHistory_LastPage_HasTheRemainingNight()
    {
        await SeedFiveNightsAsync();

        var page = (await _service.GetHistoryAsync(3, 2)).Value!;

        Assert.Equal(3, page.Page);
        var night = Assert.Single(page.Nights);
        Assert.Equal(new DateOnly(2026, 5, 31), night.Night);
        Assert.Single(night.Episodes);
    }

    [Fact]
    public async Task GetHistory_MiddlePage_HasTheNextNights()
    {
        await SeedFiveNightsAsync();

        var page = (await _service.GetHistoryAsync(2, 2)).Value!;

        Assert.Equal([new DateOnly(2026, 6, 5), new DateOnly(2026, 6, 1)], page.Nights.Select(n => n.Night));
        Assert.All(page.Nights, n => Assert.Single(n.Episodes));
    }

    [Fact]
    public async Task GetHistory_PageAfterTheLast_IsEmptyButKeepsTheTotal()
    {
        await SeedFiveNightsAsync();

        var page = (await _service.GetHistoryAsync(4, 2)).Value!;

        Assert.Empty(page.Nights);
        Assert.Equal(5, page.TotalNights);
        Assert.Equal(3, page.PageCount);
    }

    [Fact]
    public async Task GetHistory_OutOfRangePaging_IsClamped()
    {
        await SeedFiveNightsAsync();

        var zero = (await _service.GetHistoryAsync(0, 0)).Value!;
        var huge = (await _service.GetHistoryAsync(-3, 500)).Value!;

        Assert.Equal(1, zero.Page);
        Assert.Equal(1, zero.PageSize);
        Assert.Equal(5, zero.PageCount);
        Assert.Equal(new DateOnly(2026, 6, 9), Assert.Single(zero.Nights).Night);
        Assert.Equal(1, huge.Page);
        Assert.Equal(50, huge.PageSize);
        Assert.Equal(1, huge.PageCount);
        Assert.Equal(5, huge.Nights.Count);
    }

    [Fact]
    public async Task GetHistory_NonPatient_IsNotFound()
    {
        _user.User = FakeCurrentUser.InRole(PatientA, Roles.Admin);

        Assert.Equal(ResultStatus.NotFound, (await _service.GetHistoryAsync(1, 10)).Status);
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(1, 10, 1)]
    [InlineData(10, 10, 1)]
    [InlineData(11, 10, 2)]
    [InlineData(20, 10, 2)]
    [InlineData(21, 10, 3)]
    public void HistoryPage_PageCount_RoundsUp(int totalNights, int pageSize, int expected)
    {
        Assert.Equal(expected, new HistoryPage([], 1, pageSize, totalNights).PageCount);
    }

    // ---- Morning review ----

    /// <summary>
    /// Last night (the 9th): an evening episode and a 03:00 one with nothing answered, one with every quick question
    /// answered, one with only the red flags answered. The night before (the 8th): one unanswered.
    /// </summary>
    private async Task<(Guid Evening, Guid Early, Guid Answered, Guid RedFlagsOnly, Guid NightBefore)> SeedMorningAsync()
    {
        var nightBefore = await LogOkAtLocalAsync(new DateTime(2026, 6, 8, 23, 0, 0));
        var evening = await LogOkAtLocalAsync(new DateTime(2026, 6, 9, 22, 15, 0));
        var early = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 3, 0, 0));
        var answered = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        var redFlagsOnly = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 2, 0, 0));
        await _service.UpdateAsync(new UpdateEpisodeRequest(answered, new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 10, 1, 0, 0),
            Side = Side.Left,
            Answers = AllQuickQuestionsAnswered(),
        }));
        await _service.UpdateAsync(new UpdateEpisodeRequest(redFlagsOnly, new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 10, 2, 0, 0),
            Side = Side.Left,
            Answers = AllQuickQuestionsAnswered() with { EasedByStretching = Answer.NotAnswered },
        }));
        _episodes.Seed(new Episode
        {
            Id = Guid.NewGuid(),
            PatientId = PatientB,
            StartedAtUtc = new DateTime(2026, 6, 10, 0, 0, 0, DateTimeKind.Utc),
            Night = new DateOnly(2026, 6, 9),
            Side = Side.Left,
        });
        return (evening, early, answered, redFlagsOnly, nightBefore);
    }

    [Theory]
    [InlineData(3, 59)] // 04:59 BST
    [InlineData(2, 30)] // 03:30 BST
    public async Task GetMorningReview_Before0500Local_IsEmpty(int utcHour, int utcMinute)
    {
        await SeedMorningAsync();
        SetUtcNow(2026, 6, 10, utcHour, utcMinute);

        var result = await _service.GetMorningReviewAsync();

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Empty(result.Value!);
    }

    [Theory]
    [InlineData(4, 0)] // 05:00 BST
    [InlineData(4, 30)] // 05:30 BST, though only 04:30 in UTC
    [InlineData(10, 59)] // 11:59 BST
    public async Task GetMorningReview_From0500Local_ListsLastNightsEpisodesWithUnansweredQuickQuestions(int utcHour, int utcMinute)
    {
        var (evening, early, _, redFlagsOnly, _) = await SeedMorningAsync();
        SetUtcNow(2026, 6, 10, utcHour, utcMinute);

        var result = await _service.GetMorningReviewAsync();

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal([evening, redFlagsOnly, early], result.Value!.Select(e => e.Id));
        Assert.All(result.Value!, e => Assert.True(e.HasUnansweredQuickQuestion));
    }

    [Theory]
    [InlineData(11, 0)] // 12:00 BST: a first visit after noon still sees last night
    [InlineData(11, 30)] // 12:30 BST
    [InlineData(22, 59)] // 23:59 BST
    public async Task GetMorningReview_LaterTheSameDay_StillListsLastNight(int utcHour, int utcMinute)
    {
        var (evening, early, _, redFlagsOnly, _) = await SeedMorningAsync();
        SetUtcNow(2026, 6, 10, utcHour, utcMinute);

        var result = await _service.GetMorningReviewAsync();

        Assert.Equal([evening, redFlagsOnly, early], result.Value!.Select(e => e.Id));
    }

    [Fact]
    public async Task GetMorningReview_AfterMidnight_IsEmptyUntil0500()
    {
        await SeedMorningAsync();
        SetUtcNow(2026, 6, 10, 23, 30); // 00:30 BST on the 11th

        var result = await _service.GetMorningReviewAsync();

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Empty(result.Value!);
    }

    [Fact]
    public async Task GetMorningReview_InAuckland_UsesHerLocalDateForLastNight()
    {
        // 18:00 UTC on 10 June is 06:00 NZST on 11 June: last night is the 10th there, though the UTC date is the 10th.
        _profiles.Seed(Profile(PatientA, zone: "Pacific/Auckland"));
        SetUtcNow(2026, 6, 10, 18, 0);
        var lastNight = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 23, 0, 0));
        await LogOkAtLocalAsync(new DateTime(2026, 6, 9, 23, 0, 0));

        var result = await _service.GetMorningReviewAsync();

        Assert.Equal(lastNight, Assert.Single(result.Value!).Id);
        Assert.Equal(new DateOnly(2026, 6, 10), result.Value![0].Night);
    }

    [Fact]
    public async Task GetMorningReview_AllAnswered_IsEmpty()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        await _service.UpdateAsync(new UpdateEpisodeRequest(id, new EpisodeDetails
        {
            StartedAtLocal = new DateTime(2026, 6, 10, 1, 0, 0),
            Side = Side.Left,
            Answers = AllQuickQuestionsAnswered(),
        }));
        SetUtcNow(2026, 6, 10, 6, 0);

        Assert.Empty((await _service.GetMorningReviewAsync()).Value!);
    }

    [Fact]
    public async Task GetMorningReview_NonPatient_IsNotFound()
    {
        _user.User = FakeCurrentUser.InRole(PatientA, Roles.Midwife);
        SetUtcNow(2026, 6, 10, 6, 0);

        Assert.Equal(ResultStatus.NotFound, (await _service.GetMorningReviewAsync()).Status);
    }

    // ---- Time window ----

    [Fact]
    public async Task GetTimeWindow_Pregnant_RunsFromPregnancyStartToNowPlusTolerance()
    {
        var window = (await _service.GetTimeWindowAsync()).Value!;

        Assert.Equal(new DateTime(2025, 12, 25, 0, 0, 0), window.EarliestLocal);
        Assert.Equal(new DateTime(2026, 6, 10, 3, 32, 0), window.LatestLocal);
    }

    [Fact]
    public async Task GetTimeWindow_BirthWithoutDueDate_StartsFortyTwoWeeksBeforeBirth()
    {
        _profiles.Seed(Profile(PatientA, birth: new DateOnly(2026, 5, 1)));

        var window = (await _service.GetTimeWindowAsync()).Value!;

        Assert.Equal(new DateTime(2025, 7, 11, 0, 0, 0), window.EarliestLocal);
    }

    [Fact]
    public async Task Update_SecondPassOfRepeatedHourUnchanged_KeepsTheStoredInstant()
    {
        // 25 Oct 2026, London: 01:00–01:59 happens twice. 01:20 GMT (the second pass) is 01:20 UTC.
        SetUtcNow(2026, 10, 25, 6, 0);
        var secondPass = new DateTime(2026, 10, 25, 1, 20, 0, DateTimeKind.Utc);
        var id = Guid.NewGuid();
        _episodes.Seed(new Episode
        {
            Id = id,
            PatientId = PatientA,
            StartedAtUtc = secondPass,
            Night = new DateOnly(2026, 10, 24),
            Side = Side.Left,
        });
        var loaded = (await _service.GetAsync(id)).Value!;

        var result = await _service.UpdateAsync(new UpdateEpisodeRequest(id, loaded.Details with { PainScore = 5 }));

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(secondPass, result.Value!.StartedAtUtc);
        Assert.Equal(secondPass, (await _service.GetAsync(id)).Value!.StartedAtUtc);
    }

    [Fact]
    public async Task Confirm_WarningSignQuestionsUnanswered_IsRefusedAndStaysInTheMorningReview()
    {
        // W8: a cramp with missing answers can't be waved through as "right as it is"; the one action is to answer.
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        SetUtcNow(2026, 6, 10, 6, 0);
        var listed = Assert.Single((await _service.GetMorningReviewAsync()).Value!);
        Assert.True(listed.HasMissingAnswers);

        var result = await _service.ConfirmAsync(id);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("Answer the questions first", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Single((await _service.GetMorningReviewAsync()).Value!);
    }

    [Fact]
    public async Task Confirm_NothingMissing_RemovesItFromTheMorningReviewWithoutAnsweringTheRest()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        var episode = (await _service.GetAsync(id)).Value!;
        var answers = new EpisodeAnswers
        {
            SuddenBreathlessness = Answer.No, ChestPain = Answer.No, CoughingBlood = Answer.No, Fainted = Answer.No,
            Swelling = Swelling.NotOneLeg, RedOrDarkerSkin = Answer.No, Warmth = Answer.No, PainStillThere = Answer.No,
        };
        Assert.Equal(ResultStatus.Ok, (await _service.UpdateAsync(new UpdateEpisodeRequest(id, episode.Details with { Answers = answers }))).Status);
        SetUtcNow(2026, 6, 10, 6, 0);
        var listed = Assert.Single((await _service.GetMorningReviewAsync()).Value!);
        Assert.False(listed.HasMissingAnswers);

        var result = await _service.ConfirmAsync(id);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Empty((await _service.GetMorningReviewAsync()).Value!);
        Assert.Equal(Answer.NotAnswered, (await _service.GetAsync(id)).Value!.Details.Answers.EasedByStretching);
    }

    [Fact]
    public async Task Confirm_AnotherPatientsEpisode_NotFoundAndUnchanged()
    {
        var id = await LogOkAtLocalAsync(new DateTime(2026, 6, 10, 1, 0, 0));
        _user.SignInAsPatient(PatientB);

        var result = await _service.ConfirmAsync(id);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        _user.SignInAsPatient(PatientA);
        SetUtcNow(2026, 6, 10, 6, 0);
        Assert.Single((await _service.GetMorningReviewAsync()).Value!);
    }
}

