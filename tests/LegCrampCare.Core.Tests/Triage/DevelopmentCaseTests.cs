using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>Every clinical development case gives the level the clinician expects, with each expected rule fired.</summary>
public sealed class DevelopmentCaseTests
{
    public static TheoryData<string> CaseIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var triageCase in DevelopmentCases.All)
            {
                data.Add(triageCase.Id);
            }

            return data;
        }
    }

    [Fact]
    public void File_HasAtLeast39CasesEachWithAnExpectedLevel()
    {
        Assert.True(DevelopmentCases.All.Count >= 39, $"cases.dev.json has {DevelopmentCases.All.Count} cases, expected at least 39.");
        Assert.All(DevelopmentCases.All, c => Assert.NotNull(c.Expected));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_GivesExpectedLevelAndFiresExpectedRules(string id)
    {
        var triageCase = DevelopmentCases.Get(id);

        var result = TriageEngine.Default.Evaluate(triageCase.Input);

        Assert.True(triageCase.Expected == result.Level,
            $"{id} ({triageCase.Description}): expected {triageCase.Expected?.ToCode()}, got {result.Level.ToCode()} with [{result.Rules}].");
        foreach (var rule in triageCase.ExpectedRules)
        {
            Assert.True(result.Rules.Contains(rule), $"{id} ({triageCase.Description}): expected {rule.ToCode()} to fire, fired [{result.Rules}].");
        }

        Assert.Equal(TriageRules.Version, result.RuleSetVersion);
    }
}
