namespace LegCrampCare.Rules;

/// <summary>The outcome of one assessment: a value (no allocation). Explanations are built separately by <see cref="TriageExplainer"/>.</summary>
public readonly record struct TriageResult(
    TriageLevel Level,
    FiredRules Rules,
    int? LeftScore,
    int RcogPoints,
    bool HighRiskContext,
    string RuleSetVersion)
{
    /// <summary>
    /// Principle 2: the only rule above NONE is FS-1 — questions unanswered. It is "incomplete", not a flag for the
    /// midwife; the patient is asked the questions now.
    /// </summary>
    public bool IsIncomplete => Rules.Contains(RuleId.Fs1) && Level == TriageLevel.Routine && !AnyFlagBesidesFs1;

    /// <summary>A level above NONE that a midwife should see (not just unanswered questions).</summary>
    public bool IsFlag => Level > TriageLevel.None && !IsIncomplete;

    private bool AnyFlagBesidesFs1
    {
        get
        {
            foreach (var id in Rules)
            {
                if (id != RuleId.Fs1 && TriageRules.Get(id).Level > TriageLevel.None)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>
/// Evaluates every rule of <see cref="TriageRules"/> over one input. Pure: no I/O and no clock (the input carries the
/// stage and history as of the episode). The level is the highest level of all fired rules, so by construction no rule,
/// risk factor or score can lower it (principle 3), and FS-1 keeps an input with an unanswered red flag above NONE
/// (principle 2).
/// </summary>
public sealed class TriageEngine
{
    private readonly RuleTrigger[] _triggers;
    private readonly RuleId[] _ids;
    private readonly TriageLevel[] _levels;

    public TriageEngine(TriageOptions? options = null)
    {
        Options = options ?? TriageOptions.Default;
        var problems = Options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Triage options are not usable: " + string.Join(" ", problems), nameof(options));
        }

        RuleSetVersion = Options == TriageOptions.Default
            ? TriageRules.Version
            : $"{TriageRules.Version}+local.{LocalThresholdsHash(Options)}";

        var order = EvaluationOrder();
        _ids = order.Select(r => r.Id).ToArray();
        _triggers = order.Select(r => r.Fires).ToArray();
        _levels = TriageRules.All.Select(r => r.Level).ToArray();
    }

    public static TriageEngine Default { get; } = new();

    public TriageOptions Options { get; }

    /// <summary>"2026.2" with the default thresholds; with local thresholds a suffix that names them.</summary>
    public string RuleSetVersion { get; }

    public TriageResult Evaluate(in TriageInput input)
    {
        var options = Options;
        var rcog = RiskProfile.RcogPoints(input, options);
        var highRisk = RiskProfile.IsHighRiskContext(input, rcog, options);
        var facts = new TriageFacts(input, options, rcog, highRisk);

        var fired = FiredRules.Empty;
        var level = TriageLevel.None;
        for (var i = 0; i < _triggers.Length; i++)
        {
            if (_triggers[i](facts, fired))
            {
                var id = _ids[i];
                fired = fired.With(id);
                var ruleLevel = _levels[(int)id];
                if (ruleLevel > level)
                {
                    level = ruleLevel;
                }
            }
        }

        return new TriageResult(level, fired, LeftScore(input, options), rcog, highRisk, RuleSetVersion);
    }

    /// <summary>
    /// LEFt (Chan et al. 2009): Left leg, oEdema (calf difference ≥ 2 cm), First trimester. L reads "which leg still
    /// hurts" when answered (both legs: 0), else the leg that cramped. Null after the pregnancy ended, with the stage
    /// unknown, or when the calves were not measured. Context for the midwife only: never used to lower (or raise) a level.
    /// </summary>
    public static int? LeftScore(in TriageInput input, TriageOptions options)
    {
        if (input.GestationalWeek is not { } week || input.CalfDifferenceCm is not { } calf)
        {
            return null;
        }

        var leg = input.HasPainAfterCramp && input.PainAfterSide != TriageSide.NotGiven ? input.PainAfterSide : input.Side;
        var score = 0;
        if (leg == TriageSide.Left)
        {
            score++;
        }

        if (calf >= options.CalfDifferenceUrgentCm)
        {
            score++;
        }

        if (week <= options.FirstTrimesterLastWeek)
        {
            score++;
        }

        return score;
    }

    /// <summary>Rules in an order where each comes after the rules it depends on (table order otherwise).</summary>
    private static List<TriageRule> EvaluationOrder()
    {
        var ordered = new List<TriageRule>(TriageRules.All.Count);
        var placed = new HashSet<RuleId>();
        var visiting = new HashSet<RuleId>();

        void Visit(TriageRule rule)
        {
            if (placed.Contains(rule.Id))
            {
                return;
            }

            if (!visiting.Add(rule.Id))
            {
                throw new InvalidOperationException($"Rule {rule.Code} depends on itself through its dependencies.");
            }

            foreach (var dependency in rule.DependsOn)
            {
                Visit(TriageRules.Get(dependency));
            }

            placed.Add(rule.Id);
            ordered.Add(rule);
        }

        foreach (var rule in TriageRules.All)
        {
            Visit(rule);
        }

        return ordered;
    }

    /// <summary>The suffix naming local thresholds: the first 4 bytes of a SHA-256 over every threshold, in a fixed order.</summary>
    public static string LocalThresholdsHash(TriageOptions options)
    {
        var o = options;
        return Hash(
            o.TypicalCrampMaxMinutes, o.NormalSorenessMaxHours, o.CalfDifferenceUrgentCm, o.CalfDifferenceRoutineCm,
            o.HighRiskPainHours, o.ContinuousPainUrgentMinutes, o.FrequentNightsPerWeek, o.FrequentConsecutiveWeeks,
            o.PostnatalHighRiskDays, o.RcogHighRiskPoints, o.FirstTrimesterLastWeek,
            o.NotImprovingUrgentHours, o.CombinedPainHours, o.CombinedCalfDifferenceCm);
    }

    /// <summary>
    /// The suffix rule set 2026.1 gave the same thresholds (it had 11 of them), so that a stored "2026.1+local.…" result
    /// is explained with these options only when they are the ones it was given.
    /// </summary>
    public static string LocalThresholdsHashOf2026Point1(TriageOptions options)
    {
        var o = options;
        return Hash(
            o.TypicalCrampMaxMinutes, o.NormalSorenessMaxHours, o.CalfDifferenceUrgentCm, o.CalfDifferenceRoutineCm,
            o.HighRiskPainHours, o.ContinuousPainUrgentMinutes, o.FrequentNightsPerWeek, o.FrequentConsecutiveWeeks,
            o.PostnatalHighRiskDays, o.RcogHighRiskPoints, o.FirstTrimesterLastWeek);
    }

    private static string Hash(params object[] values)
    {
        // Invariant culture: the same thresholds give the same version on every machine.
        var text = string.Join(';', values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(hash, 0, 4).ToLowerInvariant();
    }
}
