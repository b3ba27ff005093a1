using System.Globalization;

namespace LegCrampCare.Rules;

/// <summary>The inputs a rule can read, named as in the triage case format.</summary>
public enum TriageField : byte
{
    GestationalWeek, PostpartumDay, PregnancyEnd, Birth, RiskFactors,
    Side, CrampMinutes, CrampOver10Minutes, Relieved, PainAfterCramp, PainAfterSide, PainAfterGone, ContinuousPainMinutes,
    HeavyAche, PainOnWalkingOrStanding, PainPullingToesUp, Tenderness, HardSoreVein, RedOrDarkerSkin, Warmth, Fever,
    ButtockGroinOrBackPain, Swelling, CalfDifferenceCm,
    SuddenBreathlessness, GradualBreathlessness, ChestPain, CoughingBlood, Fainted, RacingHeart, Dizziness,
    FaceOrHandSwelling, SuddenFeetSwelling, SevereHeadache, VisionProblems, PainBelowRibs,
    CrampNightsAgo, SleepBadlyDisturbed,
}

/// <summary>Names and plain-language readings of the inputs, for explanations (never on the hot path).</summary>
public static class TriageFields
{
    /// <summary>The field's path in the case format, e.g. "symptoms.chestPain".</summary>
    public static string Path(this TriageField field) => field switch
    {
        TriageField.GestationalWeek => "patient.gestationalWeek",
        TriageField.PostpartumDay => "patient.postpartumDay",
        TriageField.PregnancyEnd => "patient.pregnancyEnd",
        TriageField.Birth => "patient.birth",
        TriageField.RiskFactors => "patient.riskFactors",
        TriageField.CrampNightsAgo => "history.crampNightsAgo",
        TriageField.SleepBadlyDisturbed => "history.sleepBadlyDisturbed",
        TriageField.PainAfterSide => "episode.painAfterCramp.side",
        TriageField.PainAfterGone => "episode.painAfterCramp.gone",
        >= TriageField.SuddenBreathlessness and <= TriageField.PainBelowRibs => "symptoms." + Camel(field),
        _ => "episode." + Camel(field),
    };

