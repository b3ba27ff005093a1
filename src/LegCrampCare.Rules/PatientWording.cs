using System.Globalization;
using System.Text;

namespace LegCrampCare.Rules;

/// <summary>
/// The names a deployment gives the emergency number and the urgent advice line (clinical README §8: "other locales
/// substitute their configured numbers for 999 and NHS 111").
/// </summary>
public sealed record ContactWords(string EmergencyNumber = "999", string UrgentLineName = "NHS 111");

/// <summary>
/// Every sentence the patient reads about a result (clinical README §8, W1–W12), for rule set 2026.2: each rule's
/// reason with its variant per stage, and the words around a result (who to call, the headings, the clock for pain
/// still there, the night and midwife cards). The sentences are the spec's, as written; a change goes through the spec.
/// The midwife's pages and rules.md keep the clinical wording of <see cref="TriageRule.Sign"/>.
/// </summary>
public static class PatientWording
{
    private const string ClotInLung = "This can be a sign of a blood clot in the lung.";
    private const string ClotInLeg = "This can be a sign of a blood clot in the leg.";

    // ---- W1 / W2: who to call ----

    /// <summary>W2: the URGENT heading, "Call maternity triage now" / "Call your GP or NHS 111 now"; W3 for UR-11.</summary>
    public static string UrgentHeading(WordingContext c, ContactWords words, bool preEclampsiaSigns)
    {
        var heading = c.Later ? $"Call your GP or {words.UrgentLineName} now" : "Call maternity triage now";
        return preEclampsiaSigns ? heading + " – don't wait until the morning" : heading;
    }

    /// <summary>W1: what to do for an URGENT result, always with the fallback.</summary>
    public static string UrgentAction(WordingContext c, ContactWords words, string? triageNumber) =>
        c.Later
            ? $"Call your GP now, or {words.UrgentLineName} if you can't reach them."
            : string.IsNullOrWhiteSpace(triageNumber)
                ? $"Call maternity triage now, or your GP or {words.UrgentLineName} if you can't reach them."
                : $"Call maternity triage now on {triageNumber}, or your GP or {words.UrgentLineName} if you can't reach them.";

    /// <summary>W1: the ROUTINE sentence, naming the midwife (after day 42: the health visitor or GP; after a loss: the GP).</summary>
    public static string RoutineAction(WordingContext c) => c.Stage switch
    {
        WordingStage.LaterAfterBirth => "Mention this to your health visitor or GP.",
        WordingStage.LaterAfterLoss => "Mention this to your GP.",
        _ => "Mention this to your midwife.",
    };

    /// <summary>"mention it to your midwife" inside a sentence (W5 (d), W12), by W1.</summary>
    private static string MentionItTo(WordingContext c) => c.Stage switch
    {
        WordingStage.LaterAfterBirth => "mention it to your health visitor or GP",
        WordingStage.LaterAfterLoss => "mention it to your GP",
        _ => "mention it to your midwife",
    };

    /// <summary>"call maternity triage" inside a sentence (W5), by W1: after day 42 "call your GP, or NHS 111 if you can't reach them,".</summary>
    private static string CallTriage(WordingContext c, ContactWords words) =>
        c.Later ? $"call your GP, or {words.UrgentLineName} if you can't reach them," : "call maternity triage";

    // ---- every page's safety net (W1 for her stage today) ----

    /// <summary>The emergency line of the safety net on every page.</summary>
    public static string SafetyNetEmergency(ContactWords words) =>
        $"Call {words.EmergencyNumber} now if you are suddenly short of breath, have chest or upper-back pain, cough up blood or faint. Do not drive yourself.";

    /// <summary>The same-day line of the safety net on every page, naming who to call by W1.</summary>
    public static string SafetyNetUrgent(WordingContext c, ContactWords words, string? triageNumber)
    {
        var action = UrgentAction(c, words, triageNumber);
        return "If the pain stays after the cramp has gone, or one leg swells, turns red or darker, or feels warm: " +
               char.ToLowerInvariant(action[0]) + action[1..];
    }

    // ---- W12: a re-assessment (no clock, conditional) ----

    /// <summary>W12: what to do for a re-assessed URGENT result.</summary>
    public static string ReassessedUrgentAction(WordingContext c, ContactWords words) =>
        c.Later
            ? $"If you still have this pain or these symptoms now, call your GP now, or {words.UrgentLineName} if you can't reach them."
            : $"If you still have this pain or these symptoms now, call maternity triage now, or your GP or {words.UrgentLineName} if you can't reach them.";

