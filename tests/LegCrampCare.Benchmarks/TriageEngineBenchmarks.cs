using BenchmarkDotNet.Attributes;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Benchmarks;

/// <summary>
/// Assessments per second of <see cref="TriageEngine.Evaluate"/> over a fixed mix of 1,000 inputs (reported per
/// assessment through OperationsPerInvoke), with the allocation per assessment. The baseline reads the same inputs
/// without evaluating them, so the ratio is the engine's own cost over the cost of touching the data; the explanation
/// path (what the UI builds once per shown result) is there for comparison.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TriageEngineBenchmarks
{
    private const int Count = 1_000;

    private TriageInput[] _inputs = [];
    private TriageResult[] _results = [];
    private TriageEngine _engine = TriageEngine.Default;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = BenchmarkInputs.Create(Count);
        _engine = TriageEngine.Default;
        _results = new TriageResult[Count];
        for (var i = 0; i < Count; i++)
        {
            _results[i] = _engine.Evaluate(_inputs[i]);
        }
    }

    /// <summary>Reads each input (a few fields) without evaluating: the floor the engine is compared with.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ReadInputsOnly()
    {
        var sum = 0;
        var inputs = _inputs;
        for (var i = 0; i < inputs.Length; i++)
        {
            ref readonly var input = ref inputs[i];
            sum += (int)input.Side + (int)input.Swelling + (input.ChestPain == true ? 1 : 0) + (int)(input.CrampNightsAgo & 1);
        }

        return sum;
    }

    /// <summary>One full assessment per input: every rule, RCOG points, high-risk context, LEFt.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Evaluate()
    {
        var sum = 0;
        var inputs = _inputs;
        var engine = _engine;
        for (var i = 0; i < inputs.Length; i++)
        {
            var result = engine.Evaluate(inputs[i]);
            sum += (int)result.Level + (int)result.Rules.Bits;
        }

        return sum;
    }

    /// <summary>The explanation the UI builds for a shown result (allocates; not on the evaluation path).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Explain()
    {
        var sum = 0;
        var options = _engine.Options;
        for (var i = 0; i < _inputs.Length; i++)
        {
            sum += TriageExplainer.Explain(_inputs[i], _results[i], options).Rules.Count;
        }

        return sum;
    }
}
