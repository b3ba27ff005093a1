using LegCrampCare.Core.Domain;
using F = LegCrampCare.Core.Triage.TriageField;

namespace LegCrampCare.Core.Triage;

/// <summary>
/// The rule table (clinical README §3), each rule's exact trigger as pinned in triage-cases.md ("Exact triggers").
/// This is the one place the rules live: the engine evaluates it, the app explains it, rules.md lists it.
/// <c>x == true</c> means "answered yes"; null (not answered) and false are both "not true".
/// </summary>
public static class TriageRules
{
    /// <summary>Bump when any rule, message that changes meaning, or default threshold changes.</summary>
    public const string Version = "2026.1";

    private const string ClotInLung = "This can be a sign of a blood clot in the lung.";
    private const string ClotInLeg = "This can be a sign of a blood clot in the leg.";
    private const string PeSource = "NHS: Pulmonary embolism; RCOG Green-top 37b (acute management of VTE in pregnancy)";
    private const string DvtSource = "NHS: Deep vein thrombosis; RCOG Green-top 37b";

    /// <summary>Every rule, in table order (EM-1 … EM-5, UR-1 … UR-11, RO-1 … RO-7, FS-1, NO-1, NO-2).</summary>
    public static IReadOnlyList<TriageRule> All { get; } =
    [
        new()
        {
            Id = RuleId.Em1, Level = TriageLevel.Emergency, Sign = "sudden breathlessness",
            Message = "You are suddenly short of breath, or breathless at rest, or it is quickly getting worse. " + ClotInLung,
            Trigger = "suddenBreathlessness", Inputs = [F.SuddenBreathlessness], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.SuddenBreathlessness == true,
        },
        new()
        {
            Id = RuleId.Em2, Level = TriageLevel.Emergency, Sign = "chest or upper-back pain",
            Message = "You have pain in your chest or upper back. " + ClotInLung,
            Trigger = "chestPain", Inputs = [F.ChestPain], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.ChestPain == true,
        },
        new()
        {
            Id = RuleId.Em3, Level = TriageLevel.Emergency, Sign = "coughing up blood",
            Message = "You coughed up blood. " + ClotInLung,
            Trigger = "coughingBlood", Inputs = [F.CoughingBlood], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.CoughingBlood == true,
        },
        new()
        {
            Id = RuleId.Em4, Level = TriageLevel.Emergency, Sign = "fainting or collapsing",
            Message = "You fainted, collapsed or passed out. " + ClotInLung,
            Trigger = "fainted", Inputs = [F.Fainted], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Fainted == true,
        },
        new()
        {
            Id = RuleId.Em5, Level = TriageLevel.Emergency, Sign = "a racing heart with another warning sign",
            Message = "Your heart is racing or pounding, together with breathlessness, chest pain, light-headedness, " +
                      "fainting or a sign in your leg. Together these can be a sign of a blood clot in the lung.",
            Trigger = "racingHeart and (suddenBreathlessness or chestPain or dizziness or fainted or a leg sign UR-1…UR-5); gradualBreathlessness does not count",
            Inputs = [F.RacingHeart, F.SuddenBreathlessness, F.ChestPain, F.Dizziness, F.Fainted],
            DependsOn = [RuleId.Ur1, RuleId.Ur2, RuleId.Ur3, RuleId.Ur4, RuleId.Ur5],
            Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules r) => f.Input.RacingHeart == true &&
                (f.Input.SuddenBreathlessness == true || f.Input.ChestPain == true || f.Input.Dizziness == true ||
                 f.Input.Fainted == true || r.AnyBetween(RuleId.Ur1, RuleId.Ur5)),
        },
        new()
        {
            Id = RuleId.Ur1, Level = TriageLevel.Urgent, Sign = "one leg swollen",
            Message = "One leg is swollen. " + ClotInLeg,
            Trigger = "swelling is one-leg or whole-leg", Inputs = [F.Swelling], Source = DvtSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Swelling is Swelling.OneLeg or Swelling.WholeLeg,
        },
        new()
        {
            Id = RuleId.Ur2, Level = TriageLevel.Urgent, Sign = "calves {CalfDifferenceUrgentCm} cm or more apart",
            Message = "Your calves measure {CalfDifferenceUrgentCm} cm or more apart. " + ClotInLeg,
            Trigger = "calfDifferenceCm ≥ 2.0", Inputs = [F.CalfDifferenceCm],
            Source = DvtSource + "; Chan et al., Ann Intern Med 2009 (LEFt: oedema = calf difference ≥ 2 cm)",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.CalfDifferenceCm >= f.Options.CalfDifferenceUrgentCm,
        },
        new()
        {
            Id = RuleId.Ur3, Level = TriageLevel.Urgent, Sign = "red, darker or warm skin on the leg",
            Message = "The skin on your leg is red, darker than usual, or warm. " + ClotInLeg,
            Trigger = "redOrDarkerSkin or warmth (whatever side is)", Inputs = [F.RedOrDarkerSkin, F.Warmth], Source = DvtSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.RedOrDarkerSkin == true || f.Input.Warmth == true,
        },
        new()
        {
            Id = RuleId.Ur4, Level = TriageLevel.Urgent, Sign = "a hard, sore vein or a tender calf or thigh",
            Message = "A vein is hard and sore, or the back of your calf or thigh hurts when you press it. " + ClotInLeg,
            Trigger = "hardSoreVein or tenderness", Inputs = [F.HardSoreVein, F.Tenderness], Source = DvtSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.HardSoreVein == true || f.Input.Tenderness == true,
        },
        new()
        {
            Id = RuleId.Ur5, Level = TriageLevel.Urgent, Sign = "pain that stayed after the cramp, with an ache or pain on walking",
            Message = "Pain stayed after the cramp let go, with a heavy ache, pain when walking or standing, pain when " +
                      "pulling your toes up, or tenderness. An ordinary cramp does not do this. " + ClotInLeg,
            Trigger = "painAfterCramp given (improving or not) and (heavyAche or painOnWalkingOrStanding or painPullingToesUp or tenderness)",
            Inputs = [F.PainAfterCramp, F.HeavyAche, F.PainOnWalkingOrStanding, F.PainPullingToesUp, F.Tenderness],
            Source = DvtSource + "; HSE: Leg cramps during pregnancy",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.HasPainAfterCramp &&
                (f.Input.HeavyAche == true || f.Input.PainOnWalkingOrStanding == true || f.Input.PainPullingToesUp == true ||
                 f.Input.Tenderness == true),
        },
        new()
        {
            Id = RuleId.Ur6, Level = TriageLevel.Urgent, Sign = "pain in one leg for over {NormalSorenessMaxHours} hours, not getting better",
            Message = "Pain in one leg has lasted more than {NormalSorenessMaxHours} hours after the cramp and is not getting better. " +
                      "Soreness after an ordinary cramp fades within a day.",
            Trigger = "one side and painAfterCramp.hours > 24 and painAfterCramp.improving is not true",
            Inputs = [F.Side, F.PainAfterCramp], Source = "HSE: Leg cramps during pregnancy (tender for up to 24 h is normal); " + DvtSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.OneSide && f.Input.HasPainAfterCramp &&
                f.Input.PainAfterHours > f.Options.NormalSorenessMaxHours && f.Input.PainAfterImproving != true,
        },
        new()
        {
            Id = RuleId.Ur7, Level = TriageLevel.Urgent, Sign = "pain in one leg for {HighRiskPainHours} hours or more, with a higher clot risk",
            Message = "Pain in one leg has lasted {HighRiskPainHours} hours or more, and your risk of a clot is higher than usual " +
                      "just now (for example in the weeks after birth, after a previous clot, an operation, or a long journey).",
            Trigger = "high-risk context and one side and pain hours ≥ 2 (pain hours = larger of painAfterCramp.hours and continuousPainMinutes / 60)",
            Inputs = [F.Side, F.PainAfterCramp, F.ContinuousPainMinutes, F.RiskFactors, F.PostpartumDay, F.Birth],
            Source = "RCOG Green-top 37a (risk factors); threshold: design", UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) => f.HighRiskContext && f.OneSide && f.PainHours >= f.Options.HighRiskPainHours,
        },
        new()
        {
            Id = RuleId.Ur8, Level = TriageLevel.Urgent, Sign = "the whole leg swollen, or swelling with buttock, groin or back pain",
            Message = "Your whole leg is swollen, or a swollen leg comes with pain in the buttock, groin or lower back. " +
                      "This can be a sign of a blood clot higher up, in the thigh or pelvis.",
            Trigger = "swelling is whole-leg, or (swelling is one-leg and buttockGroinOrBackPain)",
            Inputs = [F.Swelling, F.ButtockGroinOrBackPain],
            Source = "RCOG Green-top 37b; Chan, Spencer, Ginsberg, CMAJ 2010 (iliofemoral clots in pregnancy)",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Swelling == Swelling.WholeLeg ||
                (f.Input.Swelling == Swelling.OneLeg && f.Input.ButtockGroinOrBackPain == true),
        },
        new()
        {
            Id = RuleId.Ur9, Level = TriageLevel.Urgent, Sign = "severe pain for over {ContinuousPainUrgentMinutes} minutes",
            Message = "Severe pain went on for more than {ContinuousPainUrgentMinutes} minutes without letting go. A cramp does not last that long.",
            Trigger = "continuousPainMinutes > 60", Inputs = [F.ContinuousPainMinutes],
            Source = "HSE: Leg cramps during pregnancy (cramps last up to 10 minutes); threshold: design", UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.ContinuousPainMinutes > f.Options.ContinuousPainUrgentMinutes,
        },
        new()
        {
            Id = RuleId.Ur10, Level = TriageLevel.Urgent, Sign = "feeling unwell with a red, warm or swollen leg",
            Message = "You have a fever or feel unwell, and your leg is red, warm or swollen. This can be a blood clot or a " +
                      "skin infection (cellulitis); both need checking today.",
            Trigger = "fever and (redOrDarkerSkin or warmth or swelling is one-leg or whole-leg)",
            Inputs = [F.Fever, F.RedOrDarkerSkin, F.Warmth, F.Swelling], Source = DvtSource + "; NHS: Cellulitis",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Fever == true &&
                (f.Input.RedOrDarkerSkin == true || f.Input.Warmth == true || f.Input.Swelling is Swelling.OneLeg or Swelling.WholeLeg),
        },
        new()
        {
            Id = RuleId.Ur11, Level = TriageLevel.Urgent, Sign = "signs of pre-eclampsia",
            Message = "Sudden swelling of your face or hands, a severe headache, problems with your eyesight or severe pain " +
                      "below your ribs can be signs of pre-eclampsia, a blood pressure problem of pregnancy and the weeks after birth.",
            Trigger = "any of faceOrHandSwelling, severeHeadache, visionProblems, painBelowRibs (pregnant or postpartum)",
            Inputs = [F.FaceOrHandSwelling, F.SevereHeadache, F.VisionProblems, F.PainBelowRibs],
            Source = "NHS: Pre-eclampsia; NICE NG133 (hypertension in pregnancy)",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.FaceOrHandSwelling == true || f.Input.SevereHeadache == true ||
                f.Input.VisionProblems == true || f.Input.PainBelowRibs == true,
        },
        new()
        {
            Id = RuleId.Ro1, Level = TriageLevel.Routine, Sign = "cramps most nights, or badly broken sleep",
            Message = "You have had cramps on {FrequentNightsPerWeek} or more nights a week for {FrequentConsecutiveWeeks} weeks in a row, " +
                      "or they are badly disturbing your sleep. Your midwife can help.",
            Trigger = "with N = {0} ∪ crampNightsAgo: at least 3 of N in 0–6 and at least 3 in 7–13; or history.sleepBadlyDisturbed",
            Inputs = [F.CrampNightsAgo, F.SleepBadlyDisturbed],
            Source = "Cochrane CD010655 (leg cramps in pregnancy); thresholds: design", UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.SleepBadlyDisturbed == true || FrequentNights(f),
        },
        new()
        {
            Id = RuleId.Ro2, Level = TriageLevel.Routine, Sign = "a cramp lasting over {TypicalCrampMaxMinutes} minutes",
            Message = "A cramp or pain lasted more than {TypicalCrampMaxMinutes} minutes. Ordinary cramps are shorter, so mention it at your next appointment.",
            Trigger = "(crampMinutes > 10 or continuousPainMinutes > 10) and none of UR-1 … UR-10 fires",
            Inputs = [F.CrampMinutes, F.ContinuousPainMinutes],
            DependsOn = [RuleId.Ur1, RuleId.Ur2, RuleId.Ur3, RuleId.Ur4, RuleId.Ur5, RuleId.Ur6, RuleId.Ur7, RuleId.Ur8, RuleId.Ur9, RuleId.Ur10],
            Source = "HSE: Leg cramps during pregnancy (cramps last up to 10 minutes)",
            Fires = static (in TriageFacts f, FiredRules r) =>
                (f.Input.CrampMinutes > f.Options.TypicalCrampMaxMinutes || f.Input.ContinuousPainMinutes > f.Options.TypicalCrampMaxMinutes) &&
                !r.AnyBetween(RuleId.Ur1, RuleId.Ur10),
        },
        new()
        {
            Id = RuleId.Ro3, Level = TriageLevel.Routine, Sign = "calves {CalfDifferenceRoutineCm} to {CalfDifferenceUrgentCm} cm apart",
            Message = "Your calves measure between {CalfDifferenceRoutineCm} and {CalfDifferenceUrgentCm} cm apart. Measure again tomorrow " +
                      "at the same spot, and mention it at your next appointment.",
            Trigger = "1.0 ≤ calfDifferenceCm < 2.0", Inputs = [F.CalfDifferenceCm],
            Source = "Design: below the LEFt oedema threshold (Chan et al., Ann Intern Med 2009)", UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) =>
                f.Input.CalfDifferenceCm >= f.Options.CalfDifferenceRoutineCm && f.Input.CalfDifferenceCm < f.Options.CalfDifferenceUrgentCm,
        },
        new()
        {
            Id = RuleId.Ro4, Level = TriageLevel.Routine, Sign = "a higher risk of blood clots",
            Message = "You have had a clot before, have a clotting condition, or have several risk factors for clots. Make sure " +
                      "your midwife knows, and that you have a plan to prevent clots.",
            Trigger = "riskFactors include previous-vte, previous-vte-surgical or thrombophilia, or RCOG points ≥ 3",
            Inputs = [F.RiskFactors, F.PostpartumDay, F.Birth], Source = "RCOG Green-top 37a (risk assessment and prophylaxis)",
            Fires = static (in TriageFacts f, FiredRules _) =>
                (f.Input.RiskFactors & RiskProfile.HighRiskProfileFactors) != 0 || f.RcogPoints >= f.Options.RcogHighRiskPoints,
        },
        new()
        {
            Id = RuleId.Ro5, Level = TriageLevel.Routine, Sign = "a racing heart on its own",
            Message = "Your heart raced or pounded, with no other warning sign. Mention it at your next appointment.",
            Trigger = "racingHeart and EM-5 does not fire", Inputs = [F.RacingHeart], DependsOn = [RuleId.Em5],
            Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules r) => f.Input.RacingHeart == true && !r.Contains(RuleId.Em5),
        },
        new()
        {
            Id = RuleId.Ro6, Level = TriageLevel.Routine, Sign = "breathless when active, as usual",
            Message = "You get breathless when you are active, which is common in pregnancy, with no sudden change and no chest pain. " +
                      "Mention it at your next appointment.",
            Trigger = "gradualBreathlessness and not suddenBreathlessness and not chestPain",
            Inputs = [F.GradualBreathlessness, F.SuddenBreathlessness, F.ChestPain], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) =>
                f.Input.GradualBreathlessness == true && f.Input.SuddenBreathlessness != true && f.Input.ChestPain != true,
        },
        new()
        {
            Id = RuleId.Ro7, Level = TriageLevel.Routine, Sign = "both ankles slowly swelling after the birth",
            Message = "Both ankles have slowly swollen since the birth. This is common, but mention it to your midwife.",
            Trigger = "postpartumDay ≤ 42 and swelling is both-ankles-gradual", Inputs = [F.PostpartumDay, F.Swelling],
            Source = "RCOG Green-top 37a (postnatal window)",
            Fires = static (in TriageFacts f, FiredRules _) =>
                f.Input.PostpartumDay <= f.Options.PostnatalHighRiskDays && f.Input.Swelling == Swelling.BothAnklesGradual,
        },
        new()
        {
            Id = RuleId.Fs1, Level = TriageLevel.Routine, Sign = "important questions not answered yet",
            Message = "Some of the important questions are not answered yet, so we can't check this was an ordinary cramp until you answer them.",
            Trigger = "any of suddenBreathlessness, chestPain, coughingBlood, fainted, swelling, redOrDarkerSkin, warmth is null or missing",
            Inputs = [F.SuddenBreathlessness, F.ChestPain, F.CoughingBlood, F.Fainted, F.Swelling, F.RedOrDarkerSkin, F.Warmth],
            Source = "Clinical model principle 2 (fail safe)",
            Fires = static (in TriageFacts f, FiredRules _) => HasUnansweredRedFlag(f.Input),
        },
        new()
        {
            Id = RuleId.No1, Level = TriageLevel.None, Sign = "an ordinary cramp",
            Message = "This sounds like an ordinary cramp: short, eased by stretching, with no warning signs.",
            Trigger = "crampMinutes ≤ 10 and relieved and (painAfterCramp is null, or improving and hours ≤ 24) and swelling is none or " +
                      "both-ankles-gradual and not redOrDarkerSkin, warmth, suddenBreathlessness, chestPain, coughingBlood (all answered), and no EM or UR rule fires",
            Inputs = [F.CrampMinutes, F.Relieved, F.PainAfterCramp, F.Swelling, F.RedOrDarkerSkin, F.Warmth, F.SuddenBreathlessness, F.ChestPain, F.CoughingBlood],
            DependsOn = [RuleId.Em1, RuleId.Em2, RuleId.Em3, RuleId.Em4, RuleId.Em5, RuleId.Ur1, RuleId.Ur2, RuleId.Ur3, RuleId.Ur4, RuleId.Ur5,
                         RuleId.Ur6, RuleId.Ur7, RuleId.Ur8, RuleId.Ur9, RuleId.Ur10, RuleId.Ur11],
            Source = "HSE: Leg cramps during pregnancy (typical cramp)",
            Fires = static (in TriageFacts f, FiredRules r) =>
                f.Input.CrampMinutes <= f.Options.TypicalCrampMaxMinutes &&
                f.Input.Relieved == true &&
                (!f.Input.HasPainAfterCramp || (f.Input.PainAfterImproving == true && f.Input.PainAfterHours <= f.Options.NormalSorenessMaxHours)) &&
                f.Input.Swelling is Swelling.None or Swelling.BothAnklesGradual &&
                f.Input.RedOrDarkerSkin == false && f.Input.Warmth == false && f.Input.SuddenBreathlessness == false &&
                f.Input.ChestPain == false && f.Input.CoughingBlood == false &&
                !r.AnyBetween(RuleId.Em1, RuleId.Ur11),
        },
        new()
        {
            Id = RuleId.No2, Level = TriageLevel.None, Sign = "both ankles slowly swelling in pregnancy",
            Message = "Slow swelling of both ankles or feet, worse in the evening, is common in pregnancy.",
            Trigger = "gestationalWeek is given and swelling is both-ankles-gradual and UR-11 does not fire",
            Inputs = [F.GestationalWeek, F.Swelling], DependsOn = [RuleId.Ur11],
            Source = "NHS: Swollen ankles, feet and fingers in pregnancy",
            Fires = static (in TriageFacts f, FiredRules r) =>
                f.Input.GestationalWeek is not null && f.Input.Swelling == Swelling.BothAnklesGradual && !r.Contains(RuleId.Ur11),
        },
    ];

    public static TriageRule Get(RuleId id) => All[(int)id];

    /// <summary>Principle 2: the red-flag questions; any unanswered means the result cannot be NONE (FS-1).</summary>
    public static bool HasUnansweredRedFlag(in TriageInput input) =>
        input.SuddenBreathlessness is null || input.ChestPain is null || input.CoughingBlood is null || input.Fainted is null ||
        input.Swelling == Swelling.NotAnswered || input.RedOrDarkerSkin is null || input.Warmth is null;

    /// <summary>The red-flag questions not answered, in the order they are asked.</summary>
    public static IReadOnlyList<TriageField> UnansweredRedFlags(in TriageInput input)
    {
        var list = new List<TriageField>();
        if (input.SuddenBreathlessness is null) list.Add(F.SuddenBreathlessness);
        if (input.ChestPain is null) list.Add(F.ChestPain);
        if (input.CoughingBlood is null) list.Add(F.CoughingBlood);
        if (input.Fainted is null) list.Add(F.Fainted);
        if (input.Swelling == Swelling.NotAnswered) list.Add(F.Swelling);
        if (input.RedOrDarkerSkin is null) list.Add(F.RedOrDarkerSkin);
        if (input.Warmth is null) list.Add(F.Warmth);
        return list;
    }

    /// <summary>RO-1's frequency: this night plus the history, at least K nights in each of W consecutive weeks (0–6, 7–13, …).</summary>
    private static bool FrequentNights(in TriageFacts f)
    {
        var nights = f.Input.CrampNightsAgo | 1u; // bit 0: the night of this episode
        for (var week = 0; week < f.Options.FrequentConsecutiveWeeks; week++)
        {
            var weekMask = 0x7Fu << (week * 7);
            if (System.Numerics.BitOperations.PopCount(nights & weekMask) < f.Options.FrequentNightsPerWeek)
            {
                return false;
            }
        }

        return true;
    }
}
