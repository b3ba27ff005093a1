using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Triage.TriageTestInputs;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>
/// Each rule at the edge of its exact trigger (shared triage-cases.md, "Exact triggers"), starting from a fully answered
/// typical cramp (NONE, NO-1) and changing only what the rule reads. Also RCOG points and the high-risk context
/// (clinical README §2), the LEFt score (§4) and the "incomplete" result (principle 2).
/// </summary>
public sealed class RuleBoundaryTests
{
    private static void AssertFired(TriageResult result, RuleId id) =>
        Assert.True(result.Rules.Contains(id), $"expected {id.ToCode()} to fire; fired [{Codes(result)}].");

    private static void AssertNotFired(TriageResult result, RuleId id) =>
        Assert.False(result.Rules.Contains(id), $"expected {id.ToCode()} not to fire; fired [{Codes(result)}].");

    private static RiskFactors Risks(string codes) =>
        codes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(RiskFactors.None, (set, code) => set | RiskFactorCatalog.All.Single(r => r.Code == code).Flag);

    [Fact]
    public void Base_TypicalCrampFullyAnswered_IsNoneWithNo1Only()
    {
        var result = Evaluate(TypicalCramp);

        Assert.Equal(TriageLevel.None, result.Level);
        Assert.Equal(new FiredRules().With(RuleId.No1), result.Rules);
        Assert.False(result.IsIncomplete);
        Assert.False(result.IsFlag);
    }

    // ---- every EM/UR/RO rule: fires on its own trigger, at its level ----

