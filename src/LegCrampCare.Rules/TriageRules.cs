using F = LegCrampCare.Rules.TriageField;

namespace LegCrampCare.Rules;

/// <summary>
/// The rule table (clinical README §3, rule set 2026.2), each rule's exact trigger as pinned in triage-cases.md ("Exact
/// triggers"). This is the one place the rules live: the engine evaluates it, the midwife's pages and rules.md list it,
/// and <see cref="PatientWording"/> says it to the patient. <c>x == true</c> means "answered yes"; null (not answered) and
/// false are both "not true".
/// </summary>
public static class TriageRules
{
    /// <summary>Bump when any rule, message that changes meaning, or default threshold changes (and add the old texts to <see cref="RuleSetHistory"/>).</summary>
    public const string Version = "2026.2";

    private const string PeSource = "NHS: Pulmonary embolism; RCOG Green-top 37b (acute management of VTE in pregnancy)";
    private const string DvtSource = "NHS: Deep vein thrombosis; RCOG Green-top 37b";
    private const string CombinationSource = "NHS and NI Direct: Pulmonary embolism (a combination of symptoms); NHS: Deep vein thrombosis; RCOG Green-top 37b";

    private static readonly RuleId[] LegSigns = [RuleId.Ur1, RuleId.Ur2, RuleId.Ur3, RuleId.Ur4, RuleId.Ur5, RuleId.Ur6, RuleId.Ur7, RuleId.Ur14];

    private static readonly RuleId[] Ur1ToUr10 =
        [RuleId.Ur1, RuleId.Ur2, RuleId.Ur3, RuleId.Ur4, RuleId.Ur5, RuleId.Ur6, RuleId.Ur7, RuleId.Ur8, RuleId.Ur9, RuleId.Ur10];

