using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Profile;

namespace LegCrampCare.Core.Tests.Features.Profile;

public sealed class SaveProfileRequestValidatorTests
{
    private static readonly DateOnly Today = new(2026, 5, 15);

    private static readonly SaveProfileRequestValidator Validator = new(Today);

    private static SaveProfileRequest Valid() => new()
    {
        DisplayName = "Amina Khan",
        DateOfBirth = new DateOnly(1994, 3, 2),
        DueDate = new DateOnly(2026, 9, 1),
        TimeZoneId = "Europe/London",
    };

    private static void AssertValid(SaveProfileRequest request)
    {
        var result = Validator.Validate(request);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    private static string AssertSingleError(SaveProfileRequest request, string propertyName)
    {
        var error = Assert.Single(Validator.Validate(request).Errors);
        Assert.Equal(propertyName, error.PropertyName);
        return error.ErrorMessage;
    }

    [Fact]
    public void Validate_TypicalPregnantProfile_IsValid()
    {
        AssertValid(Valid());
    }

    [Fact]
    public void Validate_AllRiskFactorsAndChoices_IsValid()
    {
        var all = RiskFactorCatalog.All.Aggregate(RiskFactors.None, (a, f) => a | f.Flag);

        AssertValid(Valid() with { RiskFactors = all, Theme = ThemePreference.Night, HospitalNumber = "943 476 5919" });
    }

    // ---- Display name ----

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoDisplayName_IsRejected(string name)
    {
        var message = AssertSingleError(Valid() with { DisplayName = name }, nameof(SaveProfileRequest.DisplayName));

        Assert.Equal("Your name: enter your name as you'd like your midwife to see it.", message);
    }

    [Fact]
    public void Validate_NullDisplayName_IsRejected()
    {
        Assert.Contains(Validator.Validate(Valid() with { DisplayName = null! }).Errors, e => e.PropertyName == nameof(SaveProfileRequest.DisplayName));
    }

    [Fact]
    public void Validate_DisplayName100Characters_IsValid()
    {
        AssertValid(Valid() with { DisplayName = new string('A', 100) });
    }

    [Fact]
    public void Validate_DisplayName101Characters_IsRejectedNamingTheLimit()
    {
        var message = AssertSingleError(Valid() with { DisplayName = new string('A', 101) }, nameof(SaveProfileRequest.DisplayName));

        Assert.Contains("100 characters", message, StringComparison.Ordinal);
    }

    // ---- Date of birth ----

    [Fact]
    public void Validate_NoDateOfBirth_IsRejected()
    {
        var message = AssertSingleError(Valid() with { DateOfBirth = null }, nameof(SaveProfileRequest.DateOfBirth));

        Assert.Equal("Enter your date of birth.", message);
    }

    [Theory]
    [InlineData("2016-05-15")] // exactly 10 years ago
    [InlineData("1956-05-15")] // exactly 70 years ago
    public void Validate_DateOfBirthAtTheLimits_IsValid(string dateOfBirth)
    {
        AssertValid(Valid() with { DateOfBirth = D(dateOfBirth) });
    }

    [Theory]
    [InlineData("2016-05-16")] // a day under 10
    [InlineData("1956-05-14")] // a day over 70
    [InlineData("2026-05-16")] // in the future
    [InlineData("0001-01-01")] // an unset date picker
    public void Validate_DateOfBirthOutsideLimits_IsRejectedNamingTheLimits(string dateOfBirth)
    {
        var message = AssertSingleError(Valid() with { DateOfBirth = D(dateOfBirth) }, nameof(SaveProfileRequest.DateOfBirth));

        Assert.Contains("between 10 and 70 years ago", message, StringComparison.Ordinal);
    }

    // ---- Hospital number ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("RX1 234567")]
    [InlineData("ABCDEFGHIJ0123456789")] // 20 characters
    public void Validate_HospitalNumberLettersDigitsSpaces_IsValid(string? number)
    {
        AssertValid(Valid() with { HospitalNumber = number });
    }

    [Theory]
    [InlineData("943-476-5919")]
    [InlineData("<script>")]
    [InlineData("N°123")]
    public void Validate_HospitalNumberOtherCharacters_IsRejected(string number)
    {
        var message = AssertSingleError(Valid() with { HospitalNumber = number }, nameof(SaveProfileRequest.HospitalNumber));

        Assert.Contains("letters, digits and spaces", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HospitalNumberOnTwoLines_IsRejectedAskingForOneLine()
    {
        var message = AssertSingleError(Valid() with { HospitalNumber = "123\n456" }, nameof(SaveProfileRequest.HospitalNumber));

        Assert.Equal("Hospital or NHS number: keep it to one line, without tabs or line breaks.", message);
    }

    [Fact]
    public void Validate_HospitalNumber21Characters_IsRejectedNamingTheLimit()
    {
        var message = AssertSingleError(Valid() with { HospitalNumber = new string('1', 21) }, nameof(SaveProfileRequest.HospitalNumber));

        Assert.Contains("20 characters", message, StringComparison.Ordinal);
    }

    // ---- Due date ----

    [Fact]
    public void Validate_NoDueDateAndNoBirthDate_IsRejected()
    {
        var message = AssertSingleError(Valid() with { DueDate = null }, nameof(SaveProfileRequest.DueDate));

        Assert.Contains("Enter your due date", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoDueDateButBirthDate_IsValid()
    {
        AssertValid(Valid() with { DueDate = null, BirthDate = new DateOnly(2026, 4, 1) });
    }

    [Theory]
    [InlineData("2026-05-15")] // today
    [InlineData("2027-03-05")] // 42 weeks from today (280 + 14 days)
    [InlineData("2026-05-01")] // just passed
    [InlineData("2025-07-19")] // passed 300 days ago, e.g. with a birth date
    public void Validate_DueDateInRange_IsValid(string due)
    {
        AssertValid(Valid() with { DueDate = D(due) });
    }

    [Theory]
    [InlineData("2027-03-06")] // 42 weeks and a day from today
    [InlineData("2030-01-01")]
    [InlineData("2024-05-15")] // two years ago
    [InlineData("0001-01-01")]
    public void Validate_DueDateOutOfRange_IsRejectedNamingTheRange(string due)
    {
        var message = AssertSingleError(Valid() with { DueDate = D(due) }, nameof(SaveProfileRequest.DueDate));

        Assert.Contains("within the next 42 weeks", message, StringComparison.Ordinal);
    }

    // ---- Birth date and mode ----

    [Theory]
    [InlineData("2026-05-15")] // today
    [InlineData("2025-05-15")] // exactly a year ago
    public void Validate_BirthDateInRange_IsValid(string birth)
    {
        AssertValid(Valid() with { BirthDate = D(birth) });
    }

    [Fact]
    public void Validate_BirthDateTomorrow_IsRejectedAsFuture()
    {
        var message = AssertSingleError(Valid() with { BirthDate = new DateOnly(2026, 5, 16) }, nameof(SaveProfileRequest.BirthDate));

        Assert.Equal("Birth date can't be in the future.", message);
    }

    [Fact]
    public void Validate_BirthDateMoreThanAYearAgo_IsRejected()
    {
        var message = AssertSingleError(Valid() with { BirthDate = new DateOnly(2025, 5, 14) }, nameof(SaveProfileRequest.BirthDate));

        Assert.Contains("within the last year", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BirthModeWithoutBirthDate_IsRejected()
    {
        var message = AssertSingleError(Valid() with { BirthMode = BirthMode.Vaginal }, nameof(SaveProfileRequest.BirthMode));

        Assert.Contains("only after entering the birth date", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BirthMode.Vaginal)]
    [InlineData(BirthMode.CaesareanInLabour)]
    [InlineData(null)]
    public void Validate_BirthModeWithBirthDate_IsValid(BirthMode? mode)
    {
        AssertValid(Valid() with { BirthDate = new DateOnly(2026, 5, 1), BirthMode = mode });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Validate_UndefinedBirthMode_IsRejected(int mode)
    {
        var message = AssertSingleError(Valid() with { BirthDate = new DateOnly(2026, 5, 1), BirthMode = (BirthMode)mode }, nameof(SaveProfileRequest.BirthMode));

        Assert.Equal("Choose how your baby was born.", message);
    }

    // ---- Time zone ----

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Auckland")]
    public void Validate_IanaTimeZone_IsValid(string zone)
    {
        AssertValid(Valid() with { TimeZoneId = zone });
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("London")]
    [InlineData("Europe")] // a folder of the tz database: used to throw instead of failing validation
    [InlineData("../../etc/passwd")]
    public void Validate_InvalidTimeZone_IsRejected(string zone)
    {
        var message = AssertSingleError(Valid() with { TimeZoneId = zone }, nameof(SaveProfileRequest.TimeZoneId));

        Assert.Equal("Time zone: choose yours from the list.", message);
    }

    // ---- Risk factors and theme ----

    [Fact]
    public void Validate_UnknownRiskFactorFlag_IsRejected()
    {
        AssertSingleError(Valid() with { RiskFactors = RiskFactors.Smoker | (RiskFactors)(1L << 40) }, nameof(SaveProfileRequest.RiskFactors));
    }

    [Fact]
    public void Validate_UndefinedTheme_IsRejected()
    {
        AssertSingleError(Valid() with { Theme = (ThemePreference)3 }, nameof(SaveProfileRequest.Theme));
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Validate_BirthDateWithDueDateYearTypo_IsRejected()
    {
        // With a birth date the due date is still range-checked: 2226 would break every time window.
        AssertSingleError(Valid() with { BirthDate = new DateOnly(2026, 4, 1), DueDate = new DateOnly(2226, 4, 1) }, nameof(SaveProfileRequest.DueDate));
    }
}

