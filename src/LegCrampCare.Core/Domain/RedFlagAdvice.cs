namespace LegCrampCare.Core.Domain;

/// <summary>What a "yes" to a red-flag question means she should do now.</summary>
public enum UrgentAction
{
    /// <summary>No red-flag answer is "yes" (the safety net still applies).</summary>
    None = 0,

    /// <summary>A leg sign of a possible clot: get checked today.</summary>
    GetCheckedToday = 1,

    /// <summary>A sign of a possible clot in the lung: call the emergency number now.</summary>
    CallEmergency = 2,
}

/// <summary>
/// The direct reading of the red-flag answers, so that a "yes" is never met with just "saved": sudden
/// breathlessness, chest pain, coughing blood or fainting → call the emergency number (the triggers of EM-1…EM-4);
/// one leg swollen, red or darker skin, or warmth → get checked today (UR-1, UR-3). It never lowers anything and is
/// not the full assessment: the triage rule engine (a later release) evaluates every rule.
/// </summary>
public static class RedFlagAdvice
{
    public static UrgentAction For(EpisodeAnswers answers) =>
        EmergencySigns(answers).Count > 0 ? UrgentAction.CallEmergency
        : LegSigns(answers).Count > 0 ? UrgentAction.GetCheckedToday
        : UrgentAction.None;

    /// <summary>The signs she said yes to that call for the emergency number, in her words.</summary>
    public static IReadOnlyList<string> EmergencySigns(EpisodeAnswers a)
    {
        var signs = new List<string>();
        if (a.SuddenBreathlessness == Answer.Yes)
        {
            signs.Add("sudden breathlessness");
        }

        if (a.ChestPain == Answer.Yes)
        {
            signs.Add("chest or upper-back pain");
        }

        if (a.CoughingBlood == Answer.Yes)
        {
            signs.Add("coughing up blood");
        }

        if (a.Fainted == Answer.Yes)
        {
            signs.Add("fainting");
        }

        return signs;
    }

    /// <summary>The leg signs she said yes to, in her words.</summary>
    public static IReadOnlyList<string> LegSigns(EpisodeAnswers a)
    {
        var signs = new List<string>();
        if (a.Swelling is Swelling.OneLeg or Swelling.WholeLeg)
        {
            signs.Add(a.Swelling == Swelling.WholeLeg ? "a whole leg is swollen" : "one leg is swollen");
        }

        if (a.RedOrDarkerSkin == Answer.Yes)
        {
            signs.Add("red or darker skin on the leg");
        }

        if (a.Warmth == Answer.Yes)
        {
            signs.Add("the leg feels warm");
        }

        return signs;
    }
}