    public static TheoryData<string> RuleCodes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var code in Triggers.Keys)
            {
                data.Add(code);
            }

            return data;
        }
    }

    /// <summary>For each rule, a change from the typical cramp that fires it, and the level the README §3 table gives it.</summary>
    private static readonly Dictionary<string, (Func<TriageInput, TriageInput> Trigger, TriageLevel Level)> Triggers = new()
    {
        ["EM-1"] = (i => i with { SuddenBreathlessness = true }, TriageLevel.Emergency),
        ["EM-2"] = (i => i with { ChestPain = true }, TriageLevel.Emergency),
        ["EM-3"] = (i => i with { CoughingBlood = true }, TriageLevel.Emergency),
        ["EM-4"] = (i => i with { Fainted = true }, TriageLevel.Emergency),
        ["EM-5"] = (i => i with { RacingHeart = true, Dizziness = true }, TriageLevel.Emergency),
        ["UR-1"] = (i => i with { Swelling = Swelling.OneLeg }, TriageLevel.Urgent),
        ["UR-2"] = (i => i with { CalfDifferenceCm = 2.0m }, TriageLevel.Urgent),
        ["UR-3"] = (i => i with { Warmth = true }, TriageLevel.Urgent),
        ["UR-4"] = (i => i with { Tenderness = true }, TriageLevel.Urgent),
        ["UR-5"] = (i => PainAfter(i, 1m, improving: true) with { HeavyAche = true }, TriageLevel.Urgent),
        ["UR-6"] = (i => PainAfter(i, 6m, improving: false), TriageLevel.Urgent),
        ["UR-7"] = (i => PainAfter(i with { RiskFactors = RiskFactors.LongTravel }, 2m, improving: true), TriageLevel.Urgent),
        ["UR-8"] = (i => i with { Swelling = Swelling.WholeLeg }, TriageLevel.Urgent),
        ["UR-9"] = (i => i with { ContinuousPainMinutes = 61m }, TriageLevel.Urgent),
        ["UR-10"] = (i => i with { Fever = true, RedOrDarkerSkin = true }, TriageLevel.Urgent),
        ["UR-11"] = (i => i with { SevereHeadache = true }, TriageLevel.Urgent),
        ["UR-12"] = (i => i with { GestationalWeek = null, PostpartumDay = 30, Fever = true }, TriageLevel.Urgent),
        ["UR-13"] = (i => i with { Fever = true }, TriageLevel.Urgent),
        ["UR-14"] = (i => PainAfter(i, 4m, improving: false) with { CalfDifferenceCm = 1.5m }, TriageLevel.Urgent),
        ["UR-15"] = (i => i with { RacingHeart = true, GradualBreathlessness = true }, TriageLevel.Urgent),
        ["UR-16"] = (i => PainAfter(i, 0m, improving: true) with { RacingHeart = true }, TriageLevel.Urgent),
        ["UR-17"] = (i => i with { GradualBreathlessness = true, Dizziness = true }, TriageLevel.Urgent),
        ["UR-18"] = (i => PainAfter(i, 0.5m, improving: true) with { GradualBreathlessness = true }, TriageLevel.Urgent),
        ["UR-19"] = (i => i with { Dizziness = true, ContinuousPainMinutes = 5m }, TriageLevel.Urgent),
        ["UR-20"] = (i => i with { GestationalWeek = null, PostpartumDay = 43, SuddenFeetSwelling = true }, TriageLevel.Urgent),
        ["RO-1"] = (i => i with { SleepBadlyDisturbed = true }, TriageLevel.Routine),
        ["RO-2"] = (i => i with { CrampMinutes = 11m }, TriageLevel.Routine),
        ["RO-3"] = (i => i with { CalfDifferenceCm = 1.0m }, TriageLevel.Routine),
        ["RO-4"] = (i => i with { RiskFactors = RiskFactors.Thrombophilia }, TriageLevel.Routine),
        ["RO-5"] = (i => i with { RacingHeart = true }, TriageLevel.Routine),
        ["RO-6"] = (i => i with { GradualBreathlessness = true }, TriageLevel.Routine),
        ["RO-7"] = (i => i with { GestationalWeek = null, PostpartumDay = 20, Swelling = Swelling.BothAnklesGradual }, TriageLevel.Routine),
        ["RO-8"] = (i => PainAfter(i, 24.1m, improving: true), TriageLevel.Routine),
        ["FS-1"] = (i => i with { ChestPain = null }, TriageLevel.Routine),
        ["NO-1"] = (i => i, TriageLevel.None),
        ["NO-2"] = (i => i with { Swelling = Swelling.BothAnklesGradual }, TriageLevel.None),
    };

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void EveryRule_FiresOnItsTrigger_AtItsTableLevel(string code)
    {
        Assert.True(RuleIds.TryParse(code, out var id));
        var (trigger, level) = Triggers[code];

        var result = Evaluate(trigger(TypicalCramp));

        AssertFired(result, id);
        Assert.Equal(level, TriageRules.Get(id).Level);
        Assert.Equal(level, result.Level);
    }

    [Fact]
    public void EveryRule_HasATriggerCaseHere() =>
        Assert.Equal(RuleIds.All.Select(r => r.ToCode()).Order(), Triggers.Keys.Order());

    // ---- UR-2 / RO-3: calf difference ----

    [Theory]
    [InlineData("0", false, false)]
    [InlineData("0.9", false, false)]
    [InlineData("1.0", false, true)]
    [InlineData("1.5", false, true)]
    [InlineData("1.9", false, true)]
    [InlineData("1.99", false, true)]
    [InlineData("2.0", true, false)]
    [InlineData("2.5", true, false)]
    public void CalfDifference_Ur2From2cm_Ro3From1To2(string cm, bool ur2, bool ro3)
    {
        var result = Evaluate(TypicalCramp with { CalfDifferenceCm = decimal.Parse(cm, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(ur2, result.Rules.Contains(RuleId.Ur2));
        Assert.Equal(ro3, result.Rules.Contains(RuleId.Ro3));
        Assert.Equal(ur2 ? TriageLevel.Urgent : ro3 ? TriageLevel.Routine : TriageLevel.None, result.Level);
    }

    // ---- UR-7: high-risk context, pain hours >= 2, any leg (2026.2) ----

    private static TriageInput HighRiskContext(string context) => context switch
    {
        "postpartum-day-10" => Postpartum(10),
        "loss-day-9" => AfterLoss(9),
        "loss-day-43" => AfterLoss(43),
        "stage-unknown" => StageUnknown,
        "previous-vte" => TypicalCramp with { RiskFactors = RiskFactors.PreviousVte },
        "long-travel" => TypicalCramp with { RiskFactors = RiskFactors.LongTravel },
        "rcog-3-points" => TypicalCramp with { RiskFactors = RiskFactors.AgeOver35 | RiskFactors.Smoker | RiskFactors.Bmi30 },
        "none" => TypicalCramp,
        _ => throw new ArgumentOutOfRangeException(nameof(context)),
    };

    [Theory]
    [InlineData("postpartum-day-10", TriageSide.Left, "2", true)]
    [InlineData("postpartum-day-10", TriageSide.Right, "2", true)]
    [InlineData("postpartum-day-10", TriageSide.Left, "1.9", false)]
    [InlineData("postpartum-day-10", TriageSide.Both, "2", true)]
    [InlineData("postpartum-day-10", TriageSide.Both, "30", true)]
    [InlineData("postpartum-day-10", TriageSide.None, "2", true)]
    [InlineData("postpartum-day-10", TriageSide.NotGiven, "2", true)]
    [InlineData("loss-day-9", TriageSide.Left, "2", true)]
    [InlineData("loss-day-9", TriageSide.Left, "1.9", false)]
    [InlineData("loss-day-43", TriageSide.Left, "5", false)]
    [InlineData("stage-unknown", TriageSide.Both, "2", true)]
    [InlineData("stage-unknown", TriageSide.Both, "1.99", false)]
    [InlineData("previous-vte", TriageSide.Left, "2", true)]
    [InlineData("previous-vte", TriageSide.Right, "2", true)]
    [InlineData("previous-vte", TriageSide.Right, "1.9", false)]
    [InlineData("previous-vte", TriageSide.Both, "2", true)]
    [InlineData("long-travel", TriageSide.Left, "2", true)]
    [InlineData("rcog-3-points", TriageSide.Left, "2", true)]
    [InlineData("none", TriageSide.Left, "2", false)]
    [InlineData("none", TriageSide.Left, "5.9", false)]
    public void Ur7_PainAfterCrampHours_FiresFrom2hInTheHighRiskContextOnly_AnyLeg(string context, TriageSide side, string hours, bool fires)
    {
        var input = PainAfter(HighRiskContext(context) with { Side = side }, decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), improving: true);

        var result = Evaluate(input);

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ur7));
        if (fires)
        {
            Assert.Equal(TriageLevel.Urgent, result.Level);
        }
    }

    [Theory]
    [InlineData(TriageSide.Left)]
    [InlineData(TriageSide.Right)]
    [InlineData(TriageSide.Both)]
    [InlineData(TriageSide.NotGiven)]
    public void Ur7_WhichLegStillHurts_NeverGates_AndPainThatHasGoneStillCounts(TriageSide stillHurts)
    {
        var stillThere = Evaluate(PainAfter(Postpartum(14) with { Side = TriageSide.Both }, 3m, improving: true, side: stillHurts));
        var gone = Evaluate(PainAfter(Postpartum(14) with { Side = TriageSide.Both }, 3m, improving: true, gone: true, side: stillHurts));

        AssertFired(stillThere, RuleId.Ur7);
        AssertFired(gone, RuleId.Ur7);
    }

    [Theory]
    [InlineData("postpartum-day-10", TriageSide.Left, "120", true)]
    [InlineData("postpartum-day-10", TriageSide.Left, "119", false)]
    [InlineData("previous-vte", TriageSide.Right, "120", true)]
    [InlineData("previous-vte", TriageSide.Right, "119.9", false)]
    [InlineData("previous-vte", TriageSide.Both, "120", true)]
    [InlineData("none", TriageSide.Left, "120", false)]
    public void Ur7_ContinuousPainCountsAsPainHours(string context, TriageSide side, string minutes, bool fires)
    {
        var input = HighRiskContext(context) with { Side = side, ContinuousPainMinutes = decimal.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(fires, Evaluate(input).Rules.Contains(RuleId.Ur7));
    }

    [Fact]
    public void Ur7_PainHoursIsTheLargerOfPainAfterAndContinuousPain()
    {
        var input = PainAfter(Postpartum(10) with { Side = TriageSide.Left, ContinuousPainMinutes = 120m }, 0.5m, improving: true);

        AssertFired(Evaluate(input), RuleId.Ur7);
    }

    [Fact]
    public void Ur7_PostpartumDay43WithoutRiskFactors_IsNotHighRiskContext()
    {
        var result = Evaluate(PainAfter(Postpartum(43) with { Side = TriageSide.Left }, 5m, improving: true));

        Assert.False(result.HighRiskContext);
        AssertNotFired(result, RuleId.Ur7);
    }

    // ---- UR-9 and RO-2: long pain ----

    [Theory]
    [InlineData("60", false)]
    [InlineData("60.5", true)]
    [InlineData("61", true)]
    public void Ur9_ContinuousPainOver60Minutes(string minutes, bool fires)
    {
        var result = Evaluate(TypicalCramp with { ContinuousPainMinutes = decimal.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ur9));
        // RO-2 (> 10 min) fires only while no UR rule does.
        Assert.Equal(!fires, result.Rules.Contains(RuleId.Ro2));
        Assert.Equal(fires ? TriageLevel.Urgent : TriageLevel.Routine, result.Level);
    }

    [Theory]
    [InlineData("10", false)]
    [InlineData("10.5", true)]
    [InlineData("11", true)]
    [InlineData("45", true)]
    public void Ro2_CrampOver10Minutes_OtherwiseStillNo1(string minutes, bool fires)
    {
        var result = Evaluate(TypicalCramp with { CrampMinutes = decimal.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ro2));
        Assert.Equal(!fires, result.Rules.Contains(RuleId.No1));
        Assert.Equal(fires ? TriageLevel.Routine : TriageLevel.None, result.Level);
    }

    [Theory]
    [InlineData("10", false)]
    [InlineData("10.5", true)]
    public void Ro2_ContinuousPainOver10Minutes(string minutes, bool fires) =>
        Assert.Equal(fires, Evaluate(TypicalCramp with { ContinuousPainMinutes = decimal.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture) })
            .Rules.Contains(RuleId.Ro2));

    [Fact]
    public void Ro2_NotBesideAUr1ToUr10Rule()
    {
        var result = Evaluate(TypicalCramp with { CrampMinutes = 11m, Warmth = true });

        AssertFired(result, RuleId.Ur3);
        AssertNotFired(result, RuleId.Ro2);
        Assert.Equal(TriageLevel.Urgent, result.Level);
    }

    [Fact]
    public void Ro2_StillFiresBesideUr11_AsTheExactTriggerSays()
    {
        var result = Evaluate(TypicalCramp with { CrampMinutes = 11m, SevereHeadache = true });

        AssertFired(result, RuleId.Ur11);
        AssertFired(result, RuleId.Ro2);
        Assert.Equal(TriageLevel.Urgent, result.Level);
    }

    // ---- UR-6: pain after the cramp >= 6 h, not improving, any leg (2026.2); RO-8: > 24 h and improving ----

    [Theory]
    [InlineData(TriageSide.Left, "5.9", false, false)]
    [InlineData(TriageSide.Left, "6", false, true)]
    [InlineData(TriageSide.Right, "6.0", false, true)]
    [InlineData(TriageSide.Left, "6", null, true)]
    [InlineData(TriageSide.Left, "5.99", null, false)]
    [InlineData(TriageSide.Left, "72", true, false)]
    [InlineData(TriageSide.Both, "9", false, true)]
    [InlineData(TriageSide.None, "48", false, true)]
    [InlineData(TriageSide.NotGiven, "6", false, true)]
    public void Ur6_PainAfterFrom6hNotImproving_AnyLeg(TriageSide side, string hours, bool? improving, bool fires)
    {
        var result = Evaluate(PainAfter(TypicalCramp with { Side = side }, decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), improving));

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ur6));
        if (fires)
        {
            Assert.Equal(TriageLevel.Urgent, result.Level);
        }
    }

    [Fact]
    public void Ur6_PainThatHasGone_StillCounts()
    {
        var result = Evaluate(PainAfter(TypicalCramp, 7m, improving: false, gone: true));

        AssertFired(result, RuleId.Ur6);
        Assert.Equal(TriageLevel.Urgent, result.Level);
    }

    [Fact]
    public void Ur6_PainAfterWithoutHours_DoesNotFire()
    {
        var result = Evaluate(TypicalCramp with { Side = TriageSide.Left, HasPainAfterCramp = true, PainAfterHours = null, PainAfterImproving = false });

        AssertNotFired(result, RuleId.Ur6);
        // Not a typical cramp either: pain that is not improving.
        AssertNotFired(result, RuleId.No1);
    }

    [Theory]
    [InlineData("24", true, false, true)]
    [InlineData("24.01", true, true, false)]
    [InlineData("40", true, true, false)]
    [InlineData("40", false, false, false)]
    [InlineData("40", null, false, false)]
    public void Ro8_StillSoreOver24hButImproving_IsRoutine_NotNo1(string hours, bool? improving, bool ro8, bool no1)
    {
        var result = Evaluate(PainAfter(TypicalCramp, decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), improving));

        Assert.Equal(ro8, result.Rules.Contains(RuleId.Ro8));
        Assert.Equal(no1, result.Rules.Contains(RuleId.No1));
        if (ro8)
        {
            Assert.Equal(TriageLevel.Routine, result.Level);
        }
    }

    // ---- UR-14: pain not improving >= 4 h with a calf difference >= 1.5 cm ----

    [Theory]
    [InlineData("4", "1.5", false, true)]
    [InlineData("3.99", "1.5", false, false)]
    [InlineData("4", "1.49", false, false)]
    [InlineData("4", "1.5", null, true)]
    [InlineData("10", "1.8", true, false)]
    [InlineData("5", "2.5", false, true)]
    public void Ur14_PainNotImprovingFrom4hWithCalvesFrom1_5cm(string hours, string cm, bool? improving, bool fires)
    {
        var result = Evaluate(PainAfter(TypicalCramp, decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), improving) with
        {
            CalfDifferenceCm = decimal.Parse(cm, System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ur14));
        if (fires)
        {
            Assert.Equal(TriageLevel.Urgent, result.Level);
        }
    }

    // ---- UR-12 and UR-13: fever after the pregnancy ended and in pregnancy ----

    [Theory]
    [InlineData("pregnant", false, true)]
    [InlineData("birth-day-0", true, false)]
    [InlineData("birth-day-42", true, false)]
    [InlineData("birth-day-43", false, false)]
    [InlineData("loss-day-20", true, false)]
    [InlineData("loss-day-43", false, false)]
    [InlineData("stage-unknown", true, true)]
    public void Ur12AndUr13_FeverByStage(string stage, bool ur12, bool ur13)
    {
        var input = stage switch
        {
            "pregnant" => TypicalCramp,
            "birth-day-0" => Postpartum(0),
            "birth-day-42" => Postpartum(42),
            "birth-day-43" => Postpartum(43),
            "loss-day-20" => AfterLoss(20),
            "loss-day-43" => AfterLoss(43),
            _ => StageUnknown,
        };

        var feverish = Evaluate(input with { Fever = true });
        var notAnswered = Evaluate(input with { Fever = null });

        Assert.Equal(ur12, feverish.Rules.Contains(RuleId.Ur12));
        Assert.Equal(ur13, feverish.Rules.Contains(RuleId.Ur13));
        Assert.Equal(ur12 || ur13 ? TriageLevel.Urgent : TriageLevel.None, feverish.Level);
        // A fever is not a red-flag question: unanswered fires nothing.
        AssertNotFired(notAnswered, RuleId.Ur12);
        AssertNotFired(notAnswered, RuleId.Ur13);
        AssertNotFired(notAnswered, RuleId.Fs1);
    }

    // ---- UR-15 ... UR-20: combinations and sudden feet swelling ----

    [Theory]
    [InlineData(30, null, true)]
    [InlineData(null, 10, true)]
    [InlineData(null, 43, true)]
    [InlineData(null, 365, true)]
    public void Ur15_RacingHeartWithGradualBreathlessness_AnyStage(int? week, int? day, bool fires)
    {
        var result = Evaluate(TypicalCramp with { GestationalWeek = week, PostpartumDay = day, RacingHeart = true, GradualBreathlessness = true });

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ur15));
        AssertFired(result, RuleId.Ro5);
        AssertFired(result, RuleId.Ro6);
        AssertNotFired(result, RuleId.Em5);
        Assert.Equal(TriageLevel.Urgent, result.Level);
    }

    [Theory]
    [InlineData("still-there", true)]
    [InlineData("gone", false)]
    [InlineData("gone-unanswered", true)]
    [InlineData("continuous-5-min", true)]
    [InlineData("none", false)]
    public void Ur16Ur18Ur19_LegPainIsPainStillThereOrContinuousPain(string pain, bool fires)
    {
        TriageInput With(TriageInput i) => pain switch
        {
            "still-there" => PainAfter(i, 0m, improving: true),
            "gone" => PainAfter(i, 1m, improving: true, gone: true),
            "gone-unanswered" => PainAfter(i, 1m, improving: true, gone: null),
            "continuous-5-min" => i with { ContinuousPainMinutes = 5m },
            _ => i,
        };

        Assert.Equal(fires, Evaluate(With(TypicalCramp with { RacingHeart = true })).Rules.Contains(RuleId.Ur16));
        Assert.Equal(fires, Evaluate(With(TypicalCramp with { GradualBreathlessness = true })).Rules.Contains(RuleId.Ur18));
        Assert.Equal(fires, Evaluate(With(Postpartum(200) with { Dizziness = true })).Rules.Contains(RuleId.Ur19));
    }

    [Theory]
    [InlineData(9, null, true)]
    [InlineData(null, 42, true)]
    [InlineData(null, 43, false)]
    public void Ur17_GradualBreathlessnessWithDizziness_InTheMaternityPeriod(int? week, int? day, bool fires)
    {
        var result = Evaluate(TypicalCramp with { GestationalWeek = week, PostpartumDay = day, GradualBreathlessness = true, Dizziness = true });

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ur17));
        AssertFired(result, RuleId.Ro6);
        AssertNotFired(result, RuleId.No1);
        Assert.Equal(fires ? TriageLevel.Urgent : TriageLevel.Routine, result.Level);
    }

    [Theory]
    [InlineData("pregnant", true, false)]
    [InlineData("birth-day-42", true, false)]
    [InlineData("birth-day-43", false, true)]
    [InlineData("loss-day-300", false, true)]
    [InlineData("stage-unknown", true, false)]
    public void Ur11Ur20_SuddenFeetSwelling_Ur11InTheMaternityPeriodUr20After(string stage, bool ur11, bool ur20)
    {
        var input = stage switch
        {
            "pregnant" => TypicalCramp,
            "birth-day-42" => Postpartum(42),
            "birth-day-43" => Postpartum(43),
            "loss-day-300" => AfterLoss(300),
            _ => StageUnknown,
        };

        var result = Evaluate(input with { SuddenFeetSwelling = true });

        Assert.Equal(ur11, result.Rules.Contains(RuleId.Ur11));
        Assert.Equal(ur20, result.Rules.Contains(RuleId.Ur20));
        Assert.Equal(TriageLevel.Urgent, result.Level);
        AssertNotFired(Evaluate(input with { SuddenFeetSwelling = null }), RuleId.Fs1);
    }

    // ---- UR-5: pain after the cramp with a DVT feature ----

    [Theory]
    [InlineData("heavyAche")]
    [InlineData("painOnWalkingOrStanding")]
    [InlineData("painPullingToesUp")]
    [InlineData("tenderness")]
    public void Ur5_PainAfterCrampWithAnyFeature_ImprovingOrNot(string feature)
    {
        Func<TriageInput, TriageInput> add = feature switch
        {
            "heavyAche" => i => i with { HeavyAche = true },
            "painOnWalkingOrStanding" => i => i with { PainOnWalkingOrStanding = true },
            "painPullingToesUp" => i => i with { PainPullingToesUp = true },
            _ => i => i with { Tenderness = true },
        };

        AssertFired(Evaluate(add(PainAfter(TypicalCramp, 0.5m, improving: true))), RuleId.Ur5);
        AssertFired(Evaluate(add(PainAfter(TypicalCramp, 0.5m, improving: false))), RuleId.Ur5);
        AssertNotFired(Evaluate(add(TypicalCramp)), RuleId.Ur5);
    }

    // ---- EM-5 / RO-5: racing heart ----

    public static TheoryData<string> Em5Companions => new()
    {
        "suddenBreathlessness", "chestPain", "dizziness", "fainted", "UR-1", "UR-2", "UR-3", "UR-4", "UR-5", "UR-6", "UR-7", "UR-14",
    };

    [Theory]
    [MemberData(nameof(Em5Companions))]
    public void Em5_RacingHeartWithACompanionSign(string companion)
    {
        var input = TypicalCramp with { RacingHeart = true };
        input = companion switch
        {
            "suddenBreathlessness" => input with { SuddenBreathlessness = true },
            "chestPain" => input with { ChestPain = true },
            "dizziness" => input with { Dizziness = true },
            "fainted" => input with { Fainted = true },
            "UR-1" => input with { Swelling = Swelling.OneLeg },
            "UR-2" => input with { CalfDifferenceCm = 2m },
            "UR-3" => input with { RedOrDarkerSkin = true },
            "UR-4" => input with { HardSoreVein = true },
            "UR-5" => PainAfter(input, 1m, improving: true) with { PainPullingToesUp = true },
            "UR-6" => PainAfter(input, 7m, improving: false, gone: true),
            "UR-7" => PainAfter(input with { RiskFactors = RiskFactors.PreviousVte }, 2m, improving: true, gone: true),
            _ => PainAfter(input, 4.5m, improving: false, gone: true) with { CalfDifferenceCm = 1.9m },
        };

        var result = Evaluate(input);

        AssertFired(result, RuleId.Em5);
        AssertNotFired(result, RuleId.Ro5);
        Assert.Equal(TriageLevel.Emergency, result.Level);
    }

    [Fact]
    public void Em5_RacingHeartWithDizziness_FiresEm5Only()
    {
        var result = Evaluate(TypicalCramp with { RacingHeart = true, Dizziness = true });

        AssertFired(result, RuleId.Em5);
        Assert.Equal(TriageLevel.Emergency, result.Level);
        Assert.False(result.Rules.AnyBetween(RuleId.Em1, RuleId.Em4));
    }

    [Fact]
    public void Em5_RacingHeartWithGradualBreathlessnessOnly_IsUr15NotEm5()
    {
        var result = Evaluate(TypicalCramp with { RacingHeart = true, GradualBreathlessness = true });

        AssertNotFired(result, RuleId.Em5);
        AssertFired(result, RuleId.Ur15);
        AssertFired(result, RuleId.Ro5);
        AssertFired(result, RuleId.Ro6);
        Assert.Equal(TriageLevel.Urgent, result.Level);
    }

    [Fact]
    public void Em5_RacingHeartWithUr9Ur11OrUr16_IsNotALegSign()
    {
        var ur9 = Evaluate(TypicalCramp with { RacingHeart = true, ContinuousPainMinutes = 90m, Relieved = false });
        var ur11 = Evaluate(TypicalCramp with { RacingHeart = true, VisionProblems = true });
        var ur16 = Evaluate(PainAfter(TypicalCramp with { RacingHeart = true }, 1m, improving: true));

        foreach (var result in new[] { ur9, ur11, ur16 })
        {
            AssertNotFired(result, RuleId.Em5);
            AssertFired(result, RuleId.Ro5);
            Assert.Equal(TriageLevel.Urgent, result.Level);
        }
    }

    [Fact]
    public void Ro5_RacingHeartAlone_Routine()
    {
        var result = Evaluate(TypicalCramp with { RacingHeart = true });

        Assert.Equal(new FiredRules().With(RuleId.Ro5).With(RuleId.No1), result.Rules);
        Assert.Equal(TriageLevel.Routine, result.Level);
    }

    // ---- RO-6 ----

    [Fact]
    public void Ro6_GradualBreathlessness_NotWithSuddenBreathlessnessOrChestPain()
    {
        AssertFired(Evaluate(TypicalCramp with { GradualBreathlessness = true }), RuleId.Ro6);
        AssertNotFired(Evaluate(TypicalCramp with { GradualBreathlessness = true, SuddenBreathlessness = true }), RuleId.Ro6);
        AssertNotFired(Evaluate(TypicalCramp with { GradualBreathlessness = true, ChestPain = true }), RuleId.Ro6);
        // Unanswered sudden breathlessness is "not true" for RO-6 (FS-1 keeps the level up).
        var unanswered = Evaluate(TypicalCramp with { GradualBreathlessness = true, SuddenBreathlessness = null });
        AssertFired(unanswered, RuleId.Ro6);
        AssertFired(unanswered, RuleId.Fs1);
    }

    // ---- RO-1: frequent nights ----

    [Theory]
    [InlineData(new[] { 1, 2, 7, 8, 9 }, null, true)]          // {0,1,2} and {7,8,9}: exactly 3 + 3
    [InlineData(new[] { 5, 6, 7, 12, 13 }, null, true)]        // {0,5,6} and {7,12,13}: the week edges
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, false, true)]
    [InlineData(new[] { 1, 2, 7, 8 }, null, false)]            // 3 + 2
    [InlineData(new[] { 1, 7, 8, 9 }, null, false)]            // 2 + 3
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, false, false)]     // every night this week, none the week before
    [InlineData(new[] { 1, 2, 13, 14, 15 }, null, false)]      // 14+ is not the week before
    [InlineData(new int[0], true, true)]                       // sleep badly disturbed alone
    [InlineData(new int[0], false, false)]
    [InlineData(new int[0], null, false)]
    public void Ro1_ThreeNightsInEachOfTwoWeeksOrSleepBadlyDisturbed(int[] nightsAgo, bool? sleepBadlyDisturbed, bool fires)
    {
        var result = Evaluate(TypicalCramp with { CrampNightsAgo = TriageInput.NightsAgoMask(nightsAgo), SleepBadlyDisturbed = sleepBadlyDisturbed });

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ro1));
        Assert.Equal(fires ? TriageLevel.Routine : TriageLevel.None, result.Level);
    }

    // ---- RO-7 and NO-2: both ankles ----

    [Theory]
    [InlineData(0, true)]
    [InlineData(42, true)]
    [InlineData(43, false)]
    [InlineData(200, false)]
    public void Ro7_BothAnklesGradualUpToPostpartumDay42(int day, bool fires)
    {
        var result = Evaluate(Postpartum(day) with { Swelling = Swelling.BothAnklesGradual });

        Assert.Equal(fires, result.Rules.Contains(RuleId.Ro7));
        AssertNotFired(result, RuleId.No2);
        AssertFired(result, RuleId.No1);
        Assert.Equal(fires ? TriageLevel.Routine : TriageLevel.None, result.Level);
    }

    [Fact]
    public void No2_BothAnklesGradualWhilePregnant()
    {
        var result = Evaluate(TypicalCramp with { Swelling = Swelling.BothAnklesGradual });

        Assert.Equal(new FiredRules().With(RuleId.No1).With(RuleId.No2), result.Rules);
        Assert.Equal(TriageLevel.None, result.Level);
    }

    [Fact]
    public void No2_NotWithUr11()
    {
        var result = Evaluate(TypicalCramp with { Swelling = Swelling.BothAnklesGradual, FaceOrHandSwelling = true });

        AssertNotFired(result, RuleId.No2);
        AssertFired(result, RuleId.Ur11);
        Assert.Equal(TriageLevel.Urgent, result.Level);
    }

    [Fact]
    public void No2_WhilePregnantOrWithTheStageUnknown()
    {
        AssertNotFired(Evaluate(Postpartum(100) with { Swelling = Swelling.BothAnklesGradual }), RuleId.No2);
        AssertNotFired(Evaluate(AfterLoss(10) with { Swelling = Swelling.BothAnklesGradual }), RuleId.No2);
        AssertNotFired(Evaluate(TypicalCramp), RuleId.No2);
        // The stage unknown is read as pregnancy and the postnatal window: NO-2 and RO-7 both.
        var unknown = Evaluate(StageUnknown with { Swelling = Swelling.BothAnklesGradual });
        AssertFired(unknown, RuleId.No2);
        AssertFired(unknown, RuleId.Ro7);
    }

    // ---- UR-1, UR-3, UR-4, UR-8, UR-10, UR-11 ----

    [Theory]
    [InlineData(Swelling.OneLeg, true, false)]
    [InlineData(Swelling.WholeLeg, true, true)]
    [InlineData(Swelling.BothAnklesGradual, false, false)]
    [InlineData(Swelling.None, false, false)]
    [InlineData(Swelling.NotOneLeg, false, false)]
    public void Ur1AndUr8_Swelling(Swelling swelling, bool ur1, bool ur8)
    {
        var result = Evaluate(TypicalCramp with { Swelling = swelling });

        Assert.Equal(ur1, result.Rules.Contains(RuleId.Ur1));
        Assert.Equal(ur8, result.Rules.Contains(RuleId.Ur8));
    }

    [Fact]
    public void Ur8_OneLegWithButtockGroinOrBackPain_NotWithoutSwelling()
    {
        AssertFired(Evaluate(TypicalCramp with { Swelling = Swelling.OneLeg, ButtockGroinOrBackPain = true }), RuleId.Ur8);
        AssertNotFired(Evaluate(TypicalCramp with { Swelling = Swelling.OneLeg }), RuleId.Ur8);
        AssertNotFired(Evaluate(TypicalCramp with { ButtockGroinOrBackPain = true }), RuleId.Ur8);
        AssertNotFired(Evaluate(TypicalCramp with { Swelling = Swelling.BothAnklesGradual, ButtockGroinOrBackPain = true }), RuleId.Ur8);
    }

    [Theory]
    [InlineData(TriageSide.Left)]
    [InlineData(TriageSide.Both)]
    [InlineData(TriageSide.None)]
    [InlineData(TriageSide.NotGiven)]
    public void Ur3_RedOrWarm_WhateverTheSide(TriageSide side)
    {
        AssertFired(Evaluate(TypicalCramp with { Side = side, RedOrDarkerSkin = true }), RuleId.Ur3);
        AssertFired(Evaluate(TypicalCramp with { Side = side, Warmth = true }), RuleId.Ur3);
    }

    [Fact]
    public void Ur4_HardSoreVeinOrTenderness()
    {
        AssertFired(Evaluate(TypicalCramp with { HardSoreVein = true }), RuleId.Ur4);
        AssertFired(Evaluate(TypicalCramp with { Tenderness = true }), RuleId.Ur4);
        AssertNotFired(Evaluate(TypicalCramp with { HardSoreVein = null, Tenderness = null }), RuleId.Ur4);
    }

    [Fact]
    public void Ur10_FeverWithRedWarmOrSwollenLeg_NotFeverAlone()
    {
        AssertFired(Evaluate(TypicalCramp with { Fever = true, RedOrDarkerSkin = true }), RuleId.Ur10);
        AssertFired(Evaluate(TypicalCramp with { Fever = true, Warmth = true }), RuleId.Ur10);
        AssertFired(Evaluate(TypicalCramp with { Fever = true, Swelling = Swelling.OneLeg }), RuleId.Ur10);
        AssertFired(Evaluate(TypicalCramp with { Fever = true, Swelling = Swelling.WholeLeg }), RuleId.Ur10);
        AssertNotFired(Evaluate(TypicalCramp with { Fever = true, Swelling = Swelling.BothAnklesGradual }), RuleId.Ur10);
        // A fever alone is not UR-10; in pregnancy it is UR-13 (2026.2), and day 43 after a birth it fires nothing.
        var feverAlone = Evaluate(TypicalCramp with { Fever = true });
        AssertNotFired(feverAlone, RuleId.Ur10);
        Assert.Equal(new FiredRules().With(RuleId.Ur13), feverAlone.Rules);
        Assert.Equal(TriageLevel.None, Evaluate(Postpartum(43) with { Fever = true }).Level);
    }

    [Fact]
    public void Ur11_EachPreEclampsiaSign_PregnantOrPostpartum()
    {
        Func<TriageInput, TriageInput>[] signs =
        [
            i => i with { FaceOrHandSwelling = true },
            i => i with { SevereHeadache = true },
            i => i with { VisionProblems = true },
            i => i with { PainBelowRibs = true },
        ];
        foreach (var sign in signs)
        {
            AssertFired(Evaluate(sign(TypicalCramp)), RuleId.Ur11);
            AssertFired(Evaluate(sign(Postpartum(5))), RuleId.Ur11);
        }
    }

    // ---- FS-1: fail safe (principle 2) ----

    public static TheoryData<string> RedFlagQuestionNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (name, _) in RedFlagQuestions)
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RedFlagQuestionNames))]
    public void Fs1_AnyRedFlagQuestionUnanswered_RoutineAndIncomplete(string question)
    {
        var unanswer = RedFlagQuestions.Single(q => q.Name == question).Unanswer;

        var result = Evaluate(unanswer(TypicalCramp));

        AssertFired(result, RuleId.Fs1);
        Assert.Equal(TriageLevel.Routine, result.Level);
        Assert.True(result.IsIncomplete);
        Assert.False(result.IsFlag);
        Assert.Equal(new[] { Enum.Parse<TriageField>(question, ignoreCase: true) }, TriageRules.UnansweredRedFlags(unanswer(TypicalCramp)));
    }

    [Theory]
    [InlineData("heavyAche")]
    [InlineData("painOnWalkingOrStanding")]
    [InlineData("painPullingToesUp")]
    [InlineData("tenderness")]
    public void Fs1_PainLeftAndAUr5QuestionUnanswered_RoutineAndIncomplete_AlsoWhenThePainHasGone(string question)
    {
        Func<TriageInput, TriageInput> unanswer = question switch
        {
            "heavyAche" => i => i with { HeavyAche = null },
            "painOnWalkingOrStanding" => i => i with { PainOnWalkingOrStanding = null },
            "painPullingToesUp" => i => i with { PainPullingToesUp = null },
            _ => i => i with { Tenderness = null },
        };

        var stillThere = unanswer(PainAfter(TypicalCramp, 1m, improving: true));
        var gone = unanswer(PainAfter(TypicalCramp, 1m, improving: true, gone: true));
        var noPain = unanswer(TypicalCramp);

        foreach (var input in new[] { stillThere, gone })
        {
            var result = Evaluate(input);
            AssertFired(result, RuleId.Fs1);
            AssertNotFired(result, RuleId.No1);
            Assert.True(result.IsIncomplete);
            Assert.Equal(new[] { Enum.Parse<TriageField>(question, ignoreCase: true) }, TriageRules.UnansweredRedFlags(input));
        }

        // Without pain left after the cramp the four are not needed (D56).
        AssertNotFired(Evaluate(noPain), RuleId.Fs1);
        AssertFired(Evaluate(noPain), RuleId.No1);
    }

    [Fact]
    public void Fs1_NothingAnsweredAtAll_RoutineNotNone()
    {
        var result = Evaluate(new TriageInput { GestationalWeek = 30 });

        Assert.Equal(new FiredRules().With(RuleId.Fs1), result.Rules);
        Assert.Equal(TriageLevel.Routine, result.Level);
        Assert.True(result.IsIncomplete);
        Assert.Equal(7, TriageRules.UnansweredRedFlags(new TriageInput()).Count);
    }

    [Fact]
    public void Fs1_OtherQuestionsUnanswered_DoNotFireIt()
    {
        var input = TypicalCramp with
        {
            HeavyAche = null, PainOnWalkingOrStanding = null, PainPullingToesUp = null, Tenderness = null, HardSoreVein = null,
            Fever = null, ButtockGroinOrBackPain = null, GradualBreathlessness = null, RacingHeart = null, Dizziness = null,
            FaceOrHandSwelling = null, SuddenFeetSwelling = null, SevereHeadache = null, VisionProblems = null, PainBelowRibs = null,
            SleepBadlyDisturbed = null, CrampOver10Minutes = null,
        };

        var result = Evaluate(input);

        AssertNotFired(result, RuleId.Fs1);
        Assert.Equal(TriageLevel.None, result.Level);
    }

    [Fact]
    public void NotOneLeg_CountsAsAnsweredForFs1_AndAllowsNo1()
    {
        // 2026.2: the quick "no" to "Is one leg swollen?" is enough for an ordinary cramp (D50).
        var result = Evaluate(TypicalCramp with { Swelling = Swelling.NotOneLeg });

        AssertNotFired(result, RuleId.Fs1);
        Assert.Equal(new FiredRules().With(RuleId.No1), result.Rules);
        Assert.Equal(TriageLevel.None, result.Level);
        Assert.Empty(TriageRules.UnansweredRedFlags(TypicalCramp with { Swelling = Swelling.NotOneLeg }));
    }

    [Fact]
    public void IsIncomplete_OnlyFs1AboveNone_True_WithRo4_False()
    {
        var onlyFs1 = Evaluate(TypicalCramp with { Swelling = Swelling.NotAnswered });
        var fainting = Evaluate(TypicalCramp with { Fainted = null }); // 2026.2: NO-1 needs fainted answered no, and never fires beside FS-1
        var fs1AndRo4 = Evaluate(TypicalCramp with { Swelling = Swelling.NotAnswered, RiskFactors = RiskFactors.Thrombophilia });

        Assert.True(onlyFs1.IsIncomplete);
        Assert.False(onlyFs1.IsFlag);
        Assert.Equal(new FiredRules().With(RuleId.Fs1), fainting.Rules);
        Assert.True(fainting.IsIncomplete);
        Assert.Equal(TriageLevel.Routine, fs1AndRo4.Level);
        AssertFired(fs1AndRo4, RuleId.Fs1);
        AssertFired(fs1AndRo4, RuleId.Ro4);
        Assert.False(fs1AndRo4.IsIncomplete);
        Assert.True(fs1AndRo4.IsFlag);
    }

    [Fact]
    public void IsIncomplete_Fs1WithAnUrgentRule_False()
    {
        var result = Evaluate(TypicalCramp with { ChestPain = null, Warmth = true });

        Assert.Equal(TriageLevel.Urgent, result.Level);
        Assert.False(result.IsIncomplete);
        Assert.True(result.IsFlag);
    }

    // ---- NO-1: typical cramp ----

    [Fact]
    public void No1_PainAfterImprovingUpTo24h_StillTypical()
    {
        AssertFired(Evaluate(PainAfter(TypicalCramp, 24m, improving: true)), RuleId.No1);
        AssertNotFired(Evaluate(PainAfter(TypicalCramp, 24.5m, improving: true)), RuleId.No1);
        AssertNotFired(Evaluate(PainAfter(TypicalCramp, 2m, improving: false)), RuleId.No1);
        AssertNotFired(Evaluate(PainAfter(TypicalCramp, 2m, improving: null)), RuleId.No1);
    }

    [Fact]
    public void No1_NeedsRelievedAndAKnownShortCramp()
    {
        AssertNotFired(Evaluate(TypicalCramp with { Relieved = null }), RuleId.No1);
        AssertNotFired(Evaluate(TypicalCramp with { Relieved = false }), RuleId.No1);
        AssertNotFired(Evaluate(TypicalCramp with { CrampMinutes = null }), RuleId.No1);
        AssertFired(Evaluate(TypicalCramp with { CrampMinutes = 0m }), RuleId.No1);
    }

    [Theory]
    [InlineData(false, true, false)]
    [InlineData(true, false, true)]
    [InlineData(null, false, false)]
    public void QuickMoreThan10Minutes_WithoutMinutes_ShortGivesNo1_LongGivesRo2(bool? over10, bool no1, bool ro2)
    {
        var result = Evaluate(TypicalCramp with { CrampMinutes = null, CrampOver10Minutes = over10, Swelling = Swelling.NotOneLeg });

        Assert.Equal(no1, result.Rules.Contains(RuleId.No1));
        Assert.Equal(ro2, result.Rules.Contains(RuleId.Ro2));
        Assert.Equal(ro2 ? TriageLevel.Routine : TriageLevel.None, result.Level);
    }

    [Theory]
    [InlineData("dizziness")]
    [InlineData("gradualBreathlessness")]
    [InlineData("suddenFeetSwelling")]
    [InlineData("fainted")]
    public void No1_NotWithDizzinessGradualBreathlessnessOrSuddenFeetSwelling_NorFaintingUnanswered(string what)
    {
        var input = what switch
        {
            "dizziness" => TypicalCramp with { Dizziness = true },
            "gradualBreathlessness" => TypicalCramp with { GradualBreathlessness = true },
            "suddenFeetSwelling" => TypicalCramp with { SuddenFeetSwelling = true },
            _ => TypicalCramp with { Fainted = null },
        };

        AssertNotFired(Evaluate(input), RuleId.No1);
        // Those three may be unanswered: NO-1 still fires (they are not red-flag questions).
        AssertFired(Evaluate(TypicalCramp with { Dizziness = null, GradualBreathlessness = null, SuddenFeetSwelling = null }), RuleId.No1);
    }

    [Fact]
    public void Dizziness_Alone_IsNoneWithNoRule()
    {
        var result = Evaluate(TypicalCramp with { Dizziness = true });

        Assert.True(result.Rules.IsEmpty, $"fired [{Codes(result)}]");
        Assert.Equal(TriageLevel.None, result.Level);
    }

    [Fact]
    public void No1_BesideRo4_Routine()
    {
        var result = Evaluate(TypicalCramp with { RiskFactors = RiskFactors.PreviousVte });

        Assert.Equal(new FiredRules().With(RuleId.Ro4).With(RuleId.No1), result.Rules);
        Assert.Equal(TriageLevel.Routine, result.Level);
    }

    // ---- principle 3: context alone never escalates ----

    [Fact]
    public void LeftSideFirstTrimesterAndTravel_AloneNeverEscalateATypicalCramp()
    {
        var result = Evaluate(TypicalCramp with { Side = TriageSide.Left, GestationalWeek = 10, CalfDifferenceCm = 0m, RiskFactors = RiskFactors.LongTravel });

        Assert.Equal(TriageLevel.None, result.Level);
        Assert.Equal(new FiredRules().With(RuleId.No1), result.Rules);
        Assert.Equal(2, result.LeftScore);
        Assert.True(result.HighRiskContext);
    }

    // ---- RCOG points and the high-risk context (README §2) ----

    [Theory]
    [InlineData("", 0)]
    [InlineData("bmi-30", 1)]
    [InlineData("bmi-40", 2)]
    [InlineData("bmi-30,bmi-40", 2)]
    [InlineData("previous-vte", 4)]
    [InlineData("previous-vte-surgical", 3)]
    [InlineData("previous-vte,previous-vte-surgical", 4)]
    [InlineData("thrombophilia", 3)]
    [InlineData("medical-comorbidity", 3)]
    [InlineData("family-history-vte", 1)]
    [InlineData("age-over-35", 1)]
    [InlineData("parity-3-plus", 1)]
    [InlineData("smoker", 1)]
    [InlineData("gross-varicose-veins", 1)]
    [InlineData("pre-eclampsia", 1)]
    [InlineData("ivf", 1)]
    [InlineData("multiple-pregnancy", 1)]
    [InlineData("age-over-35,smoker,bmi-40,previous-vte-surgical", 7)]
    [InlineData("prolonged-labour,pph,preterm-birth,stillbirth", 0)] // birth-related: not while pregnant
    public void RcogPoints_WhilePregnant(string risks, int points)
    {
        var input = TypicalCramp with { RiskFactors = Risks(risks) };

        Assert.Equal(points, RiskProfile.RcogPoints(input, TriageOptions.Default));
        Assert.Equal(points, Evaluate(input).RcogPoints);
    }

    [Theory]
    [InlineData("long-travel")]
    [InlineData("hyperemesis-or-dehydration")]
    [InlineData("immobility")]
    [InlineData("systemic-infection")]
    [InlineData("surgery-recent")]
    [InlineData("ohss")]
    public void TransientFactor_NoPointsButHighRiskContext_AndNoRo4(string risk)
    {
        var result = Evaluate(TypicalCramp with { RiskFactors = Risks(risk) });

        Assert.Equal(0, result.RcogPoints);
        Assert.True(result.HighRiskContext);
        AssertNotFired(result, RuleId.Ro4);
        Assert.Equal(TriageLevel.None, result.Level);
    }

    [Theory]
    [InlineData(BirthMode.CaesareanInLabour, 0, 2)]
    [InlineData(BirthMode.CaesareanInLabour, 10, 2)]
    [InlineData(BirthMode.CaesareanInLabour, 42, 2)]
    [InlineData(BirthMode.CaesareanInLabour, 43, 0)]
    [InlineData(BirthMode.CaesareanPlanned, 10, 1)]
    [InlineData(BirthMode.CaesareanPlanned, 43, 0)]
    [InlineData(BirthMode.OperativeVaginal, 10, 1)]
    [InlineData(BirthMode.Vaginal, 10, 0)]
    public void RcogPoints_BirthModeOnlyUpToPostpartumDay42(BirthMode birth, int day, int points) =>
        Assert.Equal(points, Evaluate(Postpartum(day, birth)).RcogPoints);

    [Theory]
    [InlineData(10, 4)]
    [InlineData(42, 4)]
    [InlineData(43, 0)]
    public void RcogPoints_BirthRelatedFactorsOnlyUpToPostpartumDay42(int day, int points) =>
        Assert.Equal(points, Evaluate(Postpartum(day) with { RiskFactors = Risks("prolonged-labour,pph,preterm-birth,stillbirth") }).RcogPoints);

    [Fact]
    public void RcogPoints_EveryFactor_PregnantAndPostpartum()
    {
        var all = AllRiskFactors.Aggregate(RiskFactors.None, (set, flag) => set | flag);

        // previous-vte 4, bmi-40 2, thrombophilia 3, comorbidity 3, eight 1-point factors; transient factors 0.
        Assert.Equal(20, Evaluate(TypicalCramp with { RiskFactors = all }).RcogPoints);
        // + caesarean in labour 2 + four birth-related factors.
        Assert.Equal(26, Evaluate(Postpartum(10, BirthMode.CaesareanInLabour) with { RiskFactors = all }).RcogPoints);
        Assert.Equal(20, Evaluate(Postpartum(43, BirthMode.CaesareanInLabour) with { RiskFactors = all }).RcogPoints);
    }

    [Fact]
    public void CaesareanInLabourWithOnePointFactor_Day42_IsHighRiskProfile_Day43_IsNot()
    {
        var day42 = Evaluate(Postpartum(42, BirthMode.CaesareanInLabour) with { RiskFactors = RiskFactors.Smoker });
        var day43 = Evaluate(Postpartum(43, BirthMode.CaesareanInLabour) with { RiskFactors = RiskFactors.Smoker });

        Assert.Equal(3, day42.RcogPoints);
        AssertFired(day42, RuleId.Ro4);
        Assert.Equal(1, day43.RcogPoints);
        AssertNotFired(day43, RuleId.Ro4);
        Assert.False(day43.HighRiskContext);
    }

    [Theory]
    [InlineData("age-over-35,smoker", false)]
    [InlineData("age-over-35,smoker,bmi-30", true)]
    [InlineData("bmi-40,ivf", true)]
    [InlineData("previous-vte-surgical", true)]
    [InlineData("thrombophilia", true)]
    public void Ro4AndHighRiskContext_FromThreeRcogPointsOrAPreviousClotOrThrombophilia(string risks, bool highRisk)
    {
        var result = Evaluate(TypicalCramp with { RiskFactors = Risks(risks) });

        Assert.Equal(highRisk, result.HighRiskContext);
        Assert.Equal(highRisk, result.Rules.Contains(RuleId.Ro4));
        Assert.Equal(highRisk ? TriageLevel.Routine : TriageLevel.None, result.Level);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(42, true)]
    [InlineData(43, false)]
    public void HighRiskContext_PostnatalWindowIsDays0To42(int day, bool highRisk) =>
        Assert.Equal(highRisk, Evaluate(Postpartum(day)).HighRiskContext);

    // ---- LEFt (README §4) ----

    [Theory]
    [InlineData(TriageSide.Left, "0", 30, 1)]
    [InlineData(TriageSide.Right, "2.0", 30, 1)]
    [InlineData(TriageSide.Right, "1.9", 30, 0)]
    [InlineData(TriageSide.Right, "0", 13, 1)]
    [InlineData(TriageSide.Right, "0", 14, 0)]
    [InlineData(TriageSide.Both, "2.0", 4, 2)]
    [InlineData(TriageSide.Left, "2.0", 13, 3)]
    [InlineData(TriageSide.Left, "2.0", 14, 2)]
    [InlineData(TriageSide.Left, "1.9", 14, 1)]
    public void LeftScore_LeftLegOedemaFirstTrimester(TriageSide side, string calf, int week, int score)
    {
        var input = TypicalCramp with { Side = side, CalfDifferenceCm = decimal.Parse(calf, System.Globalization.CultureInfo.InvariantCulture), GestationalWeek = week };

        Assert.Equal(score, Evaluate(input).LeftScore);
    }

    [Fact]
    public void LeftScore_NullAfterTheEndOfPregnancyWithTheStageUnknownOrWithoutCalfMeasure()
    {
        Assert.Null(Evaluate(Postpartum(10) with { Side = TriageSide.Left, CalfDifferenceCm = 3m }).LeftScore);
        Assert.Null(Evaluate(AfterLoss(10) with { Side = TriageSide.Left, CalfDifferenceCm = 3m }).LeftScore);
        Assert.Null(Evaluate(TypicalCramp with { Side = TriageSide.Left, GestationalWeek = 10, CalfDifferenceCm = null }).LeftScore);
        Assert.Null(Evaluate(StageUnknown with { Side = TriageSide.Left, CalfDifferenceCm = 0m }).LeftScore);
    }

    [Theory]
    [InlineData(TriageSide.Right, TriageSide.Left, 1)]
    [InlineData(TriageSide.Left, TriageSide.Right, 0)]
    [InlineData(TriageSide.Left, TriageSide.Both, 0)]
    [InlineData(TriageSide.Left, TriageSide.NotGiven, 1)]
    [InlineData(TriageSide.Both, TriageSide.NotGiven, 0)]
    public void LeftScore_LeftLegIsTheLegThatStillHurts_WhenSheSaid(TriageSide cramped, TriageSide stillHurts, int score)
    {
        var input = PainAfter(TypicalCramp with { Side = cramped, CalfDifferenceCm = 0m }, 1m, improving: true, side: stillHurts);

        Assert.Equal(score, Evaluate(input).LeftScore);
    }

    // ---- the stage unknown (the app only) and a loss (README §2) ----

    [Fact]
    public void StageUnknown_ReadsTheMaternityPeriod_HighRiskContextAndBirthPoints_NeverAfterDay42()
    {
        var result = Evaluate(StageUnknown with { RiskFactors = Risks("pph") });

        Assert.True(result.HighRiskContext);
        Assert.Equal(1, result.RcogPoints);
        AssertNotFired(Evaluate(StageUnknown with { SuddenFeetSwelling = true }), RuleId.Ur20);
    }

    [Theory]
    [InlineData(20, 3, true)]
    [InlineData(50, 2, false)]
    public void RcogPoints_BirthRelatedFactorsCountAfterALossUpToDay42(int day, int points, bool ro4)
    {
        // D112, D113: heavy bleeding with a miscarriage, age over 35, smoker.
        var result = Evaluate(AfterLoss(day) with { RiskFactors = Risks("pph,age-over-35,smoker") });

        Assert.Equal(points, result.RcogPoints);
        Assert.Equal(ro4, result.Rules.Contains(RuleId.Ro4));
    }
}
