using System.Text;
using BenchmarkDotNet.Attributes;
using LegCrampCare.Core.Features.Guidance;

namespace LegCrampCare.Benchmarks;

/// <summary>
/// The guidance history's comparison and the conflict merge on full-length (100,000-character) articles: a realistic
/// revision (a few dozen paragraphs edited) as the baseline, and the worst case the step budget exists for (two
/// unrelated orderings of the same short lines). Target: every row well under 100 ms, so an editor never waits.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TextDiffBenchmarks
{
    private string _article = "";
    private string _revised = "";
    private string _theirs = "";
    private string _shuffledA = "";
    private string _shuffledB = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _article = Article(random, 100_000);
        _revised = Edit(_article, new Random(8), every: 25);
        _theirs = Edit(_article, new Random(9), every: 31);
        string Shuffled(Random r) => string.Join('\n', Enumerable.Range(0, 25_000).Select(_ => $"l{r.Next(40)}"));
        _shuffledA = Shuffled(new Random(11));
        _shuffledB = Shuffled(new Random(12));
    }

    /// <summary>Comparing two versions of a full-length article with scattered edits: what the history page does.</summary>
    [Benchmark(Baseline = true)]
    public int LinesRealisticRevision() => TextDiff.Lines(_article, _revised).Count;

    /// <summary>The case the step budget bounds: without it, hundreds of millions of steps.</summary>
    [Benchmark]
    public int LinesWorstCase() => TextDiff.Lines(_shuffledA, _shuffledB).Count;

    /// <summary>Two editors' changes to a full-length article combined: what a conflict does.</summary>
    [Benchmark]
    public int MergeRealistic() => ThreeWayMerge.Merge(_article, _revised, _theirs).Chunks.Count;

    private static readonly string[] Words =
        ["stretch", "the", "calf", "drink", "water", "before", "bed", "and", "walk", "gently", "hold", "for", "seconds", "a", "leg", "cramp"];

    private static string Article(Random random, int length)
    {
        var text = new StringBuilder(length + 200);
        while (text.Length < length)
        {
            var words = 8 + random.Next(40);
            for (var i = 0; i < words; i++)
            {
                text.Append(Words[random.Next(Words.Length)]).Append(i == words - 1 ? ".\n" : " ");
            }
        }

        return text.ToString(0, length);
    }

    private static string Edit(string article, Random random, int every)
    {
        var lines = article.Split('\n');
        for (var i = random.Next(every); i < lines.Length; i += 1 + random.Next(every))
        {
            lines[i] = lines[i].Replace(" the ", " a ", StringComparison.Ordinal) + " More.";
        }

        return string.Join('\n', lines);
    }
}