    private static string Camel(TriageField field)
    {
        var name = field.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>What the field asks, in the patient's words.</summary>
    public static string Label(this TriageField field) => field switch
    {
        TriageField.GestationalWeek => "Week of pregnancy",
        TriageField.PostpartumDay => "Days since the pregnancy ended",
        TriageField.PregnancyEnd => "How the pregnancy ended",
        TriageField.Birth => "How the baby was born",
        TriageField.RiskFactors => "Risk factors for blood clots",
        TriageField.Side => "Which leg",
        TriageField.CrampMinutes => "How long the cramp lasted",
        TriageField.CrampOver10Minutes => "Lasted more than 10 minutes",
        TriageField.Relieved => "Eased by stretching, rubbing or walking",
        TriageField.PainAfterCramp => "Pain still there after the cramp let go",
        TriageField.PainAfterSide => "Which leg still hurts",
        TriageField.PainAfterGone => "The pain has gone since",
        TriageField.ContinuousPainMinutes => "Severe pain that did not let go",
        TriageField.HeavyAche => "A heavy ache in the leg",
        TriageField.PainOnWalkingOrStanding => "Pain worse when walking or standing",
        TriageField.PainPullingToesUp => "Pain when pulling the toes up",
        TriageField.Tenderness => "Tender when pressing the back of the calf or thigh",
        TriageField.HardSoreVein => "A hard, sore vein",
        TriageField.RedOrDarkerSkin => "Red or darker skin on the leg",
        TriageField.Warmth => "The leg feels warm",
        TriageField.Fever => "Fever or feeling unwell",
        TriageField.ButtockGroinOrBackPain => "Pain in the buttock, groin or lower back",
        TriageField.Swelling => "Swelling",
        TriageField.CalfDifferenceCm => "Difference between the calves",
        TriageField.SuddenBreathlessness => "Sudden breathlessness",
        TriageField.GradualBreathlessness => "Breathless when active, as usual",
        TriageField.ChestPain => "Chest or upper-back pain",
        TriageField.CoughingBlood => "Coughing up blood",
        TriageField.Fainted => "Fainted or collapsed",
        TriageField.RacingHeart => "Racing or pounding heart",
        TriageField.Dizziness => "Light-headed",
        TriageField.FaceOrHandSwelling => "Sudden swelling of the face or hands",
        TriageField.SuddenFeetSwelling => "Sudden swelling of the feet or ankles",
        TriageField.SevereHeadache => "Severe headache",
        TriageField.VisionProblems => "Problems with vision",
        TriageField.PainBelowRibs => "Severe pain below the ribs",
        TriageField.CrampNightsAgo => "Nights with cramps in the last 4 weeks",
        TriageField.SleepBadlyDisturbed => "Sleep badly disturbed by cramps",
        _ => field.ToString(),
    };

    /// <summary>The value she gave, in plain words ("yes", "not answered", "2.5 cm").</summary>
    public static string Describe(this TriageField field, in TriageInput input) => field switch
    {
        TriageField.GestationalWeek => input.GestationalWeek is { } w ? $"week {w}" : "not pregnant or not known",
        TriageField.PostpartumDay => input.PostpartumDay is { } d ? $"day {d}" : "not after the pregnancy ended, or not known",
        TriageField.PregnancyEnd => input.PostpartumDay is null
            ? "not ended, or not known"
            : input.PregnancyEnd == Rules.PregnancyEnd.Loss ? "ended without a birth" : "a birth",
        TriageField.Birth => input.Birth switch
        {
            BirthMode.Vaginal => "vaginal birth",
            BirthMode.OperativeVaginal => "assisted birth (forceps or ventouse)",
            BirthMode.CaesareanPlanned => "planned caesarean",
            BirthMode.CaesareanInLabour => "caesarean in labour",
            _ => "not recorded",
        },
        TriageField.RiskFactors => input.RiskFactors == RiskFactors.None
            ? "none recorded"
            : string.Join(", ", RiskFactorCatalog.In(input.RiskFactors).Select(r => r.Code)),
        TriageField.Side => input.Side switch
        {
            TriageSide.Left => "left leg",
            TriageSide.Right => "right leg",
            TriageSide.Both => "both legs",
            TriageSide.None => "no leg symptoms",
            _ => "not answered",
        },
        TriageField.CrampMinutes => Minutes(input.CrampMinutes),
        TriageField.CrampOver10Minutes => YesNo(input.CrampOver10Minutes),
        TriageField.Relieved => YesNo(input.Relieved),
        TriageField.PainAfterCramp => !input.HasPainAfterCramp
            ? "no"
            : (input.PainAfterGone == true ? "yes, gone after " : "yes, for ") +
              (input.PainAfterHours is { } h ? Number(h) + " hours" : "an unknown time") + ", " +
              (input.PainAfterImproving switch { true => "getting better", false => "not getting better", null => "not said whether it is getting better" }),
        TriageField.PainAfterSide => !input.HasPainAfterCramp ? "no pain left" : input.PainAfterSide switch
        {
            TriageSide.Left => "left leg",
            TriageSide.Right => "right leg",
            TriageSide.Both => "both legs",
            _ => "not answered",
        },
        TriageField.PainAfterGone => !input.HasPainAfterCramp ? "no pain left" : input.PainAfterGone == true ? "yes" : "no, still there",
        TriageField.ContinuousPainMinutes => Minutes(input.ContinuousPainMinutes),
        TriageField.HeavyAche => YesNo(input.HeavyAche),
        TriageField.PainOnWalkingOrStanding => YesNo(input.PainOnWalkingOrStanding),
        TriageField.PainPullingToesUp => YesNo(input.PainPullingToesUp),
        TriageField.Tenderness => YesNo(input.Tenderness),
        TriageField.HardSoreVein => YesNo(input.HardSoreVein),
        TriageField.RedOrDarkerSkin => YesNo(input.RedOrDarkerSkin),
        TriageField.Warmth => YesNo(input.Warmth),
        TriageField.Fever => YesNo(input.Fever),
        TriageField.ButtockGroinOrBackPain => YesNo(input.ButtockGroinOrBackPain),
        TriageField.Swelling => input.Swelling switch
        {
            Swelling.None => "no swelling",
            Swelling.OneLeg => "one leg swollen",
            Swelling.WholeLeg => "the whole leg swollen",
            Swelling.BothAnklesGradual => "both ankles, slowly",
            Swelling.NotOneLeg => "no leg swollen (ankles not asked)",
            _ => "not answered",
        },
        TriageField.CalfDifferenceCm => input.CalfDifferenceCm is { } cm ? $"{Number(cm)} cm" : "not measured",
        TriageField.SuddenBreathlessness => YesNo(input.SuddenBreathlessness),
        TriageField.GradualBreathlessness => YesNo(input.GradualBreathlessness),
        TriageField.ChestPain => YesNo(input.ChestPain),
        TriageField.CoughingBlood => YesNo(input.CoughingBlood),
        TriageField.Fainted => YesNo(input.Fainted),
        TriageField.RacingHeart => YesNo(input.RacingHeart),
        TriageField.Dizziness => YesNo(input.Dizziness),
        TriageField.FaceOrHandSwelling => YesNo(input.FaceOrHandSwelling),
        TriageField.SuddenFeetSwelling => YesNo(input.SuddenFeetSwelling),
        TriageField.SevereHeadache => YesNo(input.SevereHeadache),
        TriageField.VisionProblems => YesNo(input.VisionProblems),
        TriageField.PainBelowRibs => YesNo(input.PainBelowRibs),
        TriageField.CrampNightsAgo => input.CrampNightsAgo == 0
            ? "no other nights"
            : $"{input.NightsAgo().Count() + 1} nights including this one",
        TriageField.SleepBadlyDisturbed => YesNo(input.SleepBadlyDisturbed),
        _ => "",
    };

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "not answered" };

    private static string Minutes(decimal? value) => value is { } m ? $"{Number(m)} minutes" : "not answered";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
