using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Profile;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using LegCrampCare.Core.Triage;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Profile;

public sealed class ProfileServiceTests
{
    private const string PatientA = "patient-a";
    private const string PatientB = "patient-b";

    private readonly FakeCurrentUser _user = new();
    private readonly InMemoryEpisodeStore _episodes = new();
    private readonly InMemoryProfileStore _profiles = new();

    // 11:00 BST on Friday 15 May 2026.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 15, 10, 0, 0, TimeSpan.Zero));
    private readonly ProfileService _service;

    public ProfileServiceTests()
    {
        _service = new ProfileService(_user, _profiles, _episodes, new SafetyOptions(), TriageEngine.Default, _time, NullLogger<ProfileService>.Instance);
        _user.SignInAsPatient(PatientA);
    }

    // Due 1 September 2026: the pregnancy is dated from 25 November 2025, so 15 May 2026 is 24 weeks + 3 days.
    private static SaveProfileRequest ValidRequest() => new()
    {
        DisplayName = "  Amina Khan ",
        DateOfBirth = new DateOnly(1994, 3, 2),
        HospitalNumber = " 943 476 5919 ",
        DueDate = new DateOnly(2026, 9, 1),
        TimeZoneId = "Europe/London",
        RiskFactors = RiskFactors.Smoker | RiskFactors.AgeOver35,
        Theme = ThemePreference.Night,
    };

    private static PregnancyProfile Pregnant(string userId, DateOnly due) => new()
    {
        UserId = userId,
        DisplayName = userId,
        DateOfBirth = new DateOnly(1994, 3, 2),
        DueDate = due,
        TimeZoneId = "Europe/London",
    };

