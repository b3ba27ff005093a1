using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Tests.Features.Review;

/// <summary>The words the midwife's pages, the reports and her own screens share.</summary>
public sealed class ReviewWordsTests
{
    [Theory]
    [InlineData(TriageLevel.Emergency, "EM-2", "Emergency: call for help")]
    [InlineData(TriageLevel.Urgent, "UR-1", "Urgent: call now")]
    [InlineData(TriageLevel.Routine, "FS-1", "Questions to answer")]
    [InlineData(TriageLevel.Routine, "RO-3", "Mention at your next appointment")]
    [InlineData(TriageLevel.None, "NO-1", "Ordinary cramp")]
    [InlineData(TriageLevel.None, "", "No warning signs")]
    public void ResultWordsFor_LevelAndRules_SaysWhatToDo(TriageLevel level, string rules, string expected) =>
        Assert.Equal(expected, ResultWords.For(level, FiredRules.Parse(rules).ToList()));

    [Fact]
    public void Locations_And_HelpedBy_ListTheChoicesInPlainWords()
    {
        Assert.Equal("calf, thigh", ReviewWords.Locations(CrampLocations.Calf | CrampLocations.Thigh));
        Assert.Equal("", ReviewWords.Locations(CrampLocations.None));
        Assert.Equal("stretching, walking", ReviewWords.HelpedBy(ReliefMethods.Stretching | ReliefMethods.Walking));
        Assert.Equal("nothing helped", ReviewWords.HelpedBy(ReliefMethods.Nothing));
        Assert.Equal(["Left leg", "Right leg", "Both legs"], new[] { Side.Left, Side.Right, Side.Both }.Select(ReviewWords.Leg));
    }

    [Fact]
    public void LeftScoreAndRcogPoints_CarryTheirCaveats()
    {
        Assert.Equal("LEFt score 2 of 3 (derived in suspected DVT; 0 does not exclude DVT)", ReviewWords.LeftScore(2));
        Assert.StartsWith("LEFt score not available", ReviewWords.LeftScore(null), StringComparison.Ordinal);
        Assert.Equal("RCOG risk points: 1", ReviewWords.RcogPoints(1));
        Assert.Contains("from 28 weeks", ReviewWords.RcogPoints(3), StringComparison.Ordinal);
        Assert.Contains("throughout pregnancy", ReviewWords.RcogPoints(5), StringComparison.Ordinal);
    }

    [Fact]
    public void RiskFactorList_EveryFactor_HasClinicianWords()
    {
        var all = RiskFactorCatalog.All.Aggregate(RiskFactors.None, (set, r) => set | r.Flag);

        var words = ReviewWords.RiskFactorList(all);

        Assert.Equal(RiskFactorCatalog.All.Count, words.Count);
        Assert.DoesNotContain(words, w => RiskFactorCatalog.All.Any(r => r.Code == w));
        Assert.Equal(["Previous VTE (unprovoked)", "Smoker"], ReviewWords.RiskFactorList(RiskFactors.PreviousVte | RiskFactors.Smoker));
    }
}