    /// <summary>W12 (by W1): what to do for a re-assessed ROUTINE result.</summary>
    public static string ReassessedRoutineAction(WordingContext c) => $"If you still have this, {MentionItTo(c)}.";

    /// <summary>
    /// What to do for a result given again under a newer rule set (W12: no clock, nothing for symptoms that may have
    /// passed, conditional words). EMERGENCY has no W12 sentence: W7's first sentence, as for the midwife's card.
    /// </summary>
    public static IReadOnlyList<string> ReassessedActions(TriageLevel level, WordingContext c, ContactWords words) => level switch
    {
        TriageLevel.Emergency => [MidwifeMeasurementCard(c, words)[0]],
        TriageLevel.Urgent => [ReassessedUrgentAction(c, words)],
        TriageLevel.Routine => [ReassessedRoutineAction(c)],
        _ => [],
    };

    // ---- W6: "Later – ask me in the morning" ----

    /// <summary>W6: the three lines, in this order. No reminder is promised.</summary>
    public static IReadOnlyList<string> LaterNotice(ContactWords words) =>
    [
        "Saved. Open the app in the morning to answer the questions.",
        $"Call {words.EmergencyNumber} now if you are suddenly breathless, have chest pain, cough up blood or faint.",
        "Sleep well.",
    ];

    // ---- W7: the midwife-measurement home card ----

    /// <summary>W7: conditional on symptoms now; never "call 999" for symptoms that may have gone.</summary>
    public static IReadOnlyList<string> MidwifeMeasurementCard(WordingContext c, ContactWords words) =>
    [
        $"If you are breathless, have chest pain or cough up blood now, call {words.EmergencyNumber}.",
        c.Later
            ? $"If you have not been checked since your midwife measured your legs, call your GP now, or {words.UrgentLineName} if you can't reach them."
            : "If you have not been checked since your midwife measured your legs, call maternity triage now.",
    ];

    // ---- W8: unanswered questions that change no level ----

    public const string PainStillThereUnanswered = "Not answered yet: Is the pain still there?";

    public const string PainSideUnanswered = "Not answered yet: Which leg still hurts?";

    // ---- W9: reasons ----

    public const string BecauseYouToldUs = "Because you told us:";

    public const string BecauseOfMidwifeMeasurement = "Because of what you told us and your midwife's measurement:";

    /// <summary>W9: at most this many reasons are shown; the rest sit behind "More".</summary>
    public const int ReasonsShown = 3;

    // ---- W5: the clock for pain still there ----

    /// <summary>Which of W5's clocks a sentence is.</summary>
    public enum ClockKind : byte
    {
        /// <summary>(a) high-risk context: UR-7 would fire.</summary>
        HighRisk,

        /// <summary>(b) not improving: UR-6 would fire.</summary>
        NotImproving,

        /// <summary>(c) not improving with a calf difference: UR-14 would fire.</summary>
        Combined,

        /// <summary>(d) improving: RO-8 would fire.</summary>
        Improving,
    }

    /// <summary>W5's sentence for one clock: T as her local "HH:mm", "today" or "tomorrow", the hours after the start.</summary>
    public static string Clock(ClockKind kind, WordingContext c, ContactWords words, string time, bool today, decimal hours, bool reminderScheduled = false)
    {
        var day = today ? "today" : "tomorrow";
        var after = $"({Number(hours)} hours after it started)";
        var sentence = kind switch
        {
            ClockKind.HighRisk => $"If the pain is still there at {time} {day} {after}, {CallTriage(c, words)} then.",
            ClockKind.NotImproving or ClockKind.Combined =>
                $"If the pain is still there at {time} {day} {after} and is not getting better, {CallTriage(c, words)} then.",
            _ => $"If it stops getting better, {CallTriage(c, words)} today. If it is still there at {time} {day} {after}, {MentionItTo(c)}.",
        };
        return sentence + (reminderScheduled ? $" We'll remind you at {time}." : " Set a reminder: the app will not remind you.");
    }

    // ---- the reasons, rule by rule (W3, W4, W11, W12 and the rest) ----

    /// <summary>
    /// What she is told about one fired rule, for her stage (W12), with the thresholds filled in. UR-11 reads the input
    /// to say which signs (W3).
    /// </summary>
    public static string Reason(RuleId id, in TriageInput input, WordingContext c, TriageOptions options) =>
        TriageRule.Fill(ReasonTemplate(id, input, c), options);

