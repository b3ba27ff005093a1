using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Triage.TriageTestInputs;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>Thresholds are configuration; any change from the defaults shows in the rule-set version every result carries.</summary>
public sealed class TriageOptionsTests
{
    [Fact]
    public void DefaultOptions_Version2026Point2()
    {
        Assert.Equal("2026.2", TriageRules.Version);
        Assert.Equal("2026.2", TriageEngine.Default.RuleSetVersion);
        Assert.Equal("2026.2", new TriageEngine().RuleSetVersion);
        Assert.Equal("2026.2", new TriageEngine(new TriageOptions()).RuleSetVersion);
        Assert.Equal("2026.2", TriageEngine.Default.Evaluate(TypicalCramp).RuleSetVersion);
        Assert.Empty(TriageOptions.Default.Problems());
    }

    [Fact]
    public void ChangedOptions_OtherVersion_CarriedByResults()
    {
        var local = new TriageEngine(new TriageOptions { CalfDifferenceUrgentCm = 2.5m });
        var again = new TriageEngine(new TriageOptions { CalfDifferenceUrgentCm = 2.5m });
        var other = new TriageEngine(new TriageOptions { ContinuousPainUrgentMinutes = 90m });

        Assert.NotEqual("2026.2", local.RuleSetVersion);
        Assert.StartsWith("2026.2+local.", local.RuleSetVersion, StringComparison.Ordinal);
        Assert.Equal(local.RuleSetVersion, again.RuleSetVersion);
        Assert.NotEqual(local.RuleSetVersion, other.RuleSetVersion);
        Assert.Equal(local.RuleSetVersion, local.Evaluate(TypicalCramp).RuleSetVersion);
    }

