using LegCrampCare.Core.Domain;

namespace LegCrampCare.Core.Tests.Domain;

public sealed class RedFlagAdviceTests
{
    public static TheoryData<string> EmergencyAnswers => new() { "SuddenBreathlessness", "ChestPain", "CoughingBlood", "Fainted" };

    public static TheoryData<string> LegAnswers => new() { "RedOrDarkerSkin", "Warmth" };

    private static EpisodeAnswers With(string property, Answer value)
    {
        var answers = new EpisodeAnswers();
        typeof(EpisodeAnswers).GetProperty(property)!.SetValue(answers, value);
        return answers;
    }

    [Theory]
    [MemberData(nameof(EmergencyAnswers))]
    public void For_EmergencySignYes_CallEmergency(string property) =>
        Assert.Equal(UrgentAction.CallEmergency, RedFlagAdvice.For(With(property, Answer.Yes)));

    [Theory]
    [MemberData(nameof(LegAnswers))]
    public void For_LegSignYes_GetCheckedToday(string property) =>
        Assert.Equal(UrgentAction.GetCheckedToday, RedFlagAdvice.For(With(property, Answer.Yes)));

    [Theory]
    [InlineData(Swelling.OneLeg, UrgentAction.GetCheckedToday)]
    [InlineData(Swelling.WholeLeg, UrgentAction.GetCheckedToday)]
    [InlineData(Swelling.None, UrgentAction.None)]
    [InlineData(Swelling.NotOneLeg, UrgentAction.None)]
    [InlineData(Swelling.BothAnklesGradual, UrgentAction.None)]
    [InlineData(Swelling.NotAnswered, UrgentAction.None)]
    public void For_Swelling_OnlyOneSidedIsALegSign(Swelling swelling, UrgentAction expected) =>
        Assert.Equal(expected, RedFlagAdvice.For(new EpisodeAnswers { Swelling = swelling }));

    [Theory]
    [MemberData(nameof(EmergencyAnswers))]
    public void For_NoOrUnanswered_NoUrgentAction(string property)
    {
        Assert.Equal(UrgentAction.None, RedFlagAdvice.For(With(property, Answer.No)));
        Assert.Equal(UrgentAction.None, RedFlagAdvice.For(With(property, Answer.NotAnswered)));
    }

    [Fact]
    public void For_EmergencyAndLegSigns_EmergencyWinsAndBothAreNamed()
    {
        var answers = new EpisodeAnswers { ChestPain = Answer.Yes, Swelling = Swelling.OneLeg, Warmth = Answer.Yes };

        Assert.Equal(UrgentAction.CallEmergency, RedFlagAdvice.For(answers));
        Assert.Equal(["chest or upper-back pain"], RedFlagAdvice.EmergencySigns(answers));
        Assert.Equal(["one leg is swollen", "the leg feels warm"], RedFlagAdvice.LegSigns(answers));
    }
}
