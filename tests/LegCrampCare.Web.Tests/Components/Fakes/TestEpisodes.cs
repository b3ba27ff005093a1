using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;

namespace LegCrampCare.Web.Tests.Components.Fakes;

/// <summary>Episodes as the service returns them, for the fakes and the tests.</summary>
public static class TestEpisodes
{
    public const string Stage = "31 weeks 2 days pregnant";

    /// <summary>20 November 2026, 02:30 local: a cramp in the small hours, counted as the night of Thursday 19th.</summary>
    public static readonly DateTime DefaultStart = new(2026, 11, 20, 2, 30, 0, DateTimeKind.Unspecified);

    public static EpisodeDto Episode(
        Guid? id = null,
        Side side = Side.Left,
        DateTime? startedAtLocal = null,
        EpisodeAnswers? answers = null,
        int? durationMinutes = null,
        string stage = Stage)
    {
        var start = startedAtLocal ?? DefaultStart;
        var night = DateOnly.FromDateTime(start.Hour < 12 ? start.AddDays(-1) : start);
        var details = new EpisodeDetails
        {
            StartedAtLocal = start,
            Side = side,
            DurationMinutes = durationMinutes,
            Answers = answers ?? new EpisodeAnswers(),
        };
        return new EpisodeDto(id ?? Guid.NewGuid(), DateTime.SpecifyKind(start, DateTimeKind.Utc), night, stage, details);
    }

    /// <summary>Every question of the quick screen answered "no" (swelling: none).</summary>
    public static EpisodeAnswers AllQuickQuestionsNo() => new()
    {
        SuddenBreathlessness = Answer.No,
        ChestPain = Answer.No,
        CoughingBlood = Answer.No,
        Fainted = Answer.No,
        Swelling = Swelling.None,
        RedOrDarkerSkin = Answer.No,
        Warmth = Answer.No,
        GradualBreathlessness = Answer.No,
        EasedByStretching = Answer.No,
        PainStillThere = Answer.No,
    };
}
