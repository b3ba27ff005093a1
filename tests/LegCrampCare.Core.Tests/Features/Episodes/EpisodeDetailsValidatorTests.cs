using FluentValidation.Results;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;

namespace LegCrampCare.Core.Tests.Features.Episodes;

public sealed class EpisodeDetailsValidatorTests
{
    private const string EarliestMessage = "Start time can't be before your pregnancy began (25 December 2025, 40 weeks before your due date).";
    private const string LatestMessage = "Start time can't be in the future. Choose a time up to now.";

    private static readonly DateTime Earliest = new(2025, 12, 25, 0, 0, 0);
    private static readonly DateTime Latest = new(2026, 3, 1, 3, 17, 0);

    private static readonly EpisodeDetailsValidator Validator = new(new EpisodeTimeWindow(Earliest, EarliestMessage, Latest, LatestMessage));

    private static EpisodeDetails Valid() => new()
    {
        StartedAtLocal = new DateTime(2026, 3, 1, 2, 30, 0),
        Side = Side.Left,
    };

    private static void AssertValid(EpisodeDetails details)
    {
        var result = Validator.Validate(details);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    /// <summary>Asserts exactly one error, on the given field, and returns its message.</summary>
    private static string AssertSingleError(EpisodeDetails details, string propertyName)
    {
        ValidationResult result = Validator.Validate(details);
        var error = Assert.Single(result.Errors);
        Assert.Equal(propertyName, error.PropertyName);
        return error.ErrorMessage;
    }

    [Fact]
    public void Validate_QuickLogShape_IsValid()
    {
        AssertValid(Valid());
    }

    [Fact]
    public void Validate_EveryFieldFilledWithinLimits_IsValid()
    {
        AssertValid(Valid() with
        {
            Side = Side.Both,
            DurationMinutes = 3,
            Locations = CrampLocations.Calf | CrampLocations.Foot | CrampLocations.Thigh,
            PainScore = 7,
            HelpedBy = ReliefMethods.Stretching | ReliefMethods.Massage | ReliefMethods.Walking | ReliefMethods.Warmth,
            PainAfterHours = 1.5m,
            ContinuousPainMinutes = 10,
            CalfDifferenceCm = 0.5m,
            Answers = new EpisodeAnswers { ChestPain = Answer.No, Swelling = Swelling.BothAnklesGradual, Warmth = Answer.Yes },
            Notes = "Woke at 2am, calf cramp, stretched it out.",
        });
    }

    // ---- Start time window ----

    [Fact]
    public void Validate_StartAtLatest_IsValid()
    {
        AssertValid(Valid() with { StartedAtLocal = Latest });
    }

    [Fact]
    public void Validate_StartOneMinuteAfterLatest_IsRejectedWithLatestMessage()
    {
        var message = AssertSingleError(Valid() with { StartedAtLocal = Latest.AddMinutes(1) }, nameof(EpisodeDetails.StartedAtLocal));

        Assert.Equal(LatestMessage, message);
    }

    [Fact]
    public void Validate_StartAtEarliest_IsValid()
    {
        AssertValid(Valid() with { StartedAtLocal = Earliest });
    }

    [Fact]
    public void Validate_StartOneMinuteBeforeEarliest_IsRejectedWithEarliestMessage()
    {
        var message = AssertSingleError(Valid() with { StartedAtLocal = Earliest.AddMinutes(-1) }, nameof(EpisodeDetails.StartedAtLocal));

        Assert.Equal(EarliestMessage, message);
    }

    // ---- Side ----

    [Theory]
    [InlineData(Side.Left)]
    [InlineData(Side.Right)]
    [InlineData(Side.Both)]
    public void Validate_DefinedSide_IsValid(Side side)
    {
        AssertValid(Valid() with { Side = side });
    }

    [Theory]
    [InlineData(0)] // an unset form field
    [InlineData(4)]
    [InlineData(-1)]
    public void Validate_UndefinedSide_IsRejected(int side)
    {
        var message = AssertSingleError(Valid() with { Side = (Side)side }, nameof(EpisodeDetails.Side));

        Assert.Contains("left, right or both", message, StringComparison.Ordinal);
    }

    // ---- Duration ----

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(720)]
    public void Validate_DurationWithinLimits_IsValid(int? minutes)
    {
        AssertValid(Valid() with { DurationMinutes = minutes });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(721)]
    public void Validate_DurationOutsideLimits_IsRejectedNamingTheLimit(int minutes)
    {
        var message = AssertSingleError(Valid() with { DurationMinutes = minutes }, nameof(EpisodeDetails.DurationMinutes));

        Assert.Contains("between 0 and 720 minutes", message, StringComparison.Ordinal);
    }

