using System.Text.RegularExpressions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Tests.ClinicalSafety;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Triage.TriageTestInputs;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>
/// The sentences of clinical README §8 (W1–W12, docs/clinical-safety/clinical-model.md) against
/// <see cref="PatientWording"/>: for every situation the spec words, the code gives exactly that sentence, and the
/// sentence is still in §8 of the spec file as read at test time (so a spec change without a code change fails, and the
/// other way round). Where the spec words a variant with "…" (the rest as in the sentence before it), each quoted part must
/// be in §8 and in the sentence. Then the words no reason may use at each stage (W1, W3, W10, W11, W12).
/// </summary>
public sealed partial class PatientWordingSpecTests
{
    private const string TriageNumber = "01234 567890";

    private const string MaternityUrgent = "Call maternity triage now, or your GP or NHS 111 if you can't reach them.";
    private const string MaternityUrgentWithNumber = "Call maternity triage now on 01234 567890, or your GP or NHS 111 if you can't reach them.";
    private const string LaterUrgent = "Call your GP now, or NHS 111 if you can't reach them.";
    private const string Midwife = "Mention this to your midwife.";
    private const string HealthVisitorOrGp = "Mention this to your health visitor or GP.";
    private const string Gp = "Mention this to your GP.";
    private const string SetAReminder = "Set a reminder: the app will not remind you.";
    private const string MentionItToMidwife = "mention it to your midwife";
    private const string FeverStageUnknown = "You have a fever or feel unwell. This needs checking today: an infection can become serious quickly.";
    private const string LaterCall = "call your GP, or NHS 111 if you can't reach them,";
    private const string Signs = "A severe headache, problems with your eyesight, sudden swelling of your face or hands, or severe pain below your ribs";

    private static readonly ContactWords Uk = new();

    private static readonly TriageOptions Options = TriageOptions.Default;

    /// <summary>One patient at each wording stage: the typical cramp (every question answered no) at that stage.</summary>
    private static readonly StageCase[] Stages =
    [
        new("pregnant", TypicalCramp, WordingStage.Pregnant, Midwife, MentionItToMidwife, MentionItToMidwife),
        new("after a birth, day 10", Postpartum(10), WordingStage.AfterBirth, Midwife, MentionItToMidwife, MentionItToMidwife),
        new("after a loss, day 10", AfterLoss(10), WordingStage.AfterLoss, Midwife, MentionItToMidwife, MentionItToMidwife),
        new("after a birth, day 43", Postpartum(43), WordingStage.LaterAfterBirth, HealthVisitorOrGp,
            "mention it to your health visitor or GP", "mention it to your health visitor or GP"),
        new("after a loss, day 43", AfterLoss(43), WordingStage.LaterAfterLoss, Gp, "mention it to your GP", "…to your GP"),
        new("stage unknown", StageUnknown, WordingStage.Unknown, Midwife, MentionItToMidwife, MentionItToMidwife),
    ];

    private static readonly (string Name, Func<TriageInput, TriageInput> Add)[] PreEclampsiaSigns =
    [
        ("severe headache", i => i with { SevereHeadache = true }),
        ("vision problems", i => i with { VisionProblems = true }),
        ("face or hand swelling", i => i with { FaceOrHandSwelling = true }),
        ("pain below the ribs", i => i with { PainBelowRibs = true }),
    ];

    private static readonly Lazy<string> Section8 = new(ReadSection8);

    private static readonly Lazy<Dictionary<string, SpecSentence>> Sentences = new(() => AllSentences().ToDictionary(s => s.Name, StringComparer.Ordinal));

