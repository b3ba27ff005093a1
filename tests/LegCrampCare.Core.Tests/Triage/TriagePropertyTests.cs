using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
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

    // ---- 2026.2: the new inputs (clinical README §2, §3, "What changed in 2026.2"; triage-cases.md "Exact triggers") ----

    /// <summary>The 2026.2 yes/no inputs that are not red-flag questions: null there fires nothing (triage-cases.md).</summary>
    private static readonly (string Name, Func<TriageInput, bool?, TriageInput> Set)[] NewSymptoms =
    [
        ("suddenFeetSwelling", (i, answer) => i with { SuddenFeetSwelling = answer }),
        ("racingHeart", (i, answer) => i with { RacingHeart = answer }),
        ("dizziness", (i, answer) => i with { Dizziness = answer }),
        ("gradualBreathlessness", (i, answer) => i with { GradualBreathlessness = answer }),
        ("fever", (i, answer) => i with { Fever = answer }),
    ];

    /// <summary>The four UR-5 questions, red-flag questions too when pain remained after the cramp (principle 2).</summary>
    private static readonly (string Name, Func<TriageInput, bool?, TriageInput> Set)[] Ur5Questions =
    [
        ("heavyAche", (i, answer) => i with { HeavyAche = answer }),
        ("painOnWalkingOrStanding", (i, answer) => i with { PainOnWalkingOrStanding = answer }),
        ("painPullingToesUp", (i, answer) => i with { PainPullingToesUp = answer }),
        ("tenderness", (i, answer) => i with { Tenderness = answer }),
    ];

    private static readonly int[] Weeks = [4, 13, 30, 42];

    private static readonly int[] Days = [0, 10, 42, 43, 200, 365];

    private static readonly PregnancyEnd[] Ends = [PregnancyEnd.Birth, PregnancyEnd.Loss, PregnancyEnd.NotGiven];

    private static readonly TriageSide[] PainSides = [TriageSide.NotGiven, TriageSide.Left, TriageSide.Right, TriageSide.Both];

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void AnsweringYesToANewSymptom_NeverLowersTheLevel(TriageInput input)
    {
        foreach (var (name, set) in NewSymptoms)
        {
            var yes = set(input, true);
            var yesResult = EvaluateValid(yes);
            foreach (var other in new bool?[] { false, null })
            {
                var before = set(input, other);
                var beforeResult = EvaluateValid(before);
                AssertNotLower(yesResult, beforeResult, () => $"{name} yes lowered {Show(before, beforeResult)} to {Show(yes, yesResult)}");
            }

            // What each yes gives at least (README §3; "What changed in 2026.2"): sudden feet swelling is UR-11 or UR-20;
            // a racing heart RO-5 or EM-5; gradual breathlessness RO-6 (or EM-1/EM-2 beside it); a fever UR-12/UR-13 in the
            // maternity period. Dizziness alone fires nothing.
            var least = name switch
            {
                "suddenFeetSwelling" => TriageLevel.Urgent,
                "racingHeart" or "gradualBreathlessness" => TriageLevel.Routine,
                "fever" when yes.PostpartumDay is not > 42 => TriageLevel.Urgent,
                _ => TriageLevel.None,
            };
            Check(yesResult.Level >= least, () => $"{name} yes gave only {Show(yes, yesResult)}");
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void CrampOver10Minutes_YesNotLowerThanUnanswered_UnansweredNotLowerThanNo(TriageInput input)
    {
        // Without the minutes, so that any answer agrees with the input.
        var noMinutes = input with { CrampMinutes = null };
        var yes = noMinutes with { CrampOver10Minutes = true };
        var unanswered = noMinutes with { CrampOver10Minutes = null };
        var no = noMinutes with { CrampOver10Minutes = false };
        var (yesResult, unansweredResult, noResult) = (EvaluateValid(yes), EvaluateValid(unanswered), EvaluateValid(no));

        AssertNotLower(yesResult, unansweredResult, () => $"'more than 10 minutes' yes {Show(yes, yesResult)} below unanswered {Show(unanswered, unansweredResult)}");
        AssertNotLower(unansweredResult, noResult, () => $"'more than 10 minutes' unanswered {Show(unanswered, unansweredResult)} below no {Show(no, noResult)}");

        // With the minutes given, an answer that agrees with them changes nothing ("short cramp" / "long cramp").
        if (input.CrampMinutes is { } minutes)
        {
            var agreeing = input with { CrampOver10Minutes = minutes > TriageOptions.Default.TypicalCrampMaxMinutes };
            var withoutAnswer = input with { CrampOver10Minutes = null };
            var (agreeingResult, withoutAnswerResult) = (EvaluateValid(agreeing), EvaluateValid(withoutAnswer));
            if (agreeingResult != withoutAnswerResult)
            {
                Assert.Fail($"an agreeing 'more than 10 minutes' changed {Show(withoutAnswer, withoutAnswerResult)} to {Show(agreeing, agreeingResult)}");
            }
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void PainGone_NeverRaisesTheLevel_AndGoneUnansweredReadsAsStillThere(TriageInput input)
    {
        foreach (var pain in WithPainAfterCramp(input))
        {
            var gone = pain with { PainAfterGone = true };
            var stillThere = pain with { PainAfterGone = false };
            var unanswered = pain with { PainAfterGone = null };
            var (goneResult, stillResult, unansweredResult) = (EvaluateValid(gone), EvaluateValid(stillThere), EvaluateValid(unanswered));

            AssertNotLower(stillResult, goneResult, () => $"pain gone {Show(gone, goneResult)} above still there {Show(stillThere, stillResult)}");
            AssertNotLower(unansweredResult, goneResult, () => $"pain gone {Show(gone, goneResult)} above gone unanswered {Show(unanswered, unansweredResult)}");
            Check(unansweredResult == stillResult, () => $"gone null {Show(unanswered, unansweredResult)} differs from gone false {Show(stillThere, stillResult)}");
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void MorePainAfterHours_NeverLowersTheLevel(TriageInput input)
    {
        foreach (var pain in WithPainAfterCramp(input))
        {
            var start = pain.PainAfterHours!.Value;
            var more = TriageGenerators.PainHourBoundaries
                .Concat([start + 0.01m, start + 1m, start + 100m, 48m, 500m])
                .Where(h => h > start)
                .Distinct()
                .Order();
            var previous = pain;
            var previousResult = EvaluateValid(pain);
            foreach (var hours in more)
            {
                var next = pain with { PainAfterHours = hours };
                var nextResult = Evaluate(next);
                AssertNotLower(nextResult, previousResult, () => $"more hours lowered {Show(previous, previousResult)} to {Show(next, nextResult)}");
                (previous, previousResult) = (next, nextResult);
            }
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void LargerCalfDifference_NeverLowersTheLevel(TriageInput input)
    {
        foreach (var start in WithPainAfterCramp(input).Prepend(input))
        {
            var own = start.CalfDifferenceCm is { } cm ? new[] { cm, cm + 0.01m, cm + 0.5m } : [];
            var ladder = TriageGenerators.CalfBoundaries
                .Concat(own)
                .Concat([3m, 10m, 50m])
                .Distinct()
                .Order()
                .Select(cm => (decimal?)cm);
            var previous = start with { CalfDifferenceCm = null };
            var previousResult = EvaluateValid(previous);
            foreach (var calf in ladder)
            {
                var next = start with { CalfDifferenceCm = calf };
                var nextResult = Evaluate(next);
                AssertNotLower(nextResult, previousResult, () => $"a larger calf difference lowered {Show(previous, previousResult)} to {Show(next, nextResult)}");
                (previous, previousResult) = (next, nextResult);
            }
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void WhichLegStillHurts_NeverChangesTheLevelOrTheRules(TriageInput input)
    {
        // "Which leg still hurts?" never gates a rule; only LEFt's L reads it (README §2, triage-cases.md).
        foreach (var pain in WithPainAfterCramp(input))
        {
            var unanswered = pain with { PainAfterSide = TriageSide.NotGiven };
            var baseline = EvaluateValid(unanswered);
            foreach (var side in PainSides)
            {
                var sided = pain with { PainAfterSide = side };
                var result = EvaluateValid(sided);
                var same = result.Level == baseline.Level && result.Rules == baseline.Rules && result.RcogPoints == baseline.RcogPoints &&
                           result.HighRiskContext == baseline.HighRiskContext;
                Check(same, () => $"which leg still hurts = {side} gave {Show(sided, result)}, unanswered {Show(unanswered, baseline)}");
            }
        }

        // No rule reads episode.side either (triage-cases.md: 2026.1's "one side" condition is gone).
        var inputResult = EvaluateValid(input);
        foreach (var side in Enum.GetValues<TriageSide>())
        {
            var sided = input with { Side = side };
            var result = EvaluateValid(sided);
            Check(result.Level == inputResult.Level && result.Rules == inputResult.Rules, () => $"episode side = {side} gave {Show(sided, result)}, {input.Side} {Show(input, inputResult)}");
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void PregnancyEndedInLoss_SameLevelAndRulesAsABirthOnTheSameDay(TriageInput input)
    {
        // The engine reads a loss like a birth (README §2, postnatal window); only the wording differs. How the baby was
        // born is not given (a loss has none).
        var days = input.PostpartumDay is { } own ? Days.Append(own) : Days;
        foreach (var day in days)
        {
            var birth = AtDay(input, day, PregnancyEnd.Birth);
            var loss = AtDay(input, day, PregnancyEnd.Loss);
            var notGiven = AtDay(input, day, PregnancyEnd.NotGiven);
            var (birthResult, lossResult, notGivenResult) = (EvaluateValid(birth), EvaluateValid(loss), EvaluateValid(notGiven));

            Check(lossResult == birthResult, () => $"day {day}: loss {Show(loss, lossResult)}, birth {Show(birth, birthResult)}");
            Check(notGivenResult == birthResult, () => $"day {day}: pregnancyEnd not given {Show(notGiven, notGivenResult)}, birth {Show(birth, birthResult)}");
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void Ur5QuestionUnanswered_WithPainAfterCramp_FiresFs1AndIsNeverNone(TriageInput input)
    {
        // Principle 2: when pain remained after the cramp (still there or gone since), the four UR-5 questions are red flags.
        foreach (var pain in WithPainAfterCramp(input))
        {
            foreach (var (name, set) in Ur5Questions)
            {
                var unanswered = set(pain, null);
                var result = EvaluateValid(unanswered);
                Check(result.Rules.Contains(RuleId.Fs1), () => $"{name} unanswered with pain after the cramp, no FS-1: {Show(unanswered, result)}");
                Check(result.Level >= TriageLevel.Routine, () => $"{name} unanswered gave {Show(unanswered, result)}");
                Check(!result.Rules.Contains(RuleId.No1), () => $"{name} unanswered, NO-1 fired: {Show(unanswered, result)}");
            }
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void ImprovingUnanswered_SameResultAsNotImproving(TriageInput input)
    {
        // triage-cases.md: improving null or missing = not answered, read as not improving.
        foreach (var pain in WithPainAfterCramp(input))
        {
            var unanswered = pain with { PainAfterImproving = null };
            var notImproving = pain with { PainAfterImproving = false };
            var (unansweredResult, notImprovingResult) = (EvaluateValid(unanswered), EvaluateValid(notImproving));
            Check(unansweredResult == notImprovingResult, () => $"improving null {Show(unanswered, unansweredResult)} differs from improving false {Show(notImproving, notImprovingResult)}");
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void NewSymptomUnanswered_NeverFiresFs1_AndReadsAsNo(TriageInput input)
    {
        // Not red-flag questions: null there fires nothing (triage-cases.md), so it is the same as no, also for NO-1.
        foreach (var (name, set) in NewSymptoms)
        {
            var unanswered = set(input, null);
            var no = set(input, false);
            var (unansweredResult, noResult) = (EvaluateValid(unanswered), EvaluateValid(no));
            Check(unansweredResult == noResult, () => $"{name} null {Show(unanswered, unansweredResult)} differs from no {Show(no, noResult)}");
        }

        // Every red-flag question answered: FS-1 stays off whichever of them is left unanswered.
        var answered = AnswerEveryRedFlagQuestion(input);
        var answeredResult = EvaluateValid(answered);
        Check(!answeredResult.Rules.Contains(RuleId.Fs1), () => $"FS-1 with every red-flag question answered: {Show(answered, answeredResult)}");
        foreach (var (name, set) in NewSymptoms)
        {
            var unanswered = set(answered, null);
            var result = EvaluateValid(unanswered);
            Check(!result.Rules.Contains(RuleId.Fs1), () => $"{name} unanswered fired FS-1: {Show(unanswered, result)}");
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(TriageArbitraries)])]
    public void StageUnknown_NeverLowerThanAnyKnownStage(TriageInput input)
    {
        // README §2: an unknown stage is read as pregnancy and the postnatal window, never as after day 42 (app only).
        var unknown = input with { GestationalWeek = null, PostpartumDay = null, PregnancyEnd = PregnancyEnd.NotGiven, Birth = null };
        var unknownResult = EvaluateValid(unknown);
        Check(unknownResult.HighRiskContext, () => $"stage unknown without the high-risk context: {Show(unknown, unknownResult)}");
        Assert.Null(unknownResult.LeftScore);

        var known = Weeks.Select(week => input with { GestationalWeek = week, PostpartumDay = null, PregnancyEnd = PregnancyEnd.NotGiven, Birth = null })
            .Concat(Days.SelectMany(day => Ends.Select(end => AtDay(input, day, end))));
        if (input.GestationalWeek is not null || input.PostpartumDay is not null)
        {
            known = known.Append(input with { Birth = null });
        }

        foreach (var stage in known)
        {
            var result = EvaluateValid(stage);
            AssertNotLower(unknownResult, result, () => $"stage unknown {Show(unknown, unknownResult)} below {Show(stage, result)}");
        }
    }

    /// <summary>
    /// The input with pain after the cramp: its own (hours 0 when a stored input left them out), or, when it had none,
    /// pain added in a few shapes: still there, gone or unanswered; improving, not or unanswered; around 2, 4, 6 and 24 h.
    /// </summary>
    private static IEnumerable<TriageInput> WithPainAfterCramp(TriageInput input)
    {
        if (input.HasPainAfterCramp)
        {
            yield return input with { PainAfterHours = input.PainAfterHours ?? 0m };
            yield break;
        }

        yield return PainAfter(input, 2m, improving: null);
        yield return PainAfter(input, 4m, improving: false, side: TriageSide.Left);
        yield return PainAfter(input, 6m, improving: true, gone: null);
        yield return PainAfter(input, 25m, improving: true, side: TriageSide.Both);
        yield return PainAfter(input, 30m, improving: false, gone: true, side: TriageSide.Right);
    }

    /// <summary>The same answers <paramref name="day"/> days after the pregnancy ended, how the baby was born not given.</summary>
    private static TriageInput AtDay(TriageInput input, int day, PregnancyEnd end) =>
        input with { GestationalWeek = null, PostpartumDay = day, PregnancyEnd = end, Birth = null };

    /// <summary>Every red-flag question of principle 2 left unanswered is answered no (the four UR-5 ones when pain remained).</summary>
    private static TriageInput AnswerEveryRedFlagQuestion(TriageInput i) => i with
    {
        SuddenBreathlessness = i.SuddenBreathlessness ?? false,
        ChestPain = i.ChestPain ?? false,
        CoughingBlood = i.CoughingBlood ?? false,
        Fainted = i.Fainted ?? false,
        Swelling = i.Swelling == Swelling.NotAnswered ? Swelling.None : i.Swelling,
        RedOrDarkerSkin = i.RedOrDarkerSkin ?? false,
        Warmth = i.Warmth ?? false,
        HeavyAche = i.HeavyAche ?? false,
        PainOnWalkingOrStanding = i.PainOnWalkingOrStanding ?? false,
        PainPullingToesUp = i.PainPullingToesUp ?? false,
        Tenderness = i.Tenderness ?? false,
    };

    /// <summary>
    /// Evaluates an input a property built, after checking the case format can hold it: it reads back unchanged (the reader
    /// refuses pregnancyEnd or a birth while pregnant, a birth with a loss, and crampOver10Minutes disagreeing with
    /// crampMinutes), and pregnancyEnd comes only with a postpartum day.
    /// </summary>
    private static TriageResult EvaluateValid(in TriageInput input)
    {
        var json = TriageCaseFile.ToJson(input);
        if (input.PregnancyEnd != PregnancyEnd.NotGiven && input.PostpartumDay is null)
        {
            Assert.Fail($"pregnancyEnd without a postpartum day: {json}");
        }

        if (!input.HasPainAfterCramp &&
            (input.PainAfterHours is not null || input.PainAfterImproving is not null || input.PainAfterGone is not null || input.PainAfterSide != TriageSide.NotGiven))
        {
            Assert.Fail($"pain-after fields without painAfterCramp: {input}");
        }

        var readBack = TriageCaseFile.ParseInput(json);
        Assert.True(input == readBack, json);
        return Evaluate(input);
    }

    /// <summary>Fails with the message (built only on failure) unless <paramref name="ok"/>.</summary>
    private static void Check(bool ok, Func<string> message)
    {
        if (!ok)
        {
            Assert.Fail(message());
        }
    }

    /// <summary>Asserts <paramref name="higher"/> is not below <paramref name="lower"/>; the message is built only on failure.</summary>
    private static void AssertNotLower(TriageResult higher, TriageResult lower, Func<string> message)
    {
        if (higher.Level < lower.Level)
        {
            Assert.Fail(message());
        }
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