    // ---- Pain score ----

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(10)]
    public void Validate_PainScoreWithinLimits_IsValid(int? score)
    {
        AssertValid(Valid() with { PainScore = score });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Validate_PainScoreOutsideLimits_IsRejectedNamingTheLimit(int score)
    {
        var message = AssertSingleError(Valid() with { PainScore = score }, nameof(EpisodeDetails.PainScore));

        Assert.Contains("0", message, StringComparison.Ordinal);
        Assert.Contains("10", message, StringComparison.Ordinal);
    }

    // ---- Calf difference ----

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("15")]
    [InlineData("15.0")]
    public void Validate_CalfDifferenceWithinLimits_IsValid(string? cm)
    {
        AssertValid(Valid() with { CalfDifferenceCm = Dec(cm) });
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("15.1")]
    [InlineData("-15")]
    public void Validate_CalfDifferenceOutsideLimits_IsRejectedNamingTheLimit(string cm)
    {
        var message = AssertSingleError(Valid() with { CalfDifferenceCm = Dec(cm) }, nameof(EpisodeDetails.CalfDifferenceCm));

        Assert.Contains("between 0 and 15 cm", message, StringComparison.Ordinal);
    }

    // ---- Pain afterwards and continuous pain ----

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("720")]
    public void Validate_PainAfterHoursWithinLimits_IsValid(string? hours)
    {
        AssertValid(Valid() with { PainAfterHours = Dec(hours) });
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("720.1")]
    public void Validate_PainAfterHoursOutsideLimits_IsRejectedNamingTheLimit(string hours)
    {
        var message = AssertSingleError(Valid() with { PainAfterHours = Dec(hours) }, nameof(EpisodeDetails.PainAfterHours));

        Assert.Contains("between 0 and 720", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1440)]
    public void Validate_ContinuousPainWithinLimits_IsValid(int? minutes)
    {
        AssertValid(Valid() with { ContinuousPainMinutes = minutes });
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1441)]
    public void Validate_ContinuousPainOutsideLimits_IsRejectedNamingTheLimit(int minutes)
    {
        var message = AssertSingleError(Valid() with { ContinuousPainMinutes = minutes }, nameof(EpisodeDetails.ContinuousPainMinutes));

        Assert.Contains("between 0 and 1440", message, StringComparison.Ordinal);
    }

    // ---- Notes ----

    [Theory]
    [InlineData(0)]
    [InlineData(2000)]
    public void Validate_NotesUpToLimit_IsValid(int length)
    {
        AssertValid(Valid() with { Notes = new string('a', length) });
    }

    [Fact]
    public void Validate_NullNotes_IsValid()
    {
        AssertValid(Valid() with { Notes = null });
    }

    [Fact]
    public void Validate_NotesOverLimit_IsRejectedNamingTheLimit()
    {
        var message = AssertSingleError(Valid() with { Notes = new string('a', 2001) }, nameof(EpisodeDetails.Notes));

        // The number is formatted with the current culture's group separator (2,000 / 2.000 / 2 000).
        Assert.Matches(@"\b2\D?000 characters", message);
    }

    // ---- Locations and what helped (flags) ----

    [Theory]
    [InlineData(CrampLocations.None)]
    [InlineData(CrampLocations.Calf)]
    [InlineData(CrampLocations.Calf | CrampLocations.Foot | CrampLocations.Thigh)]
    public void Validate_KnownLocations_IsValid(CrampLocations locations)
    {
        AssertValid(Valid() with { Locations = locations });
    }

    [Theory]
    [InlineData(8)]
    [InlineData(1 | 8)]
    [InlineData(-1)]
    public void Validate_UnknownLocationFlag_IsRejected(int locations)
    {
        var message = AssertSingleError(Valid() with { Locations = (CrampLocations)locations }, nameof(EpisodeDetails.Locations));

        Assert.Contains("calf, foot or thigh", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(1 | 64)]
    public void Validate_UnknownReliefFlag_IsRejected(int helpedBy)
    {
        var message = AssertSingleError(Valid() with { HelpedBy = (ReliefMethods)helpedBy }, nameof(EpisodeDetails.HelpedBy));

        Assert.Contains("stretching, massage, walking, warmth or nothing", message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsReliefContradictory_OnlyNothingWithSomethingThatHelped()
    {
        Assert.True(EpisodeDetailsValidator.IsReliefContradictory(ReliefMethods.Nothing | ReliefMethods.Stretching));
        Assert.False(EpisodeDetailsValidator.IsReliefContradictory(ReliefMethods.Nothing));
        Assert.False(EpisodeDetailsValidator.IsReliefContradictory(ReliefMethods.Stretching | ReliefMethods.Warmth));
        Assert.False(EpisodeDetailsValidator.IsReliefContradictory(ReliefMethods.None));
    }

    // ---- Answers ----

    public static TheoryData<string> AnswerPropertyNames()
    {
        var data = new TheoryData<string>();
        foreach (var p in typeof(EpisodeAnswers).GetProperties().Where(p => p.PropertyType == typeof(Answer)))
        {
            data.Add(p.Name);
        }

        return data;
    }

    [Fact]
    public void AnswerPropertyNames_CoverEveryYesNoQuestion()
    {
        // Guards the theory below against silently testing nothing.
        Assert.Equal(26, AnswerPropertyNames().Count);
    }

    [Theory]
    [MemberData(nameof(AnswerPropertyNames))]
    public void Validate_UndefinedAnswer_IsRejected(string property)
    {
        var answers = new EpisodeAnswers();
        typeof(EpisodeAnswers).GetProperty(property)!.SetValue(answers, (Answer)3);

        var message = AssertSingleError(Valid() with { Answers = answers }, nameof(EpisodeDetails.Answers));

        Assert.Contains("yes, no, or left unanswered", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AnswerPropertyNames))]
    public void Validate_YesOrNoAnswer_IsValid(string property)
    {
        var yes = new EpisodeAnswers();
        typeof(EpisodeAnswers).GetProperty(property)!.SetValue(yes, Answer.Yes);
        var no = new EpisodeAnswers();
        typeof(EpisodeAnswers).GetProperty(property)!.SetValue(no, Answer.No);

        AssertValid(Valid() with { Answers = yes });
        AssertValid(Valid() with { Answers = no });
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-1)]
    public void Validate_UndefinedSwelling_IsRejected(int swelling)
    {
        AssertSingleError(Valid() with { Answers = new EpisodeAnswers { Swelling = (Swelling)swelling } }, nameof(EpisodeDetails.Answers));
    }

    [Fact]
    public void Validate_NullAnswers_IsRejected()
    {
        var result = Validator.Validate(Valid() with { Answers = null! });

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(nameof(EpisodeDetails.Answers), e.PropertyName));
    }

    // ---- Several problems at once ----

    [Fact]
    public void Validate_SeveralFieldsWrong_ReportsEachField()
    {
        var result = Validator.Validate(Valid() with { DurationMinutes = 721, PainScore = 11, Notes = new string('a', 2001) });

        Assert.Equal(
            new HashSet<string> { nameof(EpisodeDetails.DurationMinutes), nameof(EpisodeDetails.PainScore), nameof(EpisodeDetails.Notes) },
            result.Errors.Select(e => e.PropertyName).ToHashSet());
        Assert.Equal(3, result.Errors.Count);
    }

    private static decimal? Dec(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