    public static TheoryData<string> SentenceNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var sentence in AllSentences())
            {
                data.Add(sentence.Name);
            }

            return data;
        }
    }

    public static TheoryData<WordingStage, bool> StagesWithAndWithoutStillbirth
    {
        get
        {
            var data = new TheoryData<WordingStage, bool>();
            foreach (var stage in Enum.GetValues<WordingStage>())
            {
                data.Add(stage, false);

                // A stillbirth is recorded only after the pregnancy ended (WordingContext.For reads it only with a postpartum day).
                if (stage != WordingStage.Pregnant)
                {
                    data.Add(stage, true);
                }
            }

            return data;
        }
    }

    // ---- the code says the spec's sentence ----

    [Theory]
    [MemberData(nameof(SentenceNames))]
    public void PatientWording_SpecSituation_GivesTheSpecSentence(string name)
    {
        var sentence = Sentences.Value[name];

        if (sentence.Fires is { } id)
        {
            // The situation is real: the engine fires the rule whose reason this is.
            var result = Evaluate(sentence.Input);
            Assert.True(result.Rules.Contains(id), $"{name}: {id.ToCode()} does not fire, only [{result.Rules}]");
        }

        Assert.Equal(sentence.Expected, sentence.Produce());
    }

    // ---- the spec still says it ----

    [Theory]
    [MemberData(nameof(SentenceNames))]
    public void SpecSection8_SpecSituation_QuotesTheSentence(string name)
    {
        var sentence = Sentences.Value[name];

        foreach (var quote in sentence.Quotes)
        {
            foreach (var part in quote.Split('…', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Assert.True(Section8.Value.Contains(part, StringComparison.Ordinal),
                    $"{name}: §8 of docs/clinical-safety/clinical-model.md no longer says \"{part}\"");
                Assert.True(sentence.Expected.Contains(part, StringComparison.Ordinal),
                    $"{name}: the expected sentence \"{sentence.Expected}\" does not contain the spec's \"{part}\"");
            }
        }
    }

    [Fact]
    public void SpecSection8_IsFound_WithW1ToW12()
    {
        for (var w = 1; w <= 12; w++)
        {
            Assert.Contains($"**W{w} ", Section8.Value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("## 9.", Section8.Value, StringComparison.Ordinal);
    }

    // ---- the structure around the sentences ----

    [Fact]
    public void WordingContextFor_EachStageInput_GivesItsStage()
    {
        foreach (var stage in Stages)
        {
            Assert.Equal(new WordingContext(stage.Expected, false), WordingContext.For(stage.Input, Options));
        }

        // Day 0 and day 42 are in the window; a pregnancy end not given is a birth.
        Assert.Equal(WordingStage.AfterBirth, WordingContext.For(Postpartum(0), Options).Stage);
        Assert.Equal(WordingStage.AfterBirth, WordingContext.For(Postpartum(42), Options).Stage);
        Assert.Equal(WordingStage.AfterLoss, WordingContext.For(AfterLoss(42), Options).Stage);
        Assert.Equal(WordingStage.AfterBirth, WordingContext.For(Postpartum(10) with { PregnancyEnd = PregnancyEnd.NotGiven }, Options).Stage);
        Assert.Equal(WordingStage.LaterAfterBirth, WordingContext.For(Postpartum(43) with { PregnancyEnd = PregnancyEnd.NotGiven }, Options).Stage);

        // W10: a stillbirth is recorded after the pregnancy ended.
        Assert.True(WordingContext.For(Postpartum(10) with { RiskFactors = RiskFactors.Stillbirth }, Options).Stillbirth);
        Assert.True(WordingContext.For(Postpartum(100) with { RiskFactors = RiskFactors.Stillbirth }, Options).Stillbirth);
    }

    [Fact]
    public void UrgentAction_NoNumberConfigured_StillNamesMaternityTriageWithTheFallback()
    {
        foreach (var stage in Stages.Where(s => !s.Context.Later))
        {
            Assert.Equal(MaternityUrgent, PatientWording.UrgentAction(stage.Context, Uk, null));
            Assert.Equal(MaternityUrgent, PatientWording.UrgentAction(stage.Context, Uk, ""));
            Assert.Equal(MaternityUrgent, PatientWording.UrgentAction(stage.Context, Uk, "  "));
        }
    }

    [Fact]
    public void LaterNotice_IsThreeLines_InTheSpecOrder()
    {
        var notice = PatientWording.LaterNotice(Uk);

        Assert.Equal(3, notice.Count);
        Assert.Contains(
            $"\"{notice[0]}\" / \"{notice[1]}\" / \"{notice[2]}\"", Section8.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void MidwifeMeasurementCard_IsTwoSentences_TheFirstConditionalOn999()
    {
        foreach (var stage in Stages)
        {
            var card = PatientWording.MidwifeMeasurementCard(stage.Context, Uk);
            Assert.Equal(2, card.Count);
            Assert.Equal("If you are breathless, have chest pain or cough up blood now, call 999.", card[0]);
        }
    }

    [Fact]
    public void ReasonsShown_IsThree()
    {
        Assert.Equal(3, PatientWording.ReasonsShown);
        Assert.Contains("At most three reasons are shown", Section8.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherLocale_ConfiguredNumbers_Replace999AndNhs111()
    {
        var words = new ContactWords("112", "116 117");
        var later = new WordingContext(WordingStage.LaterAfterBirth, false);
        var pregnant = new WordingContext(WordingStage.Pregnant, false);

        Assert.Equal("Call your GP now, or 116 117 if you can't reach them.", PatientWording.UrgentAction(later, words, null));
        Assert.Equal("Call maternity triage now, or your GP or 116 117 if you can't reach them.", PatientWording.UrgentAction(pregnant, words, null));
        Assert.Equal("Call your GP or 116 117 now", PatientWording.UrgentHeading(later, words, preEclampsiaSigns: false));
        Assert.Equal("Call 112 now if you are suddenly breathless, have chest pain, cough up blood or faint.", PatientWording.LaterNotice(words)[1]);
        Assert.Equal("If you are breathless, have chest pain or cough up blood now, call 112.", PatientWording.MidwifeMeasurementCard(pregnant, words)[0]);
    }

    // ---- words no reason may use ----

    [Theory]
    [MemberData(nameof(StagesWithAndWithoutStillbirth))]
    public void Reason_EveryRuleAtTheStage_NeverUsesAWordTheSpecForbidsThere(WordingStage stage, bool stillbirth)
    {
        var context = new WordingContext(stage, stillbirth);

        // UR-11 with a sign and sudden feet swelling, so that both of its sentences are in its reason.
        var input = TypicalCramp with { SevereHeadache = true, SuddenFeetSwelling = true };
        foreach (var id in RuleIds.All)
        {
            var reason = PatientWording.Reason(id, input, context, Options);
            var forbidden = new List<string>
            {
                "Get checked today", // W2, W12: not a heading or a level label
                "maternity unit",    // W1: always "maternity triage"
            };
            if (context.Later)
            {
                forbidden.AddRange(["midwife", "maternity"]); // W1
            }

            if (context.AfterLoss)
            {
                forbidden.AddRange(["baby", "the birth"]); // W10
            }

            if (stage == WordingStage.Unknown)
            {
                forbidden.AddRange(["baby", "birth", "pregnancy"]); // W1, W12
            }

            if (id is >= RuleId.Ur15 and <= RuleId.Ur20)
            {
                forbidden.AddRange(["pregnancy", "pre-eclampsia", "baby", "birth", "midwife", "maternity"]); // W11
            }

            if (id == RuleId.Ur11 && stage is not (WordingStage.Pregnant or WordingStage.AfterBirth))
            {
                forbidden.Add("pre-eclampsia"); // W3: after a loss, after day 42, stage unknown
            }

            if (stillbirth)
            {
                forbidden.Add("baby"); // W10
            }

            foreach (var word in forbidden)
            {
                Assert.False(reason.Contains(word, StringComparison.OrdinalIgnoreCase),
                    $"{id.ToCode()} {stage}{(stillbirth ? " after a stillbirth" : "")} says \"{word}\": {reason}");
            }
        }
    }

    // ---- the sentences, situation by situation ----

    private static IEnumerable<SpecSentence> AllSentences()
    {
        foreach (var s in Stages)
        {
            var c = s.Context;
            var later = c.Later;

            // W1 who to call; W2 the URGENT heading; W3 the UR-11 heading.
            yield return Sentence($"W1 URGENT action, {s.Name}, with a number", () => PatientWording.UrgentAction(c, Uk, TriageNumber),
                later ? LaterUrgent : MaternityUrgentWithNumber);
            yield return Sentence($"W1 URGENT action, {s.Name}, no number", () => PatientWording.UrgentAction(c, Uk, null),
                later ? LaterUrgent : MaternityUrgent);
            yield return Sentence($"W1 ROUTINE action, {s.Name}", () => PatientWording.RoutineAction(c), s.Routine);
            yield return Sentence($"W2 URGENT heading, {s.Name}", () => PatientWording.UrgentHeading(c, Uk, preEclampsiaSigns: false),
                later ? "Call your GP or NHS 111 now" : "Call maternity triage now");
            yield return Sentence($"W3 UR-11 heading, {s.Name}", () => PatientWording.UrgentHeading(c, Uk, preEclampsiaSigns: true),
                later ? "Call your GP or NHS 111 now – don't wait until the morning" : "Call maternity triage now – don't wait until the morning");

            // W3 UR-11 reasons: each sign, and sudden feet swelling in the maternity period.
            foreach (var (sign, add) in PreEclampsiaSigns)
            {
                var input = add(s.Input);
                yield return s.Expected switch
                {
                    WordingStage.Pregnant => Reason(RuleId.Ur11, $"W3 UR-11 {sign}, {s.Name}", input,
                        Signs + " can be signs of pre-eclampsia and need checking now."),
                    WordingStage.AfterBirth => Reason(RuleId.Ur11, $"W3 UR-11 {sign}, {s.Name}", input,
                        Signs + " can be signs of pre-eclampsia, which can also start in the weeks after giving birth, and need checking now.",
                        [Signs, "…can be signs of pre-eclampsia, which can also start in the weeks after giving birth, and need checking now."]),
                    _ => Reason(RuleId.Ur11, $"W3 UR-11 {sign}, {s.Name}", input, Signs + " need checking now."),
                };
            }

            var feet = s.Input with { SuddenFeetSwelling = true };
            switch (s.Expected)
            {
                case WordingStage.Pregnant or WordingStage.AfterBirth:
                    yield return Reason(RuleId.Ur11, $"W3 UR-11 sudden feet swelling, {s.Name}", feet,
                        "Your feet have swollen suddenly. In pregnancy and in the weeks after it, this can be a sign of pre-eclampsia and needs checking now.");
                    break;
                case WordingStage.AfterLoss:
                    yield return Reason(RuleId.Ur11, $"W3 UR-11 sudden feet swelling, {s.Name}", feet,
                        "Your feet have swollen suddenly in the weeks since your pregnancy ended. This needs checking now.");
                    break;
                case WordingStage.Unknown:
                    yield return Reason(RuleId.Ur11, $"W3 UR-11 sudden feet swelling, {s.Name}", feet, "Your feet have swollen suddenly. This needs checking now.");
                    break;
            }

            // W4 UR-12 / UR-13.
            var fever = s.Input with { Fever = true };
            switch (s.Expected)
            {
                case WordingStage.Pregnant:
                    yield return Reason(RuleId.Ur13, $"W4 UR-13, {s.Name}", fever,
                        "You have a fever or feel unwell. In pregnancy a temperature above 37.5 °C needs checking today, as an infection can harm you and your baby.");
                    break;
                case WordingStage.AfterBirth:
                    yield return Reason(RuleId.Ur12, $"W4 UR-12, {s.Name}", fever,
                        "You have a fever or feel unwell in the weeks after giving birth. This needs checking today: an infection after birth can become serious quickly.");
                    break;
                case WordingStage.AfterLoss:
                    yield return Reason(RuleId.Ur12, $"W4 UR-12, {s.Name}", fever,
                        "You have a fever or feel unwell in the weeks after your pregnancy ended. This needs checking today: an infection at this time can become serious quickly.");
                    break;
                case WordingStage.Unknown:
                    yield return Reason(RuleId.Ur12, $"W4 UR-12, {s.Name}", fever, FeverStageUnknown);
                    yield return Reason(RuleId.Ur13, $"W4 UR-13, {s.Name}", fever, FeverStageUnknown);
                    break;
            }

            // W5 the clock for pain still there (the spec's example: the cramp started at 03:40).
            var call = later ? LaterCall : "call maternity triage";
            yield return Clock(s, "(a) high-risk, today", PatientWording.ClockKind.HighRisk, "05:40", today: true, 2m,
                $"If the pain is still there at 05:40 today (2 hours after it started), {call} then.",
                "If the pain is still there at 05:40 today (2 hours after it started), call maternity triage then.");
            yield return Clock(s, "(b) not improving, today", PatientWording.ClockKind.NotImproving, "09:40", today: true, 6m,
                $"If the pain is still there at 09:40 today (6 hours after it started) and is not getting better, {call} then.",
                "If the pain is still there at 09:40 today (6 hours after it started) and is not getting better, call maternity triage then.");
            yield return Clock(s, "(c) with a calf difference, today", PatientWording.ClockKind.Combined, "07:40", today: true, 4m,
                $"If the pain is still there at 07:40 today (4 hours after it started) and is not getting better, {call} then.",
                "If the pain is still there at 07:40 today (4 hours after it started) and is not getting better, call maternity triage then.");
            yield return Clock(s, "(d) improving, tomorrow", PatientWording.ClockKind.Improving, "03:40", today: false, 24m,
                $"If it stops getting better, {call} today. If it is still there at 03:40 tomorrow (24 hours after it started), {s.MentionIt}.",
                "If it stops getting better, call maternity triage today. If it is still there at 03:40 tomorrow (24 hours after it started), mention it to your midwife.");

            // W7 the midwife-measurement home card.
            yield return Sentence($"W7 midwife-measurement card, {s.Name}", () => string.Join(" ", PatientWording.MidwifeMeasurementCard(c, Uk)),
                later
                    ? "If you are breathless, have chest pain or cough up blood now, call 999. If you have not been checked since your midwife measured your legs, call your GP now, or NHS 111 if you can't reach them."
                    : "If you are breathless, have chest pain or cough up blood now, call 999. If you have not been checked since your midwife measured your legs, call maternity triage now.",
                later
                    ? ["If you are breathless, have chest pain or cough up blood now, call 999. If you have not been checked since your midwife measured your legs,",
                       "…call your GP now, or NHS 111 if you can't reach them."]
                    : []);

            // W11 the combination reasons: the same at every stage.
            var pain = PainAfter(s.Input, 1m, improving: true);
            yield return Reason(RuleId.Ur15, $"W11 UR-15, {s.Name}", s.Input with { RacingHeart = true, GradualBreathlessness = true },
                "Your heart is racing and you have been getting breathless. Together these need checking today: they can be a sign of a blood clot in the lung or a heart problem.");
            yield return Reason(RuleId.Ur16, $"W11 UR-16, {s.Name}", pain with { RacingHeart = true },
                "Your heart is racing and your leg hurts. Together these need checking today: they can be a sign of a blood clot.");
            yield return Reason(RuleId.Ur17, $"W11 UR-17, {s.Name}", s.Input with { GradualBreathlessness = true, Dizziness = true },
                "You have been getting breathless and you feel light-headed. Together these need checking today: they can be a sign of a blood clot in the lung.",
                fires: !later);
            yield return Reason(RuleId.Ur18, $"W11 UR-18, {s.Name}", pain with { GradualBreathlessness = true },
                "You have been getting breathless and your leg hurts. Together these need checking today: they can be a sign of a blood clot.");
            yield return Reason(RuleId.Ur19, $"W11 UR-19, {s.Name}", pain with { Dizziness = true },
                "You feel light-headed and your leg hurts. Together these need checking today: they can be a sign of a blood clot.");
            yield return Reason(RuleId.Ur20, $"W11 UR-20, {s.Name}", feet,
                "Your feet have swollen suddenly. Swelling that starts suddenly needs checking today.",
                fires: later);

            // W12 stage variants: UR-7, RO-1, RO-4, RO-5, RO-7.
            var highRiskPain = PainAfter(s.Input with { RiskFactors = RiskFactors.PreviousVte }, 2m, improving: true);
            yield return s.Expected switch
            {
                WordingStage.Pregnant => Reason(RuleId.Ur7, $"W12 UR-7, {s.Name}", highRiskPain,
                    "Leg pain that lasts 2 hours or more needs checking today in pregnancy, when the chance of a clot is higher.",
                    ["Leg pain that lasts 2 hours or more needs checking today", "…in pregnancy, when…", "when the chance of a clot is higher."]),
                WordingStage.AfterBirth => Reason(RuleId.Ur7, $"W12 UR-7, {s.Name}", highRiskPain,
                    "Leg pain that lasts 2 hours or more needs checking today in the weeks after giving birth, when the chance of a clot is higher.",
                    ["Leg pain that lasts 2 hours or more needs checking today", "…in the weeks after giving birth, when…", "when the chance of a clot is higher."]),
                WordingStage.AfterLoss => Reason(RuleId.Ur7, $"W12 UR-7, {s.Name}", highRiskPain,
                    "Leg pain that lasts 2 hours or more needs checking today in the weeks since your pregnancy ended, when the chance of a clot is higher.",
                    ["Leg pain that lasts 2 hours or more needs checking today", "…in the weeks since your pregnancy ended, when…", "when the chance of a clot is higher."]),
                _ => Reason(RuleId.Ur7, $"W12 UR-7, {s.Name}", highRiskPain,
                    "Leg pain that lasts 2 hours or more needs checking today at this time, when the chance of a clot is higher."),
            };

            const string Often = "Cramps this often, or cramps that badly disturb your sleep, are worth mentioning.";
            yield return Reason(RuleId.Ro1, $"W12 RO-1, {s.Name}", s.Input with { SleepBadlyDisturbed = true }, Often + " " + s.Routine, [Often, s.Routine]);

            var previousClot = s.Input with { RiskFactors = RiskFactors.PreviousVte };
            yield return later
                ? Reason(RuleId.Ro4, $"W12 RO-4, {s.Name}", previousClot,
                    "You have a higher chance of a blood clot. Make sure your GP knows and that you have a plan to prevent clots.",
                    ["You have a higher chance of a blood clot. Make sure your", "…Make sure your GP knows…", "knows and that you have a plan to prevent clots."])
                : Reason(RuleId.Ro4, $"W12 RO-4, {s.Name}", previousClot,
                    "You have a higher chance of a blood clot. Make sure your midwife knows and that you have a plan to prevent clots.");

            yield return Reason(RuleId.Ro5, $"W12 RO-5, {s.Name}", s.Input with { RacingHeart = true },
                "Your heart is racing or pounding. " + s.Routine, ["Your heart is racing or pounding.", s.Routine]);

            var ankles = s.Input with { Swelling = Swelling.BothAnklesGradual };
            switch (s.Expected)
            {
                case WordingStage.AfterBirth:
                    yield return Reason(RuleId.Ro7, $"W12 RO-7, {s.Name}", ankles,
                        "Both ankles have slowly swollen since the birth. This is common, but mention it to your midwife.");
                    break;
                case WordingStage.AfterLoss:
                    yield return Reason(RuleId.Ro7, $"W10 RO-7, {s.Name}", ankles,
                        "Both ankles have slowly swollen since your pregnancy ended. This is common, but mention it to your midwife.");
                    break;
                case WordingStage.Unknown:
                    yield return Reason(RuleId.Ro7, $"W12 RO-7, {s.Name}", ankles,
                        "Both ankles have slowly swollen. This is common, but mention it to your midwife.");
                    break;
            }

            // W12 a re-assessment: conditional, no clock.
            yield return later
                ? Sentence($"W12 re-assessed URGENT action, {s.Name}", () => PatientWording.ReassessedUrgentAction(c, Uk),
                    "If you still have this pain or these symptoms now, call your GP now, or NHS 111 if you can't reach them.",
                    "If you still have … now, call your GP now, or NHS 111 if you can't reach them.")
                : Sentence($"W12 re-assessed URGENT action, {s.Name}", () => PatientWording.ReassessedUrgentAction(c, Uk),
                    "If you still have this pain or these symptoms now, call maternity triage now, or your GP or NHS 111 if you can't reach them.");
            yield return later
                ? Sentence($"W12 re-assessed ROUTINE action, {s.Name}", () => PatientWording.ReassessedRoutineAction(c),
                    $"If you still have this, {s.MentionIt}.", "If you still have this,", s.SpecMentionIt)
                : Sentence($"W12 re-assessed ROUTINE action, {s.Name}", () => PatientWording.ReassessedRoutineAction(c),
                    "If you still have this, mention it to your midwife.");
        }

        // W5: the day word, and the ending when the app has a notification scheduled.
        var pregnant = Stages[0].Context;
        yield return Sentence("W5 (a) tomorrow", () => PatientWording.Clock(PatientWording.ClockKind.HighRisk, pregnant, Uk, "05:40", today: false, 2m),
            "If the pain is still there at 05:40 tomorrow (2 hours after it started), call maternity triage then. " + SetAReminder,
            "If the pain is still there at 05:40", "(2 hours after it started), call maternity triage then.", SetAReminder);
        yield return Sentence("W5 (a) reminder scheduled", () => PatientWording.Clock(PatientWording.ClockKind.HighRisk, pregnant, Uk, "05:40", today: true, 2m, reminderScheduled: true),
            "If the pain is still there at 05:40 today (2 hours after it started), call maternity triage then. We'll remind you at 05:40.",
            "If the pain is still there at 05:40 today (2 hours after it started), call maternity triage then.", "We'll remind you at 05:40.");

        // W6 "Later – ask me in the morning".
        var notice = PatientWording.LaterNotice(Uk);
        yield return Sentence("W6 line 1", () => notice[0], "Saved. Open the app in the morning to answer the questions.");
        yield return Sentence("W6 line 2", () => notice[1], "Call 999 now if you are suddenly breathless, have chest pain, cough up blood or faint.");
        yield return Sentence("W6 line 3", () => notice[2], "Sleep well.");

        // W8 unanswered questions; W9 the reasons' lead-in.
        yield return Sentence("W8 is the pain still there", () => PatientWording.PainStillThereUnanswered, "Not answered yet: Is the pain still there?");
        yield return Sentence("W8 which leg still hurts", () => PatientWording.PainSideUnanswered, "Not answered yet: Which leg still hurts?",
            "Not answered yet:", "…Which leg still hurts?");
        yield return Sentence("W9 because you told us", () => PatientWording.BecauseYouToldUs, "Because you told us:", "Because you told us: …");
        yield return Sentence("W9 with the midwife's measurement", () => PatientWording.BecauseOfMidwifeMeasurement,
            "Because of what you told us and your midwife's measurement:", "Because of what you told us and your midwife's measurement: …");
    }

    /// <summary>
    /// A W5 clock at the stage, ending with "Set a reminder…". The spec words it for the maternity period
    /// (<paramref name="maternityQuote"/>); after day 42 its parts stand around W1's substitutes for "call maternity triage"
    /// and "mention it to your midwife".
    /// </summary>
    private static SpecSentence Clock(StageCase s, string which, PatientWording.ClockKind kind, string time, bool today, decimal hours, string expected, string maternityQuote)
    {
        var c = s.Context;
        string[] quotes = c.Later
            ?
            [
                .. maternityQuote.Split(["call maternity triage", "mention it to your midwife"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                LaterCall,
                .. kind == PatientWording.ClockKind.Improving ? [s.SpecMentionIt] : Array.Empty<string>(),
                SetAReminder,
            ]
            : [maternityQuote, SetAReminder];
        return Sentence($"W5 {which}, {s.Name}", () => PatientWording.Clock(kind, c, Uk, time, today, hours), expected + " " + SetAReminder, quotes);
    }

    private static SpecSentence Sentence(string name, Func<string> produce, string expected, params string[] quotes) =>
        new(name, produce, expected, quotes.Length == 0 ? [expected] : quotes, null, default);

    /// <summary>The reason for <paramref name="id"/> for this input at its own stage; the engine must fire the rule unless told not.</summary>
    private static SpecSentence Reason(RuleId id, string name, TriageInput input, string expected, string[]? quotes = null, bool fires = true) =>
        new(name, () => PatientWording.Reason(id, input, WordingContext.For(input, Options), Options), expected,
            quotes is null || quotes.Length == 0 ? [expected] : quotes, fires ? id : null, input);

    /// <summary>§8 of the clinical model, its whitespace (line breaks and list indentation) folded to single spaces.</summary>
    private static string ReadSection8()
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf("docs", "clinical-safety", "clinical-model.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf("\n## 8. ", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("\n## 9. ", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/clinical-safety/clinical-model.md has no section \"## 8.\" followed by \"## 9.\"");
        return Whitespace().Replace(text[start..end], " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// One stage: the patient, the stage her words use, W1's ROUTINE sentence and "mention it to …" for it (as the code
    /// should say it, and as §8 quotes it).
    /// </summary>
    private sealed record StageCase(string Name, TriageInput Input, WordingStage Expected, string Routine, string MentionIt, string SpecMentionIt)
    {
        public WordingContext Context => WordingContext.For(Input, Options);
    }

    /// <summary>
    /// A sentence the spec words: what the code gives (<see cref="Produce"/>), the sentence expected, the spec's quotes it
    /// rests on (parts split at "…"), and the rule that must fire for <see cref="Input"/> when it is a rule's reason.
    /// </summary>
    private sealed record SpecSentence(string Name, Func<string> Produce, string Expected, IReadOnlyList<string> Quotes, RuleId? Fires, TriageInput Input);
}