    [Fact]
    public void CalfDifferenceUrgentCm2_5_MovesTheUr2Boundary()
    {
        var local = new TriageEngine(new TriageOptions { CalfDifferenceUrgentCm = 2.5m });

        var at2 = local.Evaluate(TypicalCramp with { CalfDifferenceCm = 2.0m });
        var at2_4 = local.Evaluate(TypicalCramp with { CalfDifferenceCm = 2.4m });
        var at2_5 = local.Evaluate(TypicalCramp with { CalfDifferenceCm = 2.5m });

        Assert.False(at2.Rules.Contains(RuleId.Ur2));
        Assert.True(at2.Rules.Contains(RuleId.Ro3));
        Assert.Equal(TriageLevel.Routine, at2.Level);
        Assert.False(at2_4.Rules.Contains(RuleId.Ur2));
        Assert.True(at2_5.Rules.Contains(RuleId.Ur2));
        Assert.Equal(TriageLevel.Urgent, at2_5.Level);
        var context = WordingContext.For(TypicalCramp, local.Options);
        Assert.Contains("2.5 cm", PatientWording.Reason(RuleId.Ur2, TypicalCramp, context, local.Options), StringComparison.Ordinal);
        Assert.Contains("2 cm", PatientWording.Reason(RuleId.Ur2, TypicalCramp, context, TriageOptions.Default), StringComparison.Ordinal);
        Assert.Contains("2.5 cm", TriageRules.Get(RuleId.Ur2).SignFor(local.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void OtherThresholds_MoveTheirBoundaries()
    {
        var options = new TriageOptions
        {
            ContinuousPainUrgentMinutes = 90m,
            TypicalCrampMaxMinutes = 15m,
            HighRiskPainHours = 4m,
            FrequentConsecutiveWeeks = 1,
            PostnatalHighRiskDays = 28,
            RcogHighRiskPoints = 4,
        };
        var local = new TriageEngine(options);

        Assert.False(local.Evaluate(TypicalCramp with { ContinuousPainMinutes = 61m }).Rules.Contains(RuleId.Ur9));
        Assert.True(local.Evaluate(TypicalCramp with { ContinuousPainMinutes = 91m }).Rules.Contains(RuleId.Ur9));
        Assert.True(local.Evaluate(TypicalCramp with { CrampMinutes = 12m }).Rules.Contains(RuleId.No1));
        var painThreeHours = Postpartum(10) with { Side = TriageSide.Left, HasPainAfterCramp = true, PainAfterHours = 3m, PainAfterImproving = true };
        Assert.False(local.Evaluate(painThreeHours).Rules.Contains(RuleId.Ur7));
        Assert.True(TriageEngine.Default.Evaluate(painThreeHours).Rules.Contains(RuleId.Ur7));
        Assert.True(local.Evaluate(TypicalCramp with { CrampNightsAgo = TriageInput.NightsAgoMask([1, 2]) }).Rules.Contains(RuleId.Ro1));
        Assert.False(local.Evaluate(Postpartum(30)).HighRiskContext);
        Assert.False(local.Evaluate(TypicalCramp with { RiskFactors = RiskFactors.Bmi40 | RiskFactors.Smoker }).Rules.Contains(RuleId.Ro4));
    }

    [Fact]
    public void Version2026Point2Thresholds_MoveUr6Ur14AndTheVersion()
    {
        var options = new TriageOptions { NotImprovingUrgentHours = 8m, CombinedPainHours = 5m, CombinedCalfDifferenceCm = 1.8m };
        var local = new TriageEngine(options);
        TriageInput Pain(decimal hours, decimal? calf) => PainAfter(TypicalCramp, hours, improving: false) with { CalfDifferenceCm = calf };

        Assert.False(local.Evaluate(Pain(7.9m, null)).Rules.Contains(RuleId.Ur6));
        Assert.True(local.Evaluate(Pain(8m, null)).Rules.Contains(RuleId.Ur6));
        Assert.True(TriageEngine.Default.Evaluate(Pain(6m, null)).Rules.Contains(RuleId.Ur6));
        Assert.False(local.Evaluate(Pain(4.9m, 1.8m)).Rules.Contains(RuleId.Ur14));
        Assert.False(local.Evaluate(Pain(5m, 1.7m)).Rules.Contains(RuleId.Ur14));
        Assert.True(local.Evaluate(Pain(5m, 1.8m)).Rules.Contains(RuleId.Ur14));
        Assert.StartsWith("2026.2+local.", local.RuleSetVersion, StringComparison.Ordinal);
        Assert.NotEqual(new TriageEngine(options with { CombinedCalfDifferenceCm = 1.7m }).RuleSetVersion, local.RuleSetVersion);
        Assert.Contains("8 hours", PatientWording.Reason(RuleId.Ur6, TypicalCramp, WordingContext.For(TypicalCramp, options), options), StringComparison.Ordinal);
    }

    public static TheoryData<string> InvalidOptions => new()
    {
        "routine=urgent", "routine>urgent", "routine=0", "cramp=0", "soreness=0", "highRiskHours=0", "continuous=0",
        "nights=0", "nights=8", "weeks=0", "weeks=5", "postnatal=-1", "postnatal=366", "rcog=0", "trimester=3", "trimester=43",
        "notImproving=0", "notImproving>soreness", "highRisk>combined", "combined=0", "combined>notImproving", "combinedCalf<routine",
        "combinedCalf>urgent",
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptions_Throw(string which)
    {
        var options = which switch
        {
            "routine=urgent" => new TriageOptions { CalfDifferenceRoutineCm = 2.0m, CalfDifferenceUrgentCm = 2.0m },
            "routine>urgent" => new TriageOptions { CalfDifferenceRoutineCm = 3.0m },
            "routine=0" => new TriageOptions { CalfDifferenceRoutineCm = 0m },
            "cramp=0" => new TriageOptions { TypicalCrampMaxMinutes = 0m },
            "soreness=0" => new TriageOptions { NormalSorenessMaxHours = 0m },
            "highRiskHours=0" => new TriageOptions { HighRiskPainHours = 0m },
            "continuous=0" => new TriageOptions { ContinuousPainUrgentMinutes = 0m },
            "nights=0" => new TriageOptions { FrequentNightsPerWeek = 0 },
            "nights=8" => new TriageOptions { FrequentNightsPerWeek = 8 },
            "weeks=0" => new TriageOptions { FrequentConsecutiveWeeks = 0 },
            "weeks=5" => new TriageOptions { FrequentConsecutiveWeeks = 5 },
            "postnatal=-1" => new TriageOptions { PostnatalHighRiskDays = -1 },
            "postnatal=366" => new TriageOptions { PostnatalHighRiskDays = 366 },
            "rcog=0" => new TriageOptions { RcogHighRiskPoints = 0 },
            "trimester=3" => new TriageOptions { FirstTrimesterLastWeek = 3 },
            "trimester=43" => new TriageOptions { FirstTrimesterLastWeek = 43 },
            "notImproving=0" => new TriageOptions { NotImprovingUrgentHours = 0m },
            "notImproving>soreness" => new TriageOptions { NotImprovingUrgentHours = 30m },
            "highRisk>combined" => new TriageOptions { HighRiskPainHours = 5m },
            "combined=0" => new TriageOptions { CombinedPainHours = 0m, HighRiskPainHours = 0.5m },
            "combined>notImproving" => new TriageOptions { CombinedPainHours = 7m },
            "combinedCalf<routine" => new TriageOptions { CombinedCalfDifferenceCm = 0.9m },
            _ => new TriageOptions { CombinedCalfDifferenceCm = 2.1m },
        };

        Assert.NotEmpty(options.Problems());
        var ex = Assert.Throws<ArgumentException>(() => new TriageEngine(options));
        Assert.Contains("not usable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoutineAtOrAboveUrgent_ProblemNamesBothThresholds()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TriageEngine(new TriageOptions { CalfDifferenceRoutineCm = 2.5m, CalfDifferenceUrgentCm = 2.0m }));

        Assert.Contains("CalfDifferenceRoutineCm", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CalfDifferenceUrgentCm", ex.Message, StringComparison.Ordinal);
    }
}
