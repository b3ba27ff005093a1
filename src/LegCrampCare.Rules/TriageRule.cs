namespace LegCrampCare.Rules;

/// <summary>What the engine knows while evaluating one input: the input, the options and the derived values.</summary>
public readonly struct TriageFacts(in TriageInput input, TriageOptions options, int rcogPoints, bool highRiskContext)
{
    public TriageInput Input { get; } = input;

    public TriageOptions Options { get; } = options;

    public int RcogPoints { get; } = rcogPoints;

    public bool HighRiskContext { get; } = highRiskContext;

    /// <summary>"Pain hours" (UR-7): the larger of the pain after the cramp and the continuous pain, in hours (a null one counts 0).</summary>
    public decimal PainHours
    {
        get
        {
            var after = Input.HasPainAfterCramp ? Input.PainAfterHours ?? 0m : 0m;
            var continuous = (Input.ContinuousPainMinutes ?? 0m) / 60m;
            return Math.Max(after, continuous);
        }
    }

    /// <summary>"Pregnant": a gestational week is given.</summary>
    public bool Pregnant => Input.GestationalWeek is not null;

    /// <summary>"Postnatal": day 0–42 after the pregnancy ended, after a birth or a loss.</summary>
    public bool Postnatal => RiskProfile.InPostnatalWindow(Input, Options);

    /// <summary>"After day 42": more than 42 days after the pregnancy ended.</summary>
    public bool AfterDay42 => RiskProfile.AfterPostnatalWindow(Input, Options);

    /// <summary>Neither pregnant nor a postpartum day (the app only), read as the maternity period.</summary>
    public bool StageUnknown => RiskProfile.IsStageUnknown(Input);

    /// <summary>Pregnant, postnatal or the stage unknown.</summary>
    public bool MaternityPeriod => Pregnant || Postnatal || StageUnknown;

    /// <summary>"Pain still there": pain remained after the cramp and has not gone.</summary>
    public bool PainStillThere => Input.HasPainAfterCramp && Input.PainAfterGone != true;

    /// <summary>"Leg pain" (UR-16, UR-18, UR-19): pain still there, or continuous pain of any duration.</summary>
    public bool LegPain => PainStillThere || Input.ContinuousPainMinutes > 0m;

    /// <summary>"Short cramp": at most 10 minutes, or the quick "more than 10 minutes?" answered no.</summary>
    public bool ShortCramp => Input.CrampMinutes <= Options.TypicalCrampMaxMinutes || Input.CrampOver10Minutes == false;

    /// <summary>"Long cramp": more than 10 minutes, or the quick "more than 10 minutes?" answered yes.</summary>
    public bool LongCramp => Input.CrampMinutes > Options.TypicalCrampMaxMinutes || Input.CrampOver10Minutes == true;

    /// <summary>Pain remained after the cramp, is not said to be improving, and has lasted at least <paramref name="hours"/>.</summary>
    public bool PainNotImprovingFor(decimal hours) =>
        Input.HasPainAfterCramp && Input.PainAfterImproving != true && Input.PainAfterHours >= hours;
}

/// <summary>Whether a rule fires, given the facts and the rules already evaluated (see <see cref="TriageRule.DependsOn"/>).</summary>
public delegate bool RuleTrigger(in TriageFacts facts, FiredRules firedSoFar);

/// <summary>
/// One rule of clinical README §3, declared once: the engine evaluates <see cref="Fires"/>; the midwife's pages and
/// docs/clinical-safety/rules.md show <see cref="Sign"/> (clinical wording) and the rest. What the patient reads is
/// <see cref="PatientWording"/> (README §8: a variant per stage). Texts may name thresholds as {OptionName}; they are
/// filled in from the options when shown.
/// </summary>
public sealed record TriageRule
{
    public required RuleId Id { get; init; }

    public string Code => Id.ToCode();

    public required TriageLevel Level { get; init; }

    /// <summary>The sign in a few plain words, e.g. "one leg swollen" (the midwife's pages and rules.md).</summary>
    public required string Sign { get; init; }

    /// <summary>The exact trigger (shared triage-cases.md, "Exact triggers"), for clinicians and the docs.</summary>
    public required string Trigger { get; init; }

    /// <summary>The inputs the trigger reads.</summary>
    public required IReadOnlyList<TriageField> Inputs { get; init; }

    /// <summary>Rules whose result this one reads; the engine evaluates those first.</summary>
    public IReadOnlyList<RuleId> DependsOn { get; init; } = [];

    /// <summary>The guidance it rests on, and "design" where the threshold is a design choice.</summary>
    public required string Source { get; init; }

    /// <summary>True when the rule uses a threshold marked *design* (a choice the clinical safety officer signs off).</summary>
    public bool UsesDesignThreshold { get; init; }

    public required RuleTrigger Fires { get; init; }

    public string SignFor(TriageOptions options) => Fill(Sign, options);

    /// <summary>The text with its {OptionName} thresholds filled in from <paramref name="options"/>.</summary>
    public static string Fill(string text, TriageOptions options)
    {
        static string N(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return text
            .Replace("{TypicalCrampMaxMinutes}", N(options.TypicalCrampMaxMinutes), StringComparison.Ordinal)
            .Replace("{NormalSorenessMaxHours}", N(options.NormalSorenessMaxHours), StringComparison.Ordinal)
            .Replace("{NotImprovingUrgentHours}", N(options.NotImprovingUrgentHours), StringComparison.Ordinal)
            .Replace("{CombinedPainHours}", N(options.CombinedPainHours), StringComparison.Ordinal)
            .Replace("{CombinedCalfDifferenceCm}", N(options.CombinedCalfDifferenceCm), StringComparison.Ordinal)
            .Replace("{CalfDifferenceUrgentCm}", N(options.CalfDifferenceUrgentCm), StringComparison.Ordinal)
            .Replace("{CalfDifferenceRoutineCm}", N(options.CalfDifferenceRoutineCm), StringComparison.Ordinal)
            .Replace("{HighRiskPainHours}", N(options.HighRiskPainHours), StringComparison.Ordinal)
            .Replace("{ContinuousPainUrgentMinutes}", N(options.ContinuousPainUrgentMinutes), StringComparison.Ordinal)
            .Replace("{FrequentNightsPerWeek}", options.FrequentNightsPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{FrequentConsecutiveWeeks}", options.FrequentConsecutiveWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{PostnatalHighRiskDays}", options.PostnatalHighRiskDays.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{RcogHighRiskPoints}", options.RcogHighRiskPoints.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
