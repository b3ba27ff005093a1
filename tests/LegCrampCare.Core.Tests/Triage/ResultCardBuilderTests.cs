using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Triage.TriageTestInputs;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>
/// The result card's words and clock from the engine's result (clinical README §8): W5's four clocks, the earliest that
/// is still ahead, "today"/"tomorrow" in her time zone, none on a re-assessment; W1 after day 42; W9; 2026.1 results.
/// </summary>
public sealed class ResultCardBuilderTests
{
    private static readonly TimeZoneInfo London = PregnancyCalendar.FindZoneOrUtc("Europe/London");

    /// <summary>03:40 in London on 10 June 2026 (BST).</summary>
    private static readonly DateTime At = new(2026, 6, 10, 2, 40, 0, DateTimeKind.Utc);

    private static ResultCard Card(TriageInput input, DateTime? at = null, bool reassessment = false, DateTime? crampStart = null)
    {
        var result = TriageEngine.Default.Evaluate(input);
        var explanation = TriageExplainer.Explain(input, result, TriageOptions.Default);
        return ResultCardBuilder.Build(explanation, new ResultCardContext(at ?? At, London, ContactNumbers.UnitedKingdom,
            IsReassessment: reassessment, CrampStartedAtUtc: crampStart));
    }

    [Theory]
    // (b) not improving, 0 h: the 6-hour clock at 09:40.
    [InlineData("none", 0, false, "If the pain is still there at 09:40 today (6 hours after it started) and is not getting better, call maternity triage then.")]
    // (a) high-risk context: the 2-hour clock comes first.
    [InlineData("previous-vte", 0, false, "If the pain is still there at 05:40 today (2 hours after it started), call maternity triage then.")]
    // (c) with calves 1.5 cm apart: the 4-hour clock comes before the 6-hour one.
    [InlineData("calf-1.5", 0, false, "If the pain is still there at 07:40 today (4 hours after it started) and is not getting better, call maternity triage then.")]
    // (d) improving: 24 hours, tomorrow.
    [InlineData("none", 0, true, "If it stops getting better, call maternity triage today. If it is still there at 03:40 tomorrow (24 hours after it started), mention it to your midwife.")]
    // Asked an hour later, 1 hour of pain: the clock counts from when it started, not from the answer.
    [InlineData("none", 1, false, "If the pain is still there at 09:40 today (6 hours after it started) and is not getting better, call maternity triage then.")]
    public void Clock_TheEarliestThatIsStillAhead(string context, int hoursSoFar, bool improving, string expected)
    {
        var input = PainAfter(TypicalCramp with
        {
            RiskFactors = context == "previous-vte" ? RiskFactors.PreviousVte : RiskFactors.None,
            CalfDifferenceCm = context == "calf-1.5" ? 1.5m : null,
        }, hoursSoFar, improving);

        var card = Card(input, At.AddHours(hoursSoFar));

        Assert.Equal(expected + " Set a reminder: the app will not remind you.", card.Clock);
    }

    [Fact]
    public void Clock_OnTheNightTheClocksGoBack_IsHerLocalTimeAfterTheChange()
    {
        // 01:30 BST on Sunday 25 October 2026 (00:30 UTC); at 02:00 BST the clocks go back to 01:00 GMT. Six hours after
        // the cramp is 06:30 UTC, which is 06:30 GMT that morning, not 07:30.
        var at = new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc);

        var card = Card(PainAfter(TypicalCramp, 0m, improving: false), at);

