namespace LegCrampCare.Rules;

/// <summary>The words of one rule in an earlier rule set: the midwife's sign and what the patient was told.</summary>
public sealed record RuleText(string Sign, string Message);

/// <summary>
/// Earlier rule sets, kept so that a stored result is explained with the rule text, messages and thresholds of its own
/// version (clinical README principle 4: a 2026.1 UR-6 stays "more than 24 hours"), never with a later table.
/// docs/clinical-safety/rule-set-history.md says what changed between them and why.
/// </summary>
public static class RuleSetHistory
{
    public const string Version2026Point1 = "2026.1";

    /// <summary>"2026.1" for "2026.1" and "2026.1+local.…".</summary>
    public static string BaseVersion(string ruleSetVersion)
    {
        var plus = ruleSetVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? ruleSetVersion : ruleSetVersion[..plus];
    }

    /// <summary>True when a result was given by the rule set this build runs (2026.2, with or without local thresholds).</summary>
    public static bool IsCurrent(string ruleSetVersion) => BaseVersion(ruleSetVersion) == TriageRules.Version;

    /// <summary>The words rule set 2026.1 used, when the result is from 2026.1; null for the current rule set.</summary>
    public static RuleText? TextOf(string ruleSetVersion, RuleId id) =>
        BaseVersion(ruleSetVersion) == Version2026Point1 && TextsOf2026Point1.TryGetValue(id, out var text) ? text : null;

    /// <summary>
    /// The thresholds a result was given with, as far as they can be known: the default thresholds for a plain version;
    /// <paramref name="current"/> when its local suffix names them (for 2026.1, the hash over its 11 thresholds); else the
    /// defaults (the suffix names thresholds this deployment no longer has).
    /// </summary>
    public static TriageOptions OptionsOf(string ruleSetVersion, TriageOptions current)
    {
        var plus = ruleSetVersion.IndexOf("+local.", StringComparison.Ordinal);
        if (plus < 0)
        {
            return TriageOptions.Default;
        }

        var hash = ruleSetVersion[(plus + "+local.".Length)..];
        var expected = BaseVersion(ruleSetVersion) == Version2026Point1
            ? TriageEngine.LocalThresholdsHashOf2026Point1(current)
            : TriageEngine.LocalThresholdsHash(current);
        return hash == expected ? current : TriageOptions.Default;
    }

