using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.ClinicalSafety;

/// <summary>docs/clinical-safety/rules.md is the rule table the engine runs, word for word.</summary>
public sealed class RulesDocumentTests
{
    [Fact]
    public void RulesDocument_EqualsTheRuleDefinitions()
    {
        var path = RepositoryFiles.PathOf("docs", "clinical-safety", "rules.md");
        var expected = TriageRuleTable.Markdown(TriageOptions.Default);
        if (Environment.GetEnvironmentVariable("LCC_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        Assert.True(expected == actual,
            "docs/clinical-safety/rules.md differs from the rule definitions. Regenerate it with " +
            "LCC_UPDATE_DOCS=1 dotnet test tests/LegCrampCare.Core.Tests --filter RulesDocument, and review the change.");
    }

    [Fact]
    public void RulesDocument_ListsEveryRuleOnce()
    {
        var text = TriageRuleTable.Markdown(TriageOptions.Default);

        foreach (var rule in TriageRules.All)
        {
            Assert.Single(text.Split('\n'), line => line.StartsWith($"| {rule.Code} | {rule.Level.ToCode()} |", StringComparison.Ordinal));
            // ... and what she is told, for every stage, in the wording table.
            Assert.Contains(text.Split('\n'), line => line.StartsWith($"| {rule.Code}", StringComparison.Ordinal) &&
                                                     !line.StartsWith($"| {rule.Code} | {rule.Level.ToCode()} |", StringComparison.Ordinal));
        }
    }
}
