using FsCheck.Fluent;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using Xunit.Abstractions;
using static LegCrampCare.Core.Tests.Triage.TriageTestInputs;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>The generator behind the properties reaches every field, value, boundary, level and rule.</summary>
public sealed class TriageGeneratorTests(ITestOutputHelper output)
{
    private readonly ITestOutputHelper _output = output;

    [Fact]
    public void Generator_CoversEveryFieldAndValue()
    {
        var samples = TriageGenerators.Input.Sample(5000);

        Assert.Contains(samples, i => i.GestationalWeek == 4);
        Assert.Contains(samples, i => i.GestationalWeek == 42);
        Assert.Contains(samples, i => i.PostpartumDay == 0);
        Assert.Contains(samples, i => i.PostpartumDay == 365);
        Assert.Contains(samples, i => i.GestationalWeek is null && i.PostpartumDay is null);
        Assert.All(samples, i => Assert.False(i.GestationalWeek is not null && (i.PostpartumDay is not null || i.Birth is not null)));
        foreach (var birth in Enum.GetValues<BirthMode>())
        {
            Assert.Contains(samples, i => i.Birth == birth && i.PostpartumDay is not null);
        }

        foreach (var flag in AllRiskFactors)
        {
            Assert.Contains(samples, i => (i.RiskFactors & flag) != 0 && (i.RiskFactors & ~flag) == 0);
        }

        Assert.Contains(samples, i => BitCount((long)i.RiskFactors) >= 18);
        foreach (var swelling in Enum.GetValues<Swelling>())
        {
            Assert.Contains(samples, i => i.Swelling == swelling);
        }

        foreach (var side in Enum.GetValues<TriageSide>())
        {
            Assert.Contains(samples, i => i.Side == side);
        }

        decimal[] boundaries = [0m, 1.0m, 1.9m, 2.0m, 10m, 24m, 60m, 61m];
        foreach (var b in boundaries)
        {
            Assert.Contains(samples, i => i.CalfDifferenceCm == b);
            Assert.Contains(samples, i => i.CrampMinutes == b);
            Assert.Contains(samples, i => i.ContinuousPainMinutes == b);
            Assert.Contains(samples, i => i.PainAfterHours == b);
        }

        Func<TriageInput, bool?>[] answers =
        [
            i => i.Relieved, i => i.PainAfterImproving, i => i.HeavyAche, i => i.PainOnWalkingOrStanding, i => i.PainPullingToesUp,
            i => i.Tenderness, i => i.HardSoreVein, i => i.RedOrDarkerSkin, i => i.Warmth, i => i.Fever, i => i.ButtockGroinOrBackPain,
            i => i.SuddenBreathlessness, i => i.GradualBreathlessness, i => i.ChestPain, i => i.CoughingBlood, i => i.Fainted,
            i => i.RacingHeart, i => i.Dizziness, i => i.FaceOrHandSwelling, i => i.SevereHeadache, i => i.VisionProblems,
            i => i.PainBelowRibs, i => i.SleepBadlyDisturbed,
        ];
        foreach (var answer in answers)
        {
            Assert.Contains(samples, i => answer(i) == true);
            Assert.Contains(samples, i => answer(i) == false);
            Assert.Contains(samples, i => answer(i) is null);
        }

        Assert.Contains(samples, i => i.CrampMinutes is null);
        Assert.Contains(samples, i => i.HasPainAfterCramp && i.PainAfterHours is null);
        Assert.Contains(samples, i => !i.HasPainAfterCramp);
        Assert.All(samples, i => Assert.True(i.HasPainAfterCramp || (i.PainAfterHours is null && i.PainAfterImproving is null)));
        for (var n = 1; n <= TriageInput.MaxNightsAgo; n++)
        {
            var bit = 1u << n;
            Assert.Contains(samples, i => (i.CrampNightsAgo & bit) != 0);
        }

        Assert.All(samples, i => Assert.Equal(0u, i.CrampNightsAgo & ~0x1FFF_FFFEu));
        Assert.Contains(samples, i => i.CrampNightsAgo == 0x1FFF_FFFEu || BitCount(i.CrampNightsAgo) >= 24);

        // Every level and every rule is reached.
        var results = samples.Select(i => Evaluate(i)).ToList();
        foreach (var level in Enum.GetValues<TriageLevel>())
        {
            Assert.True(results.Count(r => r.Level == level) >= 100, $"only {results.Count(r => r.Level == level)} {level} samples");
        }

        foreach (var id in RuleIds.All)
        {
            Assert.True(results.Count(r => r.Rules.Contains(id)) >= 20, $"{id.ToCode()} fired in only {results.Count(r => r.Rules.Contains(id))} samples");
        }

        _output.WriteLine("Levels in 5,000 samples: " + string.Join(", ", Enum.GetValues<TriageLevel>().Select(l => $"{l.ToCode()} {results.Count(r => r.Level == l)}")));
        _output.WriteLine("Rules: " + string.Join(", ", RuleIds.All.Select(id => $"{id.ToCode()} {results.Count(r => r.Rules.Contains(id))}")));
    }

    private static int BitCount(long bits) => System.Numerics.BitOperations.PopCount((ulong)bits);
}