    private static string ReasonTemplate(RuleId id, in TriageInput input, WordingContext c) => id switch
    {
        RuleId.Em1 => "You are suddenly short of breath, or breathless at rest, or it is quickly getting worse. " + ClotInLung,
        RuleId.Em2 => "You have pain in your chest or upper back. " + ClotInLung,
        RuleId.Em3 => "You coughed up blood. " + ClotInLung,
        RuleId.Em4 => "You fainted, collapsed or passed out. " + ClotInLung,
        RuleId.Em5 => "Your heart is racing or pounding, together with sudden breathlessness, chest pain, light-headedness, fainting " +
                      "or a sign in your leg. Together these can be a sign of a blood clot in the lung.",
        RuleId.Ur1 => "One leg is swollen. " + ClotInLeg,
        RuleId.Ur2 => "Your calves measure {CalfDifferenceUrgentCm} cm or more apart. " + ClotInLeg,
        RuleId.Ur3 => "The skin on your leg is red, darker than usual, or warm. " + ClotInLeg,
        RuleId.Ur4 => "A vein is hard and sore, or the back of your calf or thigh hurts when you press it. " + ClotInLeg,
        RuleId.Ur5 => "Pain stayed after the cramp let go, with a heavy ache, pain when walking or standing, pain when pulling your " +
                      "toes up, or tenderness. An ordinary cramp does not do this. " + ClotInLeg,
        RuleId.Ur6 => "Pain in your leg has lasted {NotImprovingUrgentHours} hours or more since the cramp and is not getting better. " + ClotInLeg,
        RuleId.Ur7 => c.Stage switch
        {
            WordingStage.Pregnant => "Leg pain that lasts {HighRiskPainHours} hours or more needs checking today in pregnancy, when the chance of a clot is higher.",
            WordingStage.AfterBirth => "Leg pain that lasts {HighRiskPainHours} hours or more needs checking today in the weeks after giving birth, when the chance of a clot is higher.",
            WordingStage.AfterLoss => "Leg pain that lasts {HighRiskPainHours} hours or more needs checking today in the weeks since your pregnancy ended, when the chance of a clot is higher.",
            _ => "Leg pain that lasts {HighRiskPainHours} hours or more needs checking today at this time, when the chance of a clot is higher.",
        },
        RuleId.Ur8 => "Your whole leg is swollen, or a swollen leg comes with pain in the buttock, groin or lower back. " +
                      "This can be a sign of a blood clot higher up, in the thigh or pelvis.",
        RuleId.Ur9 => "Severe pain went on for more than {ContinuousPainUrgentMinutes} minutes without letting go. A cramp does not last that long.",
        RuleId.Ur10 => "You have a fever or feel unwell, and your leg is red, warm or swollen. This can be a blood clot or a skin infection " +
                       "(cellulitis); both need checking today.",
        RuleId.Ur11 => PreEclampsiaReason(input, c),
        RuleId.Ur12 => c.Stage switch
        {
            WordingStage.AfterLoss or WordingStage.LaterAfterLoss =>
                "You have a fever or feel unwell in the weeks after your pregnancy ended. This needs checking today: an infection at this time can become serious quickly.",
            WordingStage.Unknown or WordingStage.Pregnant => FeverStageUnknown,
            _ => "You have a fever or feel unwell in the weeks after giving birth. This needs checking today: an infection after birth can become serious quickly.",
        },
        RuleId.Ur13 => c.Stage == WordingStage.Pregnant
            ? "You have a fever or feel unwell. In pregnancy a temperature above 37.5 °C needs checking today, as an infection can harm you and your baby."
            : FeverStageUnknown,
        RuleId.Ur14 => "Your leg has hurt for {CombinedPainHours} hours or more since the cramp and is not getting better, and your calves " +
                       "measure {CombinedCalfDifferenceCm} cm or more apart. Together these can be a sign of a blood clot in the leg.",
        RuleId.Ur15 => "Your heart is racing and you have been getting breathless. Together these need checking today: they can be a sign of a blood clot in the lung or a heart problem.",
        RuleId.Ur16 => "Your heart is racing and your leg hurts. Together these need checking today: they can be a sign of a blood clot.",
        RuleId.Ur17 => "You have been getting breathless and you feel light-headed. Together these need checking today: they can be a sign of a blood clot in the lung.",
        RuleId.Ur18 => "You have been getting breathless and your leg hurts. Together these need checking today: they can be a sign of a blood clot.",
        RuleId.Ur19 => "You feel light-headed and your leg hurts. Together these need checking today: they can be a sign of a blood clot.",
        RuleId.Ur20 => "Your feet have swollen suddenly. Swelling that starts suddenly needs checking today.",
        RuleId.Ro1 => "Cramps this often, or cramps that badly disturb your sleep, are worth mentioning. " + RoutineAction(c),
        RuleId.Ro2 => "A cramp or pain lasted more than {TypicalCrampMaxMinutes} minutes. Ordinary cramps are shorter. " + RoutineAction(c),
        RuleId.Ro3 => "Your calves measure between {CalfDifferenceRoutineCm} and {CalfDifferenceUrgentCm} cm apart. Measure again tomorrow " +
                      "at the same spot. " + RoutineAction(c),
        RuleId.Ro4 => c.Later
            ? "You have a higher chance of a blood clot. Make sure your GP knows and that you have a plan to prevent clots."
            : "You have a higher chance of a blood clot. Make sure your midwife knows and that you have a plan to prevent clots.",
        RuleId.Ro5 => "Your heart is racing or pounding. " + RoutineAction(c),
        RuleId.Ro6 => (c.Stage == WordingStage.Pregnant
            ? "You get breathless when you are active, which is common in pregnancy, with no sudden change and no chest pain. "
            : "You get breathless when you are active, with no sudden change and no chest pain. ") + RoutineAction(c),
        RuleId.Ro7 => c.Stage switch
        {
            WordingStage.AfterBirth => "Both ankles have slowly swollen since the birth. This is common, but mention it to your midwife.",
            WordingStage.AfterLoss => "Both ankles have slowly swollen since your pregnancy ended. This is common, but mention it to your midwife.",
            _ => $"Both ankles have slowly swollen. This is common, but {MentionItTo(c)}.",
        },
        RuleId.Ro8 => "Your leg is still sore more than {NormalSorenessMaxHours} hours after the cramp, though it is getting better. " + RoutineAction(c),
        RuleId.Fs1 => "Some of the important questions are not answered yet, so we can't check this was an ordinary cramp until you answer them.",
        RuleId.No1 => "This sounds like an ordinary cramp: short, eased by stretching, with no warning signs.",
        RuleId.No2 => c.Stage == WordingStage.Pregnant
            ? "Slow swelling of both ankles or feet, worse in the evening, is common in pregnancy."
            : "Slow swelling of both ankles or feet, worse in the evening, is common.",
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };

