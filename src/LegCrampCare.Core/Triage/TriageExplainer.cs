namespace LegCrampCare.Core.Triage;

/// <summary>One input behind a fired rule, as it was given.</summary>
public sealed record TriageInputValue(TriageField Field, string Path, string Label, string Value);

/// <summary>A fired rule, in plain words, with the inputs behind it.</summary>
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
    TriageInput Input)
{
    /// <summary>Pain stayed after the cramp and she has not said it is getting better: no rubbing or heat for now.</summary>
    public bool PainRemainsNotImproving => Input.HasPainAfterCramp && Input.PainAfterImproving != true;
}

public static class TriageExplainer
{
    public static TriageExplanation Explain(in TriageInput input, TriageResult result, TriageOptions options)
    {
        var rules = new List<FiredRuleExplanation>(result.Rules.Count);
        foreach (var id in result.Rules)
        {
            var rule = TriageRules.Get(id);
            var inputs = new List<TriageInputValue>(rule.Inputs.Count);
            foreach (var field in rule.Inputs)
            {
                inputs.Add(new TriageInputValue(field, field.Path(), field.Label(), field.Describe(input)));
            }

            rules.Add(new FiredRuleExplanation(id, rule.Code, rule.Level, rule.SignFor(options), rule.MessageFor(options), rule.Source, inputs));
        }

        return new TriageExplanation(result, rules, TriageRules.UnansweredRedFlags(input), input);
    }
}
