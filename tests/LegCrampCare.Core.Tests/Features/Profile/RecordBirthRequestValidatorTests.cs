using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Profile;

namespace LegCrampCare.Core.Tests.Features.Profile;

public sealed class RecordBirthRequestValidatorTests
{
    private static readonly DateOnly Today = new(2026, 5, 15);

    private static readonly RecordBirthRequestValidator Validator = new(Today);

    [Theory]
    [InlineData("2026-05-15", BirthMode.Vaginal)]
    [InlineData("2025-05-15", BirthMode.CaesareanPlanned)]
    [InlineData("2026-05-01", null)]
    public void Validate_BirthDateTodayToAYearAgo_IsValid(string birth, BirthMode? mode)
    {
        Assert.True(Validator.Validate(new RecordBirthRequest { BirthDate = D(birth), BirthMode = mode }).IsValid);
    }

    [Theory]
    [InlineData(null, "Enter the date your baby was born.")]
    [InlineData("2026-05-16", "Birth date can't be in the future.")]
    [InlineData("2025-05-14", "Birth date must be within the last year.")]
    public void Validate_BadBirthDate_IsRejected(string? birth, string expectedMessage)
    {
        var error = Assert.Single(Validator.Validate(new RecordBirthRequest { BirthDate = birth is null ? null : D(birth) }).Errors);

        Assert.Equal(nameof(RecordBirthRequest.BirthDate), error.PropertyName);
        Assert.Equal(expectedMessage, error.ErrorMessage);
    }

    [Fact]
    public void Validate_UndefinedBirthMode_IsRejected()
    {
        var error = Assert.Single(Validator.Validate(new RecordBirthRequest { BirthDate = Today, BirthMode = (BirthMode)9 }).Errors);

        Assert.Equal(nameof(RecordBirthRequest.BirthMode), error.PropertyName);
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