    private void SeedEpisodes(string patientId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _episodes.Seed(new Episode
            {
                Id = Guid.NewGuid(),
                PatientId = patientId,
                StartedAtUtc = new DateTime(2026, 5, 10 + i, 1, 0, 0, DateTimeKind.Utc),
                Night = new DateOnly(2026, 5, 9 + i),
                Side = Side.Left,
            });
        }
    }

    // ---- Save ----

    [Theory]
    [InlineData("01234 567890", "+441234567890", "01234 567890")]
    [InlineData("01234567890", "+441234567890", "01234 567890")]
    [InlineData("+44 (0)1234 567-890", "+441234567890", "01234 567890")]
    [InlineData("+44 1234 567890", "+441234567890", "01234 567890")]
    [InlineData("+353 1 234 5678", "+35312345678", "+353 1 234 5678")]
    public async Task Save_MaternityPhone_StoredInE164_ShownInHerNationalFormat(string typed, string stored, string shown)
    {
        var result = await _service.SaveAsync(ValidRequest() with { MaternityPhone = typed });

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(stored, _profiles.Peek(PatientA)!.MaternityPhone);
        Assert.Equal(shown, result.Value!.Values.MaternityPhone);
        Assert.Equal(stored, result.Value.Contacts.MaternityTriage!.Tel);
        Assert.Equal(shown, result.Value.Contacts.MaternityTriage.Display);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("01234 5678901234")]
    [InlineData("call the ward")]
    [InlineData("0800 FLOWERS")]
    [InlineData("01234 567890\u0000")]
    [InlineData("+1 555 0100")]
    [InlineData("0123456789012345678901234567890")]
    public async Task Save_MaternityPhoneNotAPhoneNumber_IsRefusedNamingTheField_AndNothingIsStored(string typed)
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 9, 1)));
        var saves = _profiles.SaveCount;

        var result = await _service.SaveAsync(ValidRequest() with { MaternityPhone = System.Text.RegularExpressions.Regex.Unescape(typed) });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(SaveProfileRequest.MaternityPhone), error.Field);
        Assert.StartsWith("Maternity triage phone number: enter a whole phone number", error.Message, StringComparison.Ordinal);
        Assert.Equal(saves, _profiles.SaveCount);
        Assert.Null(_profiles.Peek(PatientA)!.MaternityPhone);
    }

    [Fact]
    public async Task Save_MaternityPhoneEmptied_RemovesIt_AndTheUnitsNumberIsUsedAgain()
    {
        var service = new ProfileService(_user, _profiles, _episodes, new SafetyOptions { MaternityTriageNumber = "01632 960000" },
            TriageEngine.Default, _time, NullLogger<ProfileService>.Instance);
        await service.SaveAsync(ValidRequest() with { MaternityPhone = "01234 567890" });

        var result = await service.SaveAsync(ValidRequest() with { MaternityPhone = "  " });

        Assert.Null(_profiles.Peek(PatientA)!.MaternityPhone);
        Assert.Equal(("01632960000", "01632 960000"), (result.Value!.Contacts.MaternityTriage!.Tel, result.Value.Contacts.MaternityTriage.Display));
    }

    [Fact]
    public async Task Save_ValidRequest_StoresTrimmedProfileAndReturnsTodaysStage()
    {
        var result = await _service.SaveAsync(ValidRequest());

        Assert.Equal(ResultStatus.Ok, result.Status);
        var stored = _profiles.Peek(PatientA)!;
        Assert.Equal("Amina Khan", stored.DisplayName);
        Assert.Equal(new DateOnly(1994, 3, 2), stored.DateOfBirth);
        Assert.Equal("943 476 5919", stored.HospitalNumber);
        Assert.Equal(new DateOnly(2026, 9, 1), stored.DueDate);
        Assert.Null(stored.BirthDate);
        Assert.Equal("Europe/London", stored.TimeZoneId);
        Assert.Equal(RiskFactors.Smoker | RiskFactors.AgeOver35, stored.RiskFactors);
        Assert.Equal(ThemePreference.Night, stored.Theme);
        Assert.Equal(new DateTime(2026, 5, 15, 10, 0, 0, DateTimeKind.Utc), stored.CreatedAtUtc);

        var dto = result.Value!;
        Assert.Equal("24 weeks + 3 days", dto.StageLabel);
        Assert.True(dto.IsPregnant);
        Assert.False(dto.IsPostpartum);
        Assert.False(dto.PregnancyEnded);
        Assert.False(dto.AskIfBabyArrived);
        Assert.Equal(new DateOnly(2026, 5, 15), dto.LocalToday);
        Assert.Equal("Amina Khan", dto.Values.DisplayName);
    }

    [Fact]
    public async Task Save_BlankHospitalNumber_StoresNone()
    {
        await _service.SaveAsync(ValidRequest() with { HospitalNumber = "   " });

        Assert.Null(_profiles.Peek(PatientA)!.HospitalNumber);
    }

    [Fact]
    public async Task Save_Again_UpdatesTheSameProfileAndKeepsCreatedAt()
    {
        await _service.SaveAsync(ValidRequest());
        _time.Advance(TimeSpan.FromDays(1));

        var result = await _service.SaveAsync(ValidRequest() with { DisplayName = "Amina K" });

        Assert.Equal(ResultStatus.Ok, result.Status);
        var stored = _profiles.Peek(PatientA)!;
        Assert.Equal("Amina K", stored.DisplayName);
        Assert.Equal(new DateTime(2026, 5, 15, 10, 0, 0, DateTimeKind.Utc), stored.CreatedAtUtc);
        Assert.Equal(new DateTime(2026, 5, 16, 10, 0, 0, DateTimeKind.Utc), stored.UpdatedAtUtc);
    }

    [Fact]
    public async Task Save_InvalidRequest_IsInvalidPerFieldAndStoresNothing()
    {
        var result = await _service.SaveAsync(ValidRequest() with { DisplayName = "", DueDate = null });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotNull(result.ErrorFor(nameof(SaveProfileRequest.DisplayName)));
        Assert.NotNull(result.ErrorFor(nameof(SaveProfileRequest.DueDate)));
        Assert.Null(_profiles.Peek(PatientA));
        Assert.Equal(0, _profiles.SaveCount);
    }

    [Fact]
    public async Task Save_InvalidChange_LeavesStoredProfileUnchanged()
    {
        await _service.SaveAsync(ValidRequest());

        var result = await _service.SaveAsync(ValidRequest() with { DisplayName = "New name", HospitalNumber = "12-34" });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("Amina Khan", _profiles.Peek(PatientA)!.DisplayName);
    }

    [Theory]
    [InlineData("Not/AZone")]
    [InlineData("Europe")] // used to throw SecurityException on Linux
    public async Task Save_UnknownTimeZone_IsInvalidForTimeZone(string zone)
    {
        var result = await _service.SaveAsync(ValidRequest() with { TimeZoneId = zone });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("Time zone: choose yours from the list.", result.ErrorFor(nameof(SaveProfileRequest.TimeZoneId)));
        Assert.Null(_profiles.Peek(PatientA));
    }

    [Fact]
    public async Task Save_BirthDateThatIsTodayInHerZone_IsAcceptedThoughTomorrowInUtc()
    {
        // 23:30 UTC on 15 May is 11:30 on 16 May in Auckland: a birth on the 16th is today for her.
        _time.SetUtcNow(new DateTimeOffset(2026, 5, 15, 23, 30, 0, TimeSpan.Zero));

        var result = await _service.SaveAsync(ValidRequest() with
        {
            TimeZoneId = "Pacific/Auckland",
            BirthDate = new DateOnly(2026, 5, 16),
            BirthMode = BirthMode.Vaginal,
        });

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(new DateOnly(2026, 5, 16), result.Value!.LocalToday);
        Assert.Equal("Day of birth", result.Value.StageLabel);
    }

    [Fact]
    public async Task Save_BirthDateThatIsTomorrowInHerZone_IsInvalid()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 5, 15, 23, 30, 0, TimeSpan.Zero)); // 19:30 on the 15th in New York

        var result = await _service.SaveAsync(ValidRequest() with { TimeZoneId = "America/New_York", BirthDate = new DateOnly(2026, 5, 16) });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotNull(result.ErrorFor(nameof(SaveProfileRequest.BirthDate)));
    }

    [Theory]
    [InlineData(Roles.Midwife)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task Save_NonPatient_IsNotFoundAndStoresNothing(string role)
    {
        _user.User = FakeCurrentUser.InRole("staff-1", role);

        var result = await _service.SaveAsync(ValidRequest());

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(0, _profiles.SaveCount);
    }

    [Fact]
    public async Task Save_Anonymous_IsNotFound()
    {
        _user.User = Core.Abstractions.CurrentUserInfo.Anonymous;

        Assert.Equal(ResultStatus.NotFound, (await _service.SaveAsync(ValidRequest())).Status);
        Assert.Equal(0, _profiles.SaveCount);
    }

    // ---- GetMine ----

    [Fact]
    public async Task GetMine_BeforeOnboarding_IsNotFound()
    {
        Assert.Equal(ResultStatus.NotFound, (await _service.GetMineAsync()).Status);
    }

    [Fact]
    public async Task GetMine_AfterSave_ReturnsHerProfileNotAnothers()
    {
        _profiles.Seed(Pregnant(PatientB, new DateOnly(2026, 12, 1)));
        await _service.SaveAsync(ValidRequest());

        var result = await _service.GetMineAsync();

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal("Amina Khan", result.Value!.Values.DisplayName);
        Assert.Equal(new DateOnly(2026, 9, 1), result.Value.Values.DueDate);
    }

    [Fact]
    public async Task GetMine_MidwifeWithSameId_IsNotFound()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 9, 1)));
        _user.User = FakeCurrentUser.InRole(PatientA, Roles.Midwife);

        Assert.Equal(ResultStatus.NotFound, (await _service.GetMineAsync()).Status);
    }

    // ---- RecordBirth ----

    [Fact]
    public async Task RecordBirth_WhilePregnant_SwitchesToPostpartum()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 5, 20)));

        var result = await _service.RecordBirthAsync(new RecordBirthRequest { BirthDate = new DateOnly(2026, 5, 14), BirthMode = BirthMode.CaesareanInLabour });

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.True(result.Value!.IsPostpartum);
        Assert.False(result.Value.IsPregnant);
        Assert.False(result.Value.PregnancyEnded);
        Assert.Equal("Day 1 after birth", result.Value.StageLabel);
        var stored = _profiles.Peek(PatientA)!;
        Assert.Equal(new DateOnly(2026, 5, 14), stored.BirthDate);
        Assert.Equal(BirthMode.CaesareanInLabour, stored.BirthMode);
    }

    [Fact]
    public async Task RecordBirth_Today_IsDayOfBirth()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 5, 20)));

        var result = await _service.RecordBirthAsync(new RecordBirthRequest { BirthDate = new DateOnly(2026, 5, 15) });

        Assert.Equal("Day of birth", result.Value!.StageLabel);
    }

    [Fact]
    public async Task RecordBirth_FutureDate_IsInvalidAndStaysPregnant()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 5, 20)));

        var result = await _service.RecordBirthAsync(new RecordBirthRequest { BirthDate = new DateOnly(2026, 5, 16) });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("Birth date can't be in the future.", result.ErrorFor(nameof(RecordBirthRequest.BirthDate)));
        Assert.Null(_profiles.Peek(PatientA)!.BirthDate);
    }

    [Fact]
    public async Task RecordBirth_AfterPregnancyEnded_ClearsTheEnd()
    {
        var profile = Pregnant(PatientA, new DateOnly(2026, 5, 20));
        profile.PregnancyEndedOn = new DateOnly(2026, 5, 10);
        _profiles.Seed(profile);

        var result = await _service.RecordBirthAsync(new RecordBirthRequest { BirthDate = new DateOnly(2026, 5, 12) });

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Null(_profiles.Peek(PatientA)!.PregnancyEndedOn);
        Assert.False(result.Value!.PregnancyEnded);
        Assert.Equal("Day 3 after birth", result.Value.StageLabel);
    }

    [Fact]
    public async Task RecordBirth_NoProfile_IsNotFound()
    {
        Assert.Equal(ResultStatus.NotFound, (await _service.RecordBirthAsync(new RecordBirthRequest { BirthDate = new DateOnly(2026, 5, 14) })).Status);
    }

    // ---- "Has your baby arrived?" ----

    [Fact]
    public async Task GetMine_DueDatePassed_AsksIfBabyArrived()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 5, 10)));

        var result = await _service.GetMineAsync();

        Assert.True(result.Value!.AskIfBabyArrived);
        Assert.Equal("40 weeks + 5 days", result.Value.StageLabel);
    }

    [Fact]
    public async Task BabyNotArrivedYet_DueDatePassed_StopsAskingForTodayOnly()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 5, 10)));

        var answered = await _service.BabyNotArrivedYetAsync();
        _time.SetUtcNow(new DateTimeOffset(2026, 5, 15, 22, 59, 0, TimeSpan.Zero)); // 23:59 BST, still today
        var laterToday = await _service.GetMineAsync();
        _time.SetUtcNow(new DateTimeOffset(2026, 5, 15, 23, 0, 0, TimeSpan.Zero)); // 00:00 BST on the 16th
        var tomorrow = await _service.GetMineAsync();

        Assert.Equal(ResultStatus.Ok, answered.Status);
        Assert.False(answered.Value!.AskIfBabyArrived);
        Assert.Equal(new DateOnly(2026, 5, 15), _profiles.Peek(PatientA)!.BabyArrivedPromptAnsweredOn);
        Assert.False(laterToday.Value!.AskIfBabyArrived);
        Assert.True(tomorrow.Value!.AskIfBabyArrived);
    }

    [Fact]
    public async Task BabyNotArrivedYet_KeepsHerPregnant()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 5, 10)));

        var result = await _service.BabyNotArrivedYetAsync();

        Assert.True(result.Value!.IsPregnant);
        Assert.Null(_profiles.Peek(PatientA)!.BirthDate);
    }

    // ---- EndPregnancy ----

    [Fact]
    public async Task EndPregnancy_DeleteLog_DeletesOnlyHerEpisodes()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 9, 1)));
        _profiles.Seed(Pregnant(PatientB, new DateOnly(2026, 9, 1)));
        SeedEpisodes(PatientA, 3);
        SeedEpisodes(PatientB, 2);

        var result = await _service.EndPregnancyAsync(deleteLog: true);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.DoesNotContain(_episodes.All, e => e.PatientId == PatientA);
        Assert.Equal(2, _episodes.All.Count(e => e.PatientId == PatientB));
        Assert.Null(_profiles.Peek(PatientB)!.PregnancyEndedOn);
    }

    [Fact]
    public async Task EndPregnancy_KeepLog_KeepsHerEpisodes()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 9, 1)));
        SeedEpisodes(PatientA, 3);

        var result = await _service.EndPregnancyAsync(deleteLog: false);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(3, _episodes.All.Count(e => e.PatientId == PatientA));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EndPregnancy_Pregnant_StopsAllPregnancyWording(bool deleteLog)
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 5, 10))); // overdue, so she was being asked

        var result = await _service.EndPregnancyAsync(deleteLog);

        var dto = result.Value!;
        Assert.True(dto.PregnancyEnded);
        Assert.Equal("", dto.StageLabel);
        Assert.False(dto.IsPregnant);
        Assert.False(dto.IsPostpartum);
        Assert.False(dto.AskIfBabyArrived);
        Assert.Equal(new DateOnly(2026, 5, 15), _profiles.Peek(PatientA)!.PregnancyEndedOn);
        Assert.True((await _service.GetMineAsync()).Value!.PregnancyEnded);
    }

    [Fact]
    public async Task EndPregnancy_NoProfile_IsNotFoundAndDeletesNothing()
    {
        SeedEpisodes(PatientA, 2);

        var result = await _service.EndPregnancyAsync(deleteLog: true);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(2, _episodes.All.Count);
    }

    [Fact]
    public async Task EndPregnancy_NonPatient_IsNotFoundAndDeletesNothing()
    {
        _profiles.Seed(Pregnant(PatientA, new DateOnly(2026, 9, 1)));
        SeedEpisodes(PatientA, 2);
        _user.User = FakeCurrentUser.InRole(PatientA, Roles.Admin);

        var result = await _service.EndPregnancyAsync(deleteLog: true);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal(2, _episodes.All.Count);
        Assert.Null(_profiles.Peek(PatientA)!.PregnancyEndedOn);
    }

    // ---- Theme ----

    [Theory]
    [InlineData(ThemePreference.Day)]
    [InlineData(ThemePreference.Night)]
    [InlineData(ThemePreference.Auto)]
    public async Task SetTheme_Defined_IsStored(ThemePreference theme)
    {
        var profile = Pregnant(PatientA, new DateOnly(2026, 9, 1));
        profile.Theme = theme == ThemePreference.Night ? ThemePreference.Day : ThemePreference.Night;
        _profiles.Seed(profile);

        var result = await _service.SetThemeAsync(theme);

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal(theme, result.Value!.Values.Theme);
        Assert.Equal(theme, _profiles.Peek(PatientA)!.Theme);
    }

    [Fact]
    public async Task SetTheme_Undefined_IsInvalidAndUnchanged()
    {
        var profile = Pregnant(PatientA, new DateOnly(2026, 9, 1));
        profile.Theme = ThemePreference.Night;
        _profiles.Seed(profile);

        var result = await _service.SetThemeAsync((ThemePreference)7);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotNull(result.ErrorFor(nameof(SaveProfileRequest.Theme)));
        Assert.Equal(ThemePreference.Night, _profiles.Peek(PatientA)!.Theme);
    }
}
