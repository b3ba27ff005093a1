namespace LegCrampCare.Rules;

/// <summary>One input behind a fired rule, as it was given.</summary>
public sealed record TriageInputValue(TriageField Field, string Path, string Label, string Value);

/// <summary>
/// A fired rule, in plain words, with the inputs behind it: <see cref="Sign"/> for the midwife, <see cref="Message"/> what
/// the patient is told (for her stage, W12), both in the words of the result's own rule-set version.
/// </summary>
public sealed record FiredRuleExplanation(
    RuleId Id,
    string Code,
    TriageLevel Level,
    string Sign,
    string Message,
    string Source,
    IReadOnlyList<TriageInputValue> Inputs);

/// <summary>The words for a result: built only when shown, never on the evaluation path.</summary>
public sealed record TriageExplanation(
    TriageResult Result,
    IReadOnlyList<FiredRuleExplanation> Rules,
    IReadOnlyList<TriageField> UnansweredRedFlags,
    TriageInput Input,
    WordingContext Wording,
    TriageOptions Options)
{
    /// <summary>"Pain still there": pain remained after the cramp and has not gone (W5, the leg advice).</summary>
    public bool PainStillThere => Input.HasPainAfterCramp && Input.PainAfterGone != true;

    /// <summary>Pain is still there and she has not said it is getting better: no rubbing or heat for now.</summary>
    public bool PainRemainsNotImproving => PainStillThere && Input.PainAfterImproving != true;

    /// <summary>"Which leg still hurts?" is not answered while pain is still there (W8).</summary>
    public bool PainSideUnanswered => PainStillThere && Input.PainAfterSide == TriageSide.NotGiven;

    /// <summary>The result was given by the rule set this build runs (else it is explained with its own version's words).</summary>
    public bool IsCurrentRuleSet => RuleSetHistory.IsCurrent(Result.RuleSetVersion);
}

public static class TriageExplainer
{
    /// <summary>
    /// Explains a result with the words of its own rule-set version (principle 4): a 2026.1 result keeps 2026.1's texts and
    /// thresholds. <paramref name="options"/> are this deployment's thresholds; they are used for an earlier result only
    /// when its version names them.
    /// </summary>
    public static TriageExplanation Explain(in TriageInput input, TriageResult result, TriageOptions options)
    {
        var own = RuleSetHistory.OptionsOf(result.RuleSetVersion, options);
        var wording = WordingContext.For(input, own);
        var rules = new List<FiredRuleExplanation>(result.Rules.Count);
        foreach (var id in result.Rules)
        {
            var rule = TriageRules.Get(id);
            var inputs = new List<TriageInputValue>(rule.Inputs.Count);
            foreach (var field in rule.Inputs)
            {
                inputs.Add(new TriageInputValue(field, field.Path(), field.Label(), field.Describe(input)));
            }

            var (sign, message) = RuleSetHistory.TextOf(result.RuleSetVersion, id) is { } old
                ? (TriageRule.Fill(old.Sign, own), TriageRule.Fill(old.Message, own))
                : (rule.SignFor(own), PatientWording.Reason(id, input, wording, own));
            rules.Add(new FiredRuleExplanation(id, rule.Code, rule.Level, sign, message, rule.Source, inputs));
        }

        return new TriageExplanation(result, rules, TriageRules.UnansweredRedFlags(input), input, wording, own);
    }
}
