using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Triage.TriageTestInputs;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>
/// Properties of the engine over generated inputs (<see cref="TriageGenerators"/>), each checked on at least 1,000
/// generated inputs: the clinical principles (fail safe, never downgrade, highest level wins), determinism and the
/// stored format, and agreement with an independent reading of the "Exact triggers" table.
/// </summary>
public sealed class TriagePropertyTests
{
    private const int Cases = 1000;

    private static string Show(in TriageInput input, TriageResult result) =>
        $"{result.Level.ToCode()} [{result.Rules}] for {TriageCaseFile.ToJson(input)}";

    // ---- principle 3: never downgrade ----

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void AddingAnyRedFlag_NeverLowersTheLevel(TriageInput input)
    {
        var before = Evaluate(input);
        foreach (var (name, add) in RedFlags)
        {
            var after = Evaluate(add(input));
            Assert.True(after.Level >= before.Level, $"adding {name} lowered {Show(input, before)} to {Show(add(input), after)}");
            var least = name is "suddenBreathlessness" or "chestPain" or "coughingBlood" or "fainted" ? TriageLevel.Emergency : TriageLevel.Urgent;
            Assert.True(after.Level >= least, $"adding {name} gave only {Show(add(input), after)}");
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void AddingAnyRiskFactor_NeverLowersTheLevel(TriageInput input, RiskFactors extra)
    {
        var before = Evaluate(input);
        foreach (var flag in AllRiskFactors)
        {
            AssertNotLower(input with { RiskFactors = input.RiskFactors | flag }, $"adding {RiskFactorCatalog.Get(flag).Code}");
        }

        AssertNotLower(input with { RiskFactors = input.RiskFactors | extra }, $"adding {extra}");

        void AssertNotLower(TriageInput more, string what)
        {
            var after = Evaluate(more);
            Assert.True(after.Level >= before.Level, $"{what} lowered {Show(input, before)} to {Show(more, after)}");
            Assert.True(after.RcogPoints >= before.RcogPoints, $"{what} lowered RCOG points {before.RcogPoints} to {after.RcogPoints}");
            Assert.True(after.HighRiskContext || !before.HighRiskContext, $"{what} removed the high-risk context");
            Assert.Equal(before.LeftScore, after.LeftScore);
        }
    }

    // ---- principle 2: fail safe ----

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void AnyRedFlagQuestionUnanswered_NeverNone(TriageInput input)
    {
        foreach (var (name, unanswer) in RedFlagQuestions)
        {
            var unanswered = unanswer(input);
            var result = Evaluate(unanswered);
            Assert.True(result.Level >= TriageLevel.Routine, $"{name} unanswered gave {Show(unanswered, result)}");
            Assert.True(result.Rules.Contains(RuleId.Fs1), $"{name} unanswered without FS-1: {Show(unanswered, result)}");
        }

        var original = Evaluate(input);
        if (original.Level == TriageLevel.None)
        {
            Assert.False(TriageRules.HasUnansweredRedFlag(input), $"NONE with a red-flag question unanswered: {Show(input, original)}");
        }
    }

    // ---- determinism and the stored format ----

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void SameInput_SameResult_AlsoAfterStoringAndReadingItBack(TriageInput input)
    {
        var first = Evaluate(input);
        var second = Evaluate(input);
        var freshEngine = new TriageEngine(new TriageOptions()).Evaluate(input);
        Assert.Equal(first, second);
        Assert.Equal(first, freshEngine);

        var json = TriageCaseFile.ToJson(input);
        var readBack = TriageCaseFile.ParseInput(json);
        Assert.True(input == readBack, $"round trip changed the input:\n  {input}\n  {readBack}\n  via {json}");
        Assert.Equal(first, Evaluate(readBack));
        Assert.Equal(json, TriageCaseFile.ToJson(readBack));
    }

    // ---- principle 1: the highest fired level wins ----

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void Level_IsTheHighestLevelOfTheFiredRules(TriageInput input)
    {
        var result = Evaluate(input);

        var highest = TriageLevel.None;
        foreach (var id in result.Rules)
        {
            highest = TriageRules.Get(id).Level > highest ? TriageRules.Get(id).Level : highest;
        }

        Assert.True(highest == result.Level, Show(input, result));
        Assert.Equal(result.IsFlag, result.Level > TriageLevel.None && !result.IsIncomplete);
        Assert.Equal(result.IsIncomplete,
            result.Rules.Contains(RuleId.Fs1) && result.Rules.ToList().All(id => id == RuleId.Fs1 || TriageRules.Get(id).Level == TriageLevel.None));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void EmergencyRuleFired_IfAndOnlyIfLevelEmergency(TriageInput input)
    {
        var result = Evaluate(input);

        Assert.True(result.Rules.AnyBetween(RuleId.Em1, RuleId.Em5) == (result.Level == TriageLevel.Emergency), Show(input, result));
        // NO-1 (typical cramp) never stands beside an EM or UR rule.
        Assert.False(result.Rules.Contains(RuleId.No1) && result.Level >= TriageLevel.Urgent, Show(input, result));
    }

    // ---- the "Exact triggers" table, read independently ----

    [Property(MaxTest = 2000, Arbitrary = [typeof(TriageArbitraries)])]
    public void EveryRule_FiresExactlyWhenItsExactTriggerHolds(TriageInput input)
    {
        var result = Evaluate(input);
        var expected = ExactTriggers.Fired(input);

        Assert.True(expected == result.Rules, $"expected [{expected}], engine fired [{result.Rules}] for {TriageCaseFile.ToJson(input)}");
        Assert.Equal(ExactTriggers.RcogPoints(input), result.RcogPoints);
        Assert.Equal(ExactTriggers.HighRiskContext(input), result.HighRiskContext);
        Assert.Equal(ExactTriggers.LeftScore(input), result.LeftScore);
    }
}

/// <summary>
/// The "Exact triggers" table of shared triage-cases.md and README §2/§4, written out again here from the spec text,
/// independently of the engine's rule table (no shared code beyond the input type), as an oracle for the properties.
/// </summary>
internal static class ExactTriggers
{
    private static bool Yes(bool? answer) => answer == true;

    public static FiredRules Fired(in TriageInput i)
    {
        // Stages (triage-cases.md "Exact triggers"; README §2 for the app-only unknown stage).
        var pregnant = i.GestationalWeek is not null;
        var postnatal = i.PostpartumDay is >= 0 and <= 42;
        var afterDay42 = i.PostpartumDay > 42;
        var unknown = i.GestationalWeek is null && i.PostpartumDay is null;

        // Pain hours: the larger of painAfterCramp.hours and continuousPainMinutes / 60, a null one counting 0.
        var afterHours = i.HasPainAfterCramp ? i.PainAfterHours ?? 0m : 0m;
        var painHours = Math.Max(afterHours, (i.ContinuousPainMinutes ?? 0m) / 60m);
        var painStillThere = i.HasPainAfterCramp && i.PainAfterGone != true;
        var legPain = painStillThere || i.ContinuousPainMinutes > 0m;
        var shortCramp = i.CrampMinutes <= 10m || i.CrampOver10Minutes == false;
        var longCramp = i.CrampMinutes > 10m || i.CrampOver10Minutes == true;
        var legSwollen = i.Swelling is Swelling.OneLeg or Swelling.WholeLeg;
        var notImproving = i.HasPainAfterCramp && i.PainAfterImproving != true;

        var ur1 = legSwollen;
        var ur2 = i.CalfDifferenceCm >= 2.0m;
        var ur3 = Yes(i.RedOrDarkerSkin) || Yes(i.Warmth);
        var ur4 = Yes(i.HardSoreVein) || Yes(i.Tenderness);
        var ur5 = i.HasPainAfterCramp && (Yes(i.HeavyAche) || Yes(i.PainOnWalkingOrStanding) || Yes(i.PainPullingToesUp) || Yes(i.Tenderness));
        var ur6 = notImproving && i.PainAfterHours >= 6m;
        var ur7 = HighRiskContext(i) && painHours >= 2m;
        var ur8 = i.Swelling == Swelling.WholeLeg || (i.Swelling == Swelling.OneLeg && Yes(i.ButtockGroinOrBackPain));
        var ur9 = i.ContinuousPainMinutes > 60m;
        var ur10 = Yes(i.Fever) && (Yes(i.RedOrDarkerSkin) || Yes(i.Warmth) || legSwollen);
        var ur11 = Yes(i.FaceOrHandSwelling) || Yes(i.SevereHeadache) || Yes(i.VisionProblems) || Yes(i.PainBelowRibs) ||
                   (Yes(i.SuddenFeetSwelling) && (pregnant || postnatal || unknown));
        var ur12 = Yes(i.Fever) && (postnatal || unknown);
        var ur13 = Yes(i.Fever) && (pregnant || unknown);
        var ur14 = notImproving && i.PainAfterHours >= 4m && i.CalfDifferenceCm >= 1.5m;
        var ur15 = Yes(i.RacingHeart) && Yes(i.GradualBreathlessness);
        var ur16 = Yes(i.RacingHeart) && legPain;
        var ur17 = Yes(i.GradualBreathlessness) && Yes(i.Dizziness) && (pregnant || postnatal || unknown);
        var ur18 = Yes(i.GradualBreathlessness) && legPain;
        var ur19 = Yes(i.Dizziness) && legPain;
        var ur20 = Yes(i.SuddenFeetSwelling) && afterDay42;
        var legSign = ur1 || ur2 || ur3 || ur4 || ur5 || ur6 || ur7 || ur14;

        var em1 = Yes(i.SuddenBreathlessness);
        var em2 = Yes(i.ChestPain);
        var em3 = Yes(i.CoughingBlood);
        var em4 = Yes(i.Fainted);
        var em5 = Yes(i.RacingHeart) && (Yes(i.SuddenBreathlessness) || Yes(i.ChestPain) || Yes(i.Dizziness) || Yes(i.Fainted) || legSign);
        bool[] emOrUr = [em1, em2, em3, em4, em5, ur1, ur2, ur3, ur4, ur5, ur6, ur7, ur8, ur9, ur10, ur11, ur12, ur13, ur14, ur15, ur16, ur17, ur18, ur19, ur20];
        var anyEmOrUr = emOrUr.Any(x => x);

        var nights = new List<int> { 0 };
        nights.AddRange(i.NightsAgo());
        var ro1 = Yes(i.SleepBadlyDisturbed) || (nights.Count(n => n <= 6) >= 3 && nights.Count(n => n is >= 7 and <= 13) >= 3);
        var ro2 = (longCramp || i.ContinuousPainMinutes > 10m) &&
                  !(ur1 || ur2 || ur3 || ur4 || ur5 || ur6 || ur7 || ur8 || ur9 || ur10);
        var ro3 = i.CalfDifferenceCm >= 1.0m && i.CalfDifferenceCm < 2.0m;
        var ro4 = (i.RiskFactors & (RiskFactors.PreviousVte | RiskFactors.PreviousVteSurgical | RiskFactors.Thrombophilia)) != 0 ||
                  RcogPoints(i) >= 3;
        var ro5 = Yes(i.RacingHeart) && !em5;
        var ro6 = Yes(i.GradualBreathlessness) && !Yes(i.SuddenBreathlessness) && !Yes(i.ChestPain);
        var ro7 = (postnatal || unknown) && i.Swelling == Swelling.BothAnklesGradual;
        var ro8 = i.HasPainAfterCramp && i.PainAfterImproving == true && i.PainAfterHours > 24m;
        var fs1 = i.SuddenBreathlessness is null || i.ChestPain is null || i.CoughingBlood is null || i.Fainted is null ||
                  i.Swelling == Swelling.NotAnswered || i.RedOrDarkerSkin is null || i.Warmth is null ||
                  (i.HasPainAfterCramp && (i.HeavyAche is null || i.PainOnWalkingOrStanding is null || i.PainPullingToesUp is null || i.Tenderness is null));
        var no1 = shortCramp && Yes(i.Relieved) &&
                  (!i.HasPainAfterCramp || (i.PainAfterImproving == true && i.PainAfterHours <= 24m)) &&
                  i.Swelling is Swelling.None or Swelling.BothAnklesGradual or Swelling.NotOneLeg &&
                  i.RedOrDarkerSkin == false && i.Warmth == false && i.SuddenBreathlessness == false && i.ChestPain == false &&
                  i.CoughingBlood == false && i.Fainted == false &&
                  !Yes(i.Dizziness) && !Yes(i.GradualBreathlessness) && !Yes(i.SuddenFeetSwelling) &&
                  !fs1 && !anyEmOrUr;
        var no2 = (pregnant || unknown) && i.Swelling == Swelling.BothAnklesGradual && !ur11;

        bool[] fired = [.. emOrUr, ro1, ro2, ro3, ro4, ro5, ro6, ro7, ro8, fs1, no1, no2];
        var set = new FiredRules();
        for (var k = 0; k < fired.Length; k++)
        {
            if (fired[k])
            {
                set = set.With((RuleId)k);
            }
        }

        return set;
    }

    /// <summary>README §2: the RCOG 37a points total.</summary>
    public static int RcogPoints(in TriageInput i)
    {
        var r = i.RiskFactors;
        bool Has(RiskFactors f) => (r & f) != 0;
        var points = Has(RiskFactors.PreviousVte) ? 4 : Has(RiskFactors.PreviousVteSurgical) ? 3 : 0;
        points += Has(RiskFactors.Bmi40) ? 2 : Has(RiskFactors.Bmi30) ? 1 : 0;
        points += (Has(RiskFactors.Thrombophilia) ? 3 : 0) + (Has(RiskFactors.MedicalComorbidity) ? 3 : 0);
        foreach (var one in new[]
                 {
                     RiskFactors.FamilyHistoryVte, RiskFactors.AgeOver35, RiskFactors.Parity3Plus, RiskFactors.Smoker,
                     RiskFactors.GrossVaricoseVeins, RiskFactors.PreEclampsia, RiskFactors.Ivf, RiskFactors.MultiplePregnancy,
                 })
        {
            points += Has(one) ? 1 : 0;
        }

        // Birth-related points: after the pregnancy ended (a birth or a loss) up to day 42, and with the stage unknown.
        if (i.PostpartumDay is >= 0 and <= 42 || (i.GestationalWeek is null && i.PostpartumDay is null))
        {
            points += i.Birth switch
            {
                BirthMode.CaesareanInLabour => 2,
                BirthMode.CaesareanPlanned or BirthMode.OperativeVaginal => 1,
                _ => 0,
            };
            foreach (var birthRelated in new[] { RiskFactors.ProlongedLabour, RiskFactors.Pph, RiskFactors.PretermBirth, RiskFactors.Stillbirth })
            {
                points += Has(birthRelated) ? 1 : 0;
            }
        }

        return points;
    }

    /// <summary>README §2: the high-risk context.</summary>
    public static bool HighRiskContext(in TriageInput i) =>
        (i.RiskFactors & (RiskFactors.PreviousVte | RiskFactors.PreviousVteSurgical | RiskFactors.Thrombophilia | RiskFactors.SurgeryRecent |
                          RiskFactors.Immobility | RiskFactors.LongTravel | RiskFactors.HyperemesisOrDehydration | RiskFactors.Ohss |
                          RiskFactors.SystemicInfection)) != 0 ||
        i.PostpartumDay is >= 0 and <= 42 ||
        (i.GestationalWeek is null && i.PostpartumDay is null) ||
        RcogPoints(i) >= 3;

    /// <summary>README §4 and triage-cases.md: LEFt (L from "which leg still hurts" when answered, else the leg that cramped).</summary>
    public static int? LeftScore(in TriageInput i)
    {
        if (i.GestationalWeek is null || i.CalfDifferenceCm is not { } calf)
        {
            return null;
        }

        var left = i.HasPainAfterCramp && i.PainAfterSide is TriageSide.Left or TriageSide.Right or TriageSide.Both
            ? i.PainAfterSide == TriageSide.Left
            : i.Side == TriageSide.Left;
        return (left ? 1 : 0) + (calf >= 2.0m ? 1 : 0) + (i.GestationalWeek <= 13 ? 1 : 0);
    }
}
