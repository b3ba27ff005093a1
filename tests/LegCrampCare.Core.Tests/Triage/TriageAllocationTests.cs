using FsCheck.Fluent;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>The evaluation path allocates nothing (no boxing, closures, LINQ or strings), so it can run per keystroke and in bulk.</summary>
public sealed class TriageAllocationTests
{
    private const int Evaluations = 10_000;

    /// <summary>The development cases plus generated inputs of every kind (see <see cref="TriageGenerators"/>).</summary>
    private static TriageInput[] VariedInputs() =>
        [.. DevelopmentCases.All.Select(c => c.Input), .. TriageGenerators.Input.Sample(400), TriageTestInputs.TypicalCramp, new TriageInput()];

    [Fact]
    public void Evaluate_10000VariedInputs_AllocatesZeroBytes()
    {
        var inputs = VariedInputs();
        var engines = new[] { TriageEngine.Default, new TriageEngine(new TriageOptions { CalfDifferenceUrgentCm = 2.5m, FrequentConsecutiveWeeks = 3 }) };
        var levels = new int[4];

        // Warm-up: run every path (and let tiered compilation settle) before measuring.
        for (var pass = 0; pass < 5; pass++)
        {
            Run(engines, inputs, Evaluations, levels);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var checksum = Run(engines, inputs, Evaluations, levels);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0, $"{allocated} bytes allocated over {Evaluations} evaluations (checksum {checksum}).");
        Assert.All(levels, count => Assert.True(count > 0)); // every level was produced
    }

    /// <summary>Evaluates and reads every part of each result (the rules too), as the app does when it stores one.</summary>
    private static long Run(TriageEngine[] engines, TriageInput[] inputs, int count, int[] levels)
    {
        long checksum = 0;
        for (var n = 0; n < count; n++)
        {
            var result = engines[n & 1].Evaluate(inputs[n % inputs.Length]);
            levels[(int)result.Level]++;
            checksum += result.RcogPoints + (result.LeftScore ?? 0) + (result.IsIncomplete ? 1 : 0) + (result.IsFlag ? 2 : 0) +
                        (result.HighRiskContext ? 4 : 0) + result.RuleSetVersion.Length;
            foreach (var id in result.Rules)
            {
                checksum += (int)id;
            }
        }

        return checksum;
    }
}