        Assert.StartsWith("If the pain is still there at 06:30 today (6 hours after it started)", card.Clock, StringComparison.Ordinal);
    }

    [Fact]
    public void Clock_EveryClockHasPassed_ShowsNone()
    {
        // 23 hours, improving, no risk: only the 24-hour clock applies, and it is an hour ahead; at 25 hours none is.
        Assert.NotNull(Card(PainAfter(TypicalCramp, 23m, improving: true)).Clock);
        var past = Card(PainAfter(TypicalCramp, 25m, improving: true));
        Assert.Null(past.Clock);
        Assert.NotNull(past.ForNow);
    }

    [Fact]
    public void Clock_OnAReassessment_OrWhenThePainHasGone_ShowsNone()
    {
        Assert.Null(Card(PainAfter(TypicalCramp, 1m, improving: true), reassessment: true).Clock);
        var gone = Card(PainAfter(TypicalCramp, 1m, improving: true, gone: true));
        Assert.Null(gone.Clock);
        Assert.Null(gone.ForNow);
    }

    [Fact]
    public void Clock_AfterDay42_CallsTheGpOrNhs111_AndTheHealthVisitorOrGp()
    {
        var later = Postpartum(60);

        Assert.Equal(
            "If it stops getting better, call your GP, or NHS 111 if you can't reach them, today. If it is still there at 03:40 tomorrow (24 hours after it started), mention it to your health visitor or GP. Set a reminder: the app will not remind you.",
            Card(PainAfter(later, 0m, improving: true)).Clock);
        Assert.Contains("mention it to your GP.", Card(PainAfter(AfterLoss(60), 0m, improving: true)).Clock, StringComparison.Ordinal);
    }

    [Fact]
    public void Clock_HoursTheAppRoundedUp_NeverMoveTheClockBeforeTheCrampStarted()
    {
        // She said "still there" 3 minutes after a 03:37 cramp: 0.05 h rounded up to 0.1 h would put S at 03:34.
        var card = Card(PainAfter(TypicalCramp, 0.1m, improving: false), crampStart: At.AddMinutes(-3));

        Assert.StartsWith("If the pain is still there at 09:37 today", card.Clock, StringComparison.Ordinal);
    }

    [Fact]
    public void Urgent_AfterDay42_NoMidwifeOrMaternityWords_AndTheButtonCallsNhs111()
    {
        var card = Card(Postpartum(60) with { Swelling = Swelling.OneLeg });

        Assert.Equal("Call your GP or NHS 111 now", card.Heading);
        Assert.Equal(["Call your GP now, or NHS 111 if you can't reach them.", ResultCardBuilder.TellThem], card.Actions);
        Assert.Equal(new CallButton(CallTarget.UrgentLine, "Call NHS 111", "111"), card.Call);
        var words = string.Join(" ", card.Actions.Append(card.Heading).Concat(card.Reasons.Select(r => r.Text)));
        Assert.DoesNotContain("midwife", words, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("maternity", words, StringComparison.OrdinalIgnoreCase);
        Assert.False(card.SuggestsAddingNumber);
    }

    [Fact]
    public void Reasons_TheSameWordsOnce_HighestLevelFirst()
    {
        // Stage unknown with a fever: UR-12 and UR-13 both fire and say the same thing (W4): it is shown once.
        var card = Card(StageUnknown with { Fever = true, RacingHeart = true });

        Assert.Equal([RuleId.Ur12, RuleId.Ro5], card.Reasons.Select(r => r.Id));
        Assert.Equal(PatientWording.FeverStageUnknown, card.Reasons[0].Text);
    }

    [Fact]
    public void AResultFrom2026Point1_IsExplainedWithItsOwnWords()
    {
        // A 2026.1 UR-6 stays "more than 24 hours" (principle 4), and keeps its sign for the midwife.
        var input = PainAfter(TypicalCramp with { Side = TriageSide.Left }, 30m, improving: false);
        var old = new TriageResult(TriageLevel.Urgent, new FiredRules().With(RuleId.Ur6), null, 0, false, "2026.1");

        var explanation = TriageExplainer.Explain(input, old, TriageOptions.Default);

        var ur6 = Assert.Single(explanation.Rules);
        Assert.Equal("Pain in one leg has lasted more than 24 hours after the cramp and is not getting better. Soreness after an ordinary cramp fades within a day.", ur6.Message);
        Assert.Equal("pain in one leg for over 24 hours, not getting better", ur6.Sign);
        Assert.False(explanation.IsCurrentRuleSet);
    }

    [Fact]
    public void AResultFrom2026Point1WithLocalThresholds_UsesThemOnlyWhenItsVersionNamesThem()
    {
        var local = new TriageOptions { NormalSorenessMaxHours = 30m };
        var input = PainAfter(TypicalCramp with { Side = TriageSide.Left }, 40m, improving: false);
        var named = $"2026.1+local.{TriageEngine.LocalThresholdsHashOf2026Point1(local)}";

        var same = TriageExplainer.Explain(input, new TriageResult(TriageLevel.Urgent, new FiredRules().With(RuleId.Ur6), null, 0, false, named), local);
        var other = TriageExplainer.Explain(input, new TriageResult(TriageLevel.Urgent, new FiredRules().With(RuleId.Ur6), null, 0, false, "2026.1+local.00000000"), local);

        Assert.Contains("more than 30 hours", same.Rules[0].Message, StringComparison.Ordinal);
        Assert.Contains("more than 24 hours", other.Rules[0].Message, StringComparison.Ordinal);
    }
}
