namespace LegCrampCare.Core.Triage;

/// <summary>What the engine knows while evaluating one input: the input, the options and the derived values.</summary>
public readonly struct TriageFacts(in TriageInput input, TriageOptions options, int rcogPoints, bool highRiskContext)
{
    public TriageInput Input { get; } = input;

    public TriageOptions Options { get; } = options;

    public int RcogPoints { get; } = rcogPoints;

    public bool HighRiskContext { get; } = highRiskContext;

    /// <summary>The leg symptoms are on one side (left or right).</summary>
    public bool OneSide => Input.Side is TriageSide.Left or TriageSide.Right;

    /// <summary>"Pain hours": the larger of the pain after the cramp and the continuous pain, in hours; null when neither is known.</summary>
    public decimal? PainHours
    {
        get
        {
            decimal? after = Input.HasPainAfterCramp ? Input.PainAfterHours : null;
            decimal? continuous = Input.ContinuousPainMinutes / 60m;
            return after is null ? continuous : continuous is null ? after : Math.Max(after.Value, continuous.Value);
        }
    }
}

/// <summary>Whether a rule fires, given the facts and the rules already evaluated (see <see cref="TriageRule.DependsOn"/>).</summary>
public delegate bool RuleTrigger(in TriageFacts facts, FiredRules firedSoFar);

/// <summary>
/// One rule of clinical README §3, declared once: the engine evaluates <see cref="Fires"/>, the UI shows
/// <see cref="Sign"/> and <see cref="Message"/>, the midwife and docs/clinical-safety/rules.md show the rest.
/// Messages may name thresholds as {OptionName}; they are filled in from the options when shown.
/// </summary>
public sealed record TriageRule
{
    public required RuleId Id { get; init; }

    public string Code => Id.ToCode();

    public required TriageLevel Level { get; init; }

    /// <summary>The sign in a few plain words, e.g. "one leg swollen".</summary>
    public required string Sign { get; init; }

    /// <summary>What it means, for the patient, in plain words.</summary>
    public required string Message { get; init; }

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

    /// <summary>The message with its {OptionName} thresholds filled in.</summary>
    public string MessageFor(TriageOptions options) => Fill(Message, options);

    public string SignFor(TriageOptions options) => Fill(Sign, options);

    private static string Fill(string text, TriageOptions options)
    {
        static string N(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return text
            .Replace("{TypicalCrampMaxMinutes}", N(options.TypicalCrampMaxMinutes), StringComparison.Ordinal)
            .Replace("{NormalSorenessMaxHours}", N(options.NormalSorenessMaxHours), StringComparison.Ordinal)
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