    /// <summary>Every rule, in table order (EM-1 … EM-5, UR-1 … UR-20, RO-1 … RO-8, FS-1, NO-1, NO-2).</summary>
    public static IReadOnlyList<TriageRule> All { get; } =
    [
        new()
        {
            Id = RuleId.Em1, Level = TriageLevel.Emergency, Sign = "sudden breathlessness",
            Trigger = "suddenBreathlessness", Inputs = [F.SuddenBreathlessness], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.SuddenBreathlessness == true,
        },
        new()
        {
            Id = RuleId.Em2, Level = TriageLevel.Emergency, Sign = "chest or upper-back pain",
            Trigger = "chestPain", Inputs = [F.ChestPain], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.ChestPain == true,
        },
        new()
        {
            Id = RuleId.Em3, Level = TriageLevel.Emergency, Sign = "coughing up blood",
            Trigger = "coughingBlood", Inputs = [F.CoughingBlood], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.CoughingBlood == true,
        },
        new()
        {
            Id = RuleId.Em4, Level = TriageLevel.Emergency, Sign = "fainting or collapsing",
            Trigger = "fainted", Inputs = [F.Fainted], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Fainted == true,
        },
        new()
        {
            Id = RuleId.Em5, Level = TriageLevel.Emergency, Sign = "a racing heart with another warning sign",
            Trigger = "racingHeart and (suddenBreathlessness or chestPain or dizziness or fainted or a leg sign: UR-1 … UR-7 or UR-14); " +
                      "gradualBreathlessness does not count; continuousPainMinutes counts only through UR-7 (UR-9 and UR-16 are not leg signs)",
            Inputs = [F.RacingHeart, F.SuddenBreathlessness, F.ChestPain, F.Dizziness, F.Fainted],
            DependsOn = LegSigns,
            Source = PeSource + "; NHS: Deep vein thrombosis (persisting leg pain with a fast heart)",
            Fires = static (in TriageFacts f, FiredRules r) => f.Input.RacingHeart == true &&
                (f.Input.SuddenBreathlessness == true || f.Input.ChestPain == true || f.Input.Dizziness == true ||
                 f.Input.Fainted == true || r.AnyBetween(RuleId.Ur1, RuleId.Ur7) || r.Contains(RuleId.Ur14)),
        },
        new()
        {
            Id = RuleId.Ur1, Level = TriageLevel.Urgent, Sign = "one leg swollen",
            Trigger = "swelling is one-leg or whole-leg", Inputs = [F.Swelling], Source = DvtSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Swelling is Swelling.OneLeg or Swelling.WholeLeg,
        },
        new()
        {
            Id = RuleId.Ur2, Level = TriageLevel.Urgent, Sign = "calves {CalfDifferenceUrgentCm} cm or more apart",
            Trigger = "calfDifferenceCm ≥ 2.0", Inputs = [F.CalfDifferenceCm],
            Source = DvtSource + "; Chan et al., Ann Intern Med 2009 (LEFt: oedema = calf difference ≥ 2 cm)",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.CalfDifferenceCm >= f.Options.CalfDifferenceUrgentCm,
        },
        new()
        {
            Id = RuleId.Ur3, Level = TriageLevel.Urgent, Sign = "red, darker or warm skin on the leg",
            Trigger = "redOrDarkerSkin or warmth (whatever side is)", Inputs = [F.RedOrDarkerSkin, F.Warmth], Source = DvtSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.RedOrDarkerSkin == true || f.Input.Warmth == true,
        },
        new()
        {
            Id = RuleId.Ur4, Level = TriageLevel.Urgent, Sign = "a hard, sore vein or a tender calf or thigh",
            Trigger = "hardSoreVein or tenderness", Inputs = [F.HardSoreVein, F.Tenderness], Source = DvtSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.HardSoreVein == true || f.Input.Tenderness == true,
        },
        new()
        {
            Id = RuleId.Ur5, Level = TriageLevel.Urgent, Sign = "pain that stayed after the cramp, with an ache or pain on walking",
            Trigger = "painAfterCramp given (improving or not) and (heavyAche or painOnWalkingOrStanding or painPullingToesUp or tenderness)",
            Inputs = [F.PainAfterCramp, F.HeavyAche, F.PainOnWalkingOrStanding, F.PainPullingToesUp, F.Tenderness],
            Source = DvtSource + "; HSE: Leg cramps during pregnancy",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.HasPainAfterCramp &&
                (f.Input.HeavyAche == true || f.Input.PainOnWalkingOrStanding == true || f.Input.PainPullingToesUp == true ||
                 f.Input.Tenderness == true),
        },
        new()
        {
            Id = RuleId.Ur6, Level = TriageLevel.Urgent, Sign = "leg pain for {NotImprovingUrgentHours} hours or more after a cramp, not getting better",
            Trigger = "painAfterCramp given and painAfterCramp.improving is not true and painAfterCramp.hours ≥ 6 (any side)",
            Inputs = [F.PainAfterCramp],
            Source = "NHS: Deep vein thrombosis (urgent GP or 111); RCOG Green-top 37b (test expeditiously); threshold: design",
            UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) => f.PainNotImprovingFor(f.Options.NotImprovingUrgentHours),
        },
        new()
        {
            Id = RuleId.Ur7, Level = TriageLevel.Urgent, Sign = "leg pain for {HighRiskPainHours} hours or more, with a higher clot risk",
            Trigger = "high-risk context and pain hours ≥ 2 (pain hours = larger of painAfterCramp.hours and continuousPainMinutes / 60, " +
                      "a null one counts 0; any side; improving or not; gone or not)",
            Inputs = [F.PainAfterCramp, F.ContinuousPainMinutes, F.RiskFactors, F.PostpartumDay, F.Birth],
            Source = "RCOG Green-top 37a (risk factors) and 37b (the weeks after birth are the highest-risk time); threshold: design",
            UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) => f.HighRiskContext && f.PainHours >= f.Options.HighRiskPainHours,
        },
        new()
        {
            Id = RuleId.Ur8, Level = TriageLevel.Urgent, Sign = "the whole leg swollen, or swelling with buttock, groin or back pain",
            Trigger = "swelling is whole-leg, or (swelling is one-leg and buttockGroinOrBackPain)",
            Inputs = [F.Swelling, F.ButtockGroinOrBackPain],
            Source = "RCOG Green-top 37b; Chan, Spencer, Ginsberg, CMAJ 2010 (iliofemoral clots in pregnancy)",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Swelling == Swelling.WholeLeg ||
                (f.Input.Swelling == Swelling.OneLeg && f.Input.ButtockGroinOrBackPain == true),
        },
        new()
        {
            Id = RuleId.Ur9, Level = TriageLevel.Urgent, Sign = "severe pain for over {ContinuousPainUrgentMinutes} minutes",
            Trigger = "continuousPainMinutes > 60", Inputs = [F.ContinuousPainMinutes],
            Source = "HSE: Leg cramps during pregnancy (cramps last up to 10 minutes); threshold: design", UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.ContinuousPainMinutes > f.Options.ContinuousPainUrgentMinutes,
        },
        new()
        {
            Id = RuleId.Ur10, Level = TriageLevel.Urgent, Sign = "feeling unwell with a red, warm or swollen leg",
            Trigger = "fever and (redOrDarkerSkin or warmth or swelling is one-leg or whole-leg)",
            Inputs = [F.Fever, F.RedOrDarkerSkin, F.Warmth, F.Swelling], Source = DvtSource + "; NHS: Cellulitis",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Fever == true &&
                (f.Input.RedOrDarkerSkin == true || f.Input.Warmth == true || f.Input.Swelling is Swelling.OneLeg or Swelling.WholeLeg),
        },
        new()
        {
            Id = RuleId.Ur11, Level = TriageLevel.Urgent, Sign = "signs of pre-eclampsia",
            Trigger = "any of faceOrHandSwelling, severeHeadache, visionProblems, painBelowRibs (any stage, and with the stage unknown); " +
                      "or suddenFeetSwelling and (pregnant or postnatal or stage unknown)",
            Inputs = [F.FaceOrHandSwelling, F.SevereHeadache, F.VisionProblems, F.PainBelowRibs, F.SuddenFeetSwelling, F.GestationalWeek, F.PostpartumDay],
            Source = "NHS: Pre-eclampsia (sudden swelling of the face, hands or feet; also soon after the birth); NICE NG133",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.FaceOrHandSwelling == true || f.Input.SevereHeadache == true ||
                f.Input.VisionProblems == true || f.Input.PainBelowRibs == true ||
                (f.Input.SuddenFeetSwelling == true && f.MaternityPeriod),
        },
        new()
        {
            Id = RuleId.Ur12, Level = TriageLevel.Urgent, Sign = "fever or feeling unwell in the weeks after the pregnancy ended",
            Trigger = "fever and (postnatal or stage unknown)", Inputs = [F.Fever, F.PostpartumDay, F.PregnancyEnd],
            Source = "CEMACH Saving Mothers' Lives 2003–05 (sepsis); ⚠ NICE NG51; ⚠ RCOG GTG 64b",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Fever == true && (f.Postnatal || f.StageUnknown),
        },
        new()
        {
            Id = RuleId.Ur13, Level = TriageLevel.Urgent, Sign = "fever or feeling unwell in pregnancy",
            Trigger = "fever and (gestationalWeek is given or stage unknown)", Inputs = [F.Fever, F.GestationalWeek],
            Source = "Tommy's: High temperature in pregnancy (call if above 37.5 °C); ⚠ NICE NG51",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Fever == true && (f.Pregnant || f.StageUnknown),
        },
        new()
        {
            Id = RuleId.Ur14, Level = TriageLevel.Urgent,
            Sign = "leg pain for {CombinedPainHours} hours or more, not getting better, with calves {CombinedCalfDifferenceCm} cm or more apart",
            Trigger = "painAfterCramp given and painAfterCramp.improving is not true and painAfterCramp.hours ≥ 4 and calfDifferenceCm ≥ 1.5 " +
                      "(any side; no upper bound, so it may fire beside UR-2 and UR-6)",
            Inputs = [F.PainAfterCramp, F.CalfDifferenceCm],
            Source = "NHS: Deep vein thrombosis (pain and swelling in one leg); RCOG Green-top 37b; thresholds: design",
            UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) =>
                f.PainNotImprovingFor(f.Options.CombinedPainHours) && f.Input.CalfDifferenceCm >= f.Options.CombinedCalfDifferenceCm,
        },
        new()
        {
            Id = RuleId.Ur15, Level = TriageLevel.Urgent, Sign = "a racing heart with breathlessness that came on gradually",
            Trigger = "racingHeart and gradualBreathlessness (any stage)", Inputs = [F.RacingHeart, F.GradualBreathlessness],
            Source = "NHS and NI Direct: Pulmonary embolism; RCOG Green-top 37b; ⚠ NHS: Heart palpitations; ⚠ ESC statement on peripartum cardiomyopathy",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.RacingHeart == true && f.Input.GradualBreathlessness == true,
        },
        new()
        {
            Id = RuleId.Ur16, Level = TriageLevel.Urgent, Sign = "a racing heart with leg pain",
            Trigger = "racingHeart and leg pain (pain still there after a cramp, not gone, or continuousPainMinutes > 0; any duration; any stage)",
            Inputs = [F.RacingHeart, F.PainAfterCramp, F.PainAfterGone, F.ContinuousPainMinutes],
            Source = "NHS: Pulmonary embolism (a combination of symptoms); Asthma + Lung UK: Pulmonary embolism",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.RacingHeart == true && f.LegPain,
        },
        new()
        {
            Id = RuleId.Ur17, Level = TriageLevel.Urgent, Sign = "breathlessness that came on gradually, with light-headedness",
            Trigger = "gradualBreathlessness and dizziness and (pregnant or postnatal or stage unknown); racingHeart is not read",
            Inputs = [F.GradualBreathlessness, F.Dizziness, F.GestationalWeek, F.PostpartumDay],
            Source = "NHS and NI Direct: Pulmonary embolism (breathlessness can develop gradually; light-headedness)",
            Fires = static (in TriageFacts f, FiredRules _) =>
                f.Input.GradualBreathlessness == true && f.Input.Dizziness == true && f.MaternityPeriod,
        },
        new()
        {
            Id = RuleId.Ur18, Level = TriageLevel.Urgent, Sign = "breathlessness that came on gradually, with leg pain",
            Trigger = "gradualBreathlessness and leg pain (as UR-16; any stage)",
            Inputs = [F.GradualBreathlessness, F.PainAfterCramp, F.PainAfterGone, F.ContinuousPainMinutes],
            Source = CombinationSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.GradualBreathlessness == true && f.LegPain,
        },
        new()
        {
            Id = RuleId.Ur19, Level = TriageLevel.Urgent, Sign = "light-headedness with leg pain",
            Trigger = "dizziness and leg pain (as UR-16; any stage)",
            Inputs = [F.Dizziness, F.PainAfterCramp, F.PainAfterGone, F.ContinuousPainMinutes],
            Source = CombinationSource,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.Dizziness == true && f.LegPain,
        },
        new()
        {
            Id = RuleId.Ur20, Level = TriageLevel.Urgent, Sign = "sudden swelling of the feet, more than 6 weeks after the pregnancy ended",
            Trigger = "suddenFeetSwelling and after day 42 (never beside the feet part of UR-11)",
            Inputs = [F.SuddenFeetSwelling, F.PostpartumDay],
            Source = "⚠ NHS: Swollen ankles, feet and legs (oedema): urgent GP or 111 if the swelling started very suddenly",
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.SuddenFeetSwelling == true && f.AfterDay42,
        },
        new()
        {
            Id = RuleId.Ro1, Level = TriageLevel.Routine, Sign = "cramps most nights, or badly broken sleep",
            Trigger = "with N = {0} ∪ crampNightsAgo: at least 3 of N in 0–6 and at least 3 in 7–13; or history.sleepBadlyDisturbed",
            Inputs = [F.CrampNightsAgo, F.SleepBadlyDisturbed],
            Source = "Cochrane CD010655 (leg cramps in pregnancy); thresholds: design", UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) => f.Input.SleepBadlyDisturbed == true || FrequentNights(f),
        },
        new()
        {
            Id = RuleId.Ro2, Level = TriageLevel.Routine, Sign = "a cramp lasting over {TypicalCrampMaxMinutes} minutes",
            Trigger = "(long cramp: crampMinutes > 10 or crampOver10Minutes; or continuousPainMinutes > 10) and none of UR-1 … UR-10 fires",
            Inputs = [F.CrampMinutes, F.CrampOver10Minutes, F.ContinuousPainMinutes],
            DependsOn = Ur1ToUr10,
            Source = "HSE: Leg cramps during pregnancy (cramps last up to 10 minutes)",
            Fires = static (in TriageFacts f, FiredRules r) =>
                (f.LongCramp || f.Input.ContinuousPainMinutes > f.Options.TypicalCrampMaxMinutes) &&
                !r.AnyBetween(RuleId.Ur1, RuleId.Ur10),
        },
        new()
        {
            Id = RuleId.Ro3, Level = TriageLevel.Routine, Sign = "calves {CalfDifferenceRoutineCm} to {CalfDifferenceUrgentCm} cm apart",
            Trigger = "1.0 ≤ calfDifferenceCm < 2.0", Inputs = [F.CalfDifferenceCm],
            Source = "Design: below the LEFt oedema threshold (Chan et al., Ann Intern Med 2009)", UsesDesignThreshold = true,
            Fires = static (in TriageFacts f, FiredRules _) =>
                f.Input.CalfDifferenceCm >= f.Options.CalfDifferenceRoutineCm && f.Input.CalfDifferenceCm < f.Options.CalfDifferenceUrgentCm,
        },
        new()
        {
            Id = RuleId.Ro4, Level = TriageLevel.Routine, Sign = "a higher risk of blood clots",
            Trigger = "riskFactors include previous-vte, previous-vte-surgical or thrombophilia, or RCOG points ≥ 3",
            Inputs = [F.RiskFactors, F.PostpartumDay, F.Birth], Source = "RCOG Green-top 37a (risk assessment and prophylaxis)",
            Fires = static (in TriageFacts f, FiredRules _) =>
                (f.Input.RiskFactors & RiskProfile.HighRiskProfileFactors) != 0 || f.RcogPoints >= f.Options.RcogHighRiskPoints,
        },
        new()
        {
            Id = RuleId.Ro5, Level = TriageLevel.Routine, Sign = "a racing heart, without EM-5",
            Trigger = "racingHeart and EM-5 does not fire (it may fire beside UR-15 and UR-16)", Inputs = [F.RacingHeart], DependsOn = [RuleId.Em5],
            Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules r) => f.Input.RacingHeart == true && !r.Contains(RuleId.Em5),
        },
        new()
        {
            Id = RuleId.Ro6, Level = TriageLevel.Routine, Sign = "breathless when active, as usual",
            Trigger = "gradualBreathlessness and not suddenBreathlessness and not chestPain",
            Inputs = [F.GradualBreathlessness, F.SuddenBreathlessness, F.ChestPain], Source = PeSource,
            Fires = static (in TriageFacts f, FiredRules _) =>
                f.Input.GradualBreathlessness == true && f.Input.SuddenBreathlessness != true && f.Input.ChestPain != true,
        },
        new()
        {
            Id = RuleId.Ro7, Level = TriageLevel.Routine, Sign = "both ankles slowly swelling after the pregnancy ended",
            Trigger = "(postnatal or stage unknown) and swelling is both-ankles-gradual", Inputs = [F.PostpartumDay, F.Swelling],
            Source = "RCOG Green-top 37a (postnatal window)",
            Fires = static (in TriageFacts f, FiredRules _) =>
                (f.Postnatal || f.StageUnknown) && f.Input.Swelling == Swelling.BothAnklesGradual,
        },
        new()
        {
            Id = RuleId.Ro8, Level = TriageLevel.Routine, Sign = "leg still sore over {NormalSorenessMaxHours} hours after a cramp, getting better",
            Trigger = "painAfterCramp given and painAfterCramp.improving is true and painAfterCramp.hours > 24",
            Inputs = [F.PainAfterCramp], Source = "HSE: Leg cramps during pregnancy (tender for up to 24 h is normal)",
            Fires = static (in TriageFacts f, FiredRules _) =>
                f.Input.HasPainAfterCramp && f.Input.PainAfterImproving == true && f.Input.PainAfterHours > f.Options.NormalSorenessMaxHours,
        },
        new()
        {
            Id = RuleId.Fs1, Level = TriageLevel.Routine, Sign = "important questions not answered yet",
            Trigger = "any of suddenBreathlessness, chestPain, coughingBlood, fainted, swelling, redOrDarkerSkin, warmth is null or missing; " +
                      "or painAfterCramp is given and any of heavyAche, painOnWalkingOrStanding, painPullingToesUp, tenderness is null or missing",
            Inputs = [F.SuddenBreathlessness, F.ChestPain, F.CoughingBlood, F.Fainted, F.Swelling, F.RedOrDarkerSkin, F.Warmth,
                      F.PainAfterCramp, F.HeavyAche, F.PainOnWalkingOrStanding, F.PainPullingToesUp, F.Tenderness],
            Source = "Clinical model principle 2 (fail safe)",
            Fires = static (in TriageFacts f, FiredRules _) => HasUnansweredRedFlag(f.Input),
        },
        new()
        {
            Id = RuleId.No1, Level = TriageLevel.None, Sign = "an ordinary cramp",
            Trigger = "short cramp and relieved and (painAfterCramp is null, or improving and hours ≤ 24) and swelling is none, " +
                      "both-ankles-gradual or not-one-leg and redOrDarkerSkin, warmth, suddenBreathlessness, chestPain, coughingBlood and fainted " +
                      "all answered no, and not dizziness, gradualBreathlessness or suddenFeetSwelling, and FS-1 and no EM or UR rule fires",
            Inputs = [F.CrampMinutes, F.CrampOver10Minutes, F.Relieved, F.PainAfterCramp, F.Swelling, F.RedOrDarkerSkin, F.Warmth,
                      F.SuddenBreathlessness, F.ChestPain, F.CoughingBlood, F.Fainted, F.Dizziness, F.GradualBreathlessness, F.SuddenFeetSwelling],
            DependsOn = [RuleId.Em1, RuleId.Em2, RuleId.Em3, RuleId.Em4, RuleId.Em5, .. Ur1ToUr10, RuleId.Ur11, RuleId.Ur12, RuleId.Ur13,
                         RuleId.Ur14, RuleId.Ur15, RuleId.Ur16, RuleId.Ur17, RuleId.Ur18, RuleId.Ur19, RuleId.Ur20, RuleId.Fs1],
            Source = "HSE: Leg cramps during pregnancy (typical cramp)",
            Fires = static (in TriageFacts f, FiredRules r) =>
                f.ShortCramp &&
                f.Input.Relieved == true &&
                (!f.Input.HasPainAfterCramp || (f.Input.PainAfterImproving == true && f.Input.PainAfterHours <= f.Options.NormalSorenessMaxHours)) &&
                f.Input.Swelling is Swelling.None or Swelling.BothAnklesGradual or Swelling.NotOneLeg &&
                f.Input.RedOrDarkerSkin == false && f.Input.Warmth == false && f.Input.SuddenBreathlessness == false &&
                f.Input.ChestPain == false && f.Input.CoughingBlood == false && f.Input.Fainted == false &&
                f.Input.Dizziness != true && f.Input.GradualBreathlessness != true && f.Input.SuddenFeetSwelling != true &&
                !r.Contains(RuleId.Fs1) && !r.AnyBetween(RuleId.Em1, RuleId.Ur20),
        },
        new()
        {
            Id = RuleId.No2, Level = TriageLevel.None, Sign = "both ankles slowly swelling in pregnancy",
            Trigger = "(gestationalWeek is given or stage unknown) and swelling is both-ankles-gradual and UR-11 does not fire",
            Inputs = [F.GestationalWeek, F.Swelling], DependsOn = [RuleId.Ur11],
            Source = "NHS: Swollen ankles, feet and fingers in pregnancy",
            Fires = static (in TriageFacts f, FiredRules r) =>
                (f.Pregnant || f.StageUnknown) && f.Input.Swelling == Swelling.BothAnklesGradual && !r.Contains(RuleId.Ur11),
        },
    ];

    public static TriageRule Get(RuleId id) => All[(int)id];

    /// <summary>
    /// Principle 2: an unanswered red-flag question, or pain that remained with a UR-5 question unanswered; the result
    /// then cannot be NONE (FS-1).
    /// </summary>
    public static bool HasUnansweredRedFlag(in TriageInput input) =>
        input.SuddenBreathlessness is null || input.ChestPain is null || input.CoughingBlood is null || input.Fainted is null ||
        input.Swelling == Swelling.NotAnswered || input.RedOrDarkerSkin is null || input.Warmth is null ||
        (input.HasPainAfterCramp && (input.HeavyAche is null || input.PainOnWalkingOrStanding is null ||
                                     input.PainPullingToesUp is null || input.Tenderness is null));

    /// <summary>The questions FS-1 reads that are not answered, in the order they are asked.</summary>
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
        if (input.HasPainAfterCramp)
        {
            if (input.HeavyAche is null) list.Add(F.HeavyAche);
            if (input.PainOnWalkingOrStanding is null) list.Add(F.PainOnWalkingOrStanding);
            if (input.PainPullingToesUp is null) list.Add(F.PainPullingToesUp);
            if (input.Tenderness is null) list.Add(F.Tenderness);
        }

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