    /// <summary>W4, stage unknown: UR-12 and UR-13 both fire and this one reason is shown.</summary>
    public const string FeverStageUnknown = "You have a fever or feel unwell. This needs checking today: an infection can become serious quickly.";

    /// <summary>W3: the reason for UR-11, naming the signs she has, in the variant for her stage.</summary>
    private static string PreEclampsiaReason(in TriageInput input, WordingContext c)
    {
        var text = new StringBuilder();
        var signs = input.SevereHeadache == true || input.VisionProblems == true || input.FaceOrHandSwelling == true || input.PainBelowRibs == true;
        if (signs)
        {
            const string Signs = "A severe headache, problems with your eyesight, sudden swelling of your face or hands, or severe pain below your ribs";
            text.Append(c.Stage switch
            {
                WordingStage.Pregnant => Signs + " can be signs of pre-eclampsia and need checking now.",
                WordingStage.AfterBirth => Signs + " can be signs of pre-eclampsia, which can also start in the weeks after giving birth, and need checking now.",
                _ => Signs + " need checking now.",
            });
        }

        // Sudden swelling of the feet fires UR-11 only in the maternity period (after day 42 it is UR-20).
        if (input.SuddenFeetSwelling == true && c.MaternityPeriod)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(c.Stage switch
            {
                WordingStage.Pregnant or WordingStage.AfterBirth =>
                    "Your feet have swollen suddenly. In pregnancy and in the weeks after it, this can be a sign of pre-eclampsia and needs checking now.",
                WordingStage.AfterLoss => "Your feet have swollen suddenly in the weeks since your pregnancy ended. This needs checking now.",
                _ => "Your feet have swollen suddenly. This needs checking now.",
            });
        }

        return text.ToString();
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