    /// <summary>Rule set 2026.1 (26 rules), as the patient and the midwife read it.</summary>
    private static readonly Dictionary<RuleId, RuleText> TextsOf2026Point1 = new()
    {
        [RuleId.Em1] = new("sudden breathlessness",
            "You are suddenly short of breath, or breathless at rest, or it is quickly getting worse. This can be a sign of a blood clot in the lung."),
        [RuleId.Em2] = new("chest or upper-back pain",
            "You have pain in your chest or upper back. This can be a sign of a blood clot in the lung."),
        [RuleId.Em3] = new("coughing up blood",
            "You coughed up blood. This can be a sign of a blood clot in the lung."),
        [RuleId.Em4] = new("fainting or collapsing",
            "You fainted, collapsed or passed out. This can be a sign of a blood clot in the lung."),
        [RuleId.Em5] = new("a racing heart with another warning sign",
            "Your heart is racing or pounding, together with breathlessness, chest pain, light-headedness, fainting or a sign in your leg. Together these can be a sign of a blood clot in the lung."),
        [RuleId.Ur1] = new("one leg swollen",
            "One leg is swollen. This can be a sign of a blood clot in the leg."),
        [RuleId.Ur2] = new("calves {CalfDifferenceUrgentCm} cm or more apart",
            "Your calves measure {CalfDifferenceUrgentCm} cm or more apart. This can be a sign of a blood clot in the leg."),
        [RuleId.Ur3] = new("red, darker or warm skin on the leg",
            "The skin on your leg is red, darker than usual, or warm. This can be a sign of a blood clot in the leg."),
        [RuleId.Ur4] = new("a hard, sore vein or a tender calf or thigh",
            "A vein is hard and sore, or the back of your calf or thigh hurts when you press it. This can be a sign of a blood clot in the leg."),
        [RuleId.Ur5] = new("pain that stayed after the cramp, with an ache or pain on walking",
            "Pain stayed after the cramp let go, with a heavy ache, pain when walking or standing, pain when pulling your toes up, or tenderness. An ordinary cramp does not do this. This can be a sign of a blood clot in the leg."),
        [RuleId.Ur6] = new("pain in one leg for over {NormalSorenessMaxHours} hours, not getting better",
            "Pain in one leg has lasted more than {NormalSorenessMaxHours} hours after the cramp and is not getting better. Soreness after an ordinary cramp fades within a day."),
        [RuleId.Ur7] = new("pain in one leg for {HighRiskPainHours} hours or more, with a higher clot risk",
            "Pain in one leg has lasted {HighRiskPainHours} hours or more, and your risk of a clot is higher than usual just now (for example in the weeks after birth, after a previous clot, an operation, or a long journey)."),
        [RuleId.Ur8] = new("the whole leg swollen, or swelling with buttock, groin or back pain",
            "Your whole leg is swollen, or a swollen leg comes with pain in the buttock, groin or lower back. This can be a sign of a blood clot higher up, in the thigh or pelvis."),
        [RuleId.Ur9] = new("severe pain for over {ContinuousPainUrgentMinutes} minutes",
            "Severe pain went on for more than {ContinuousPainUrgentMinutes} minutes without letting go. A cramp does not last that long."),
        [RuleId.Ur10] = new("feeling unwell with a red, warm or swollen leg",
            "You have a fever or feel unwell, and your leg is red, warm or swollen. This can be a blood clot or a skin infection (cellulitis); both need checking today."),
        [RuleId.Ur11] = new("signs of pre-eclampsia",
            "Sudden swelling of your face or hands, a severe headache, problems with your eyesight or severe pain below your ribs can be signs of pre-eclampsia, a blood pressure problem of pregnancy and the weeks after birth."),
        [RuleId.Ro1] = new("cramps most nights, or badly broken sleep",
            "You have had cramps on {FrequentNightsPerWeek} or more nights a week for {FrequentConsecutiveWeeks} weeks in a row, or they are badly disturbing your sleep. Your midwife can help."),
        [RuleId.Ro2] = new("a cramp lasting over {TypicalCrampMaxMinutes} minutes",
            "A cramp or pain lasted more than {TypicalCrampMaxMinutes} minutes. Ordinary cramps are shorter, so mention it at your next appointment."),
        [RuleId.Ro3] = new("calves {CalfDifferenceRoutineCm} to {CalfDifferenceUrgentCm} cm apart",
            "Your calves measure between {CalfDifferenceRoutineCm} and {CalfDifferenceUrgentCm} cm apart. Measure again tomorrow at the same spot, and mention it at your next appointment."),
        [RuleId.Ro4] = new("a higher risk of blood clots",
            "You have had a clot before, have a clotting condition, or have several risk factors for clots. Make sure your midwife knows, and that you have a plan to prevent clots."),
        [RuleId.Ro5] = new("a racing heart on its own",
            "Your heart raced or pounded, with no other warning sign. Mention it at your next appointment."),
        [RuleId.Ro6] = new("breathless when active, as usual",
            "You get breathless when you are active, which is common in pregnancy, with no sudden change and no chest pain. Mention it at your next appointment."),
        [RuleId.Ro7] = new("both ankles slowly swelling after the birth",
            "Both ankles have slowly swollen since the birth. This is common, but mention it to your midwife."),
        [RuleId.Fs1] = new("important questions not answered yet",
            "Some of the important questions are not answered yet, so we can't check this was an ordinary cramp until you answer them."),
        [RuleId.No1] = new("an ordinary cramp",
            "This sounds like an ordinary cramp: short, eased by stretching, with no warning signs."),
        [RuleId.No2] = new("both ankles slowly swelling in pregnancy",
            "Slow swelling of both ankles or feet, worse in the evening, is common in pregnancy."),
    };
}
