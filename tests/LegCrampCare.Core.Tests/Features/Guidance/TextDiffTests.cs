using System.Text;
using FsCheck.Xunit;
using LegCrampCare.Core.Features.Guidance;
using static LegCrampCare.Core.Features.Guidance.DiffKind;

namespace LegCrampCare.Core.Tests.Features.Guidance;

/// <summary>
/// What an editor sees between two revisions: examples, then properties over generated articles
/// (<see cref="DiffTextGenerators"/>), then the shared Myers core against a textbook LCS, then 100,000-character inputs.
/// </summary>
public sealed class TextDiffTests
{
    private const int Cases = 1000;

    // ---- examples: lines ----

    [Fact]
    public void Lines_OneWordChanged_ChangedLineWithWordPieces()
    {
        var lines = TextDiff.Lines(
            "Drink water before bed.\n\nStretch your calves.",
            "Drink fluids before bed.\n\nStretch your calves.");

        Assert.Equal(
            [
                new DiffLine(DiffLineKind.Changed, [new(Same, "Drink "), new(Removed, "water"), new(Added, "fluids"), new(Same, " before bed.")]),
                SameLine(""),
                SameLine("Stretch your calves."),
            ],
            lines,
            LineComparer.Instance);
    }

    [Fact]
    public void Lines_IdenticalTexts_OnlySameLines()
    {
        var lines = TextDiff.Lines("# Night cramps\n\nRest.\n", "# Night cramps\n\nRest.\n");

        Assert.Equal([SameLine("# Night cramps"), SameLine(""), SameLine("Rest."), SameLine("")], lines, LineComparer.Instance);
    }

    [Fact]
    public void Lines_EmptyOld_EveryLineAdded()
    {
        var lines = TextDiff.Lines("", "Rest.\n\nStretch.");

        Assert.Equal([AddedLine("Rest."), AddedLine(""), AddedLine("Stretch.")], lines, LineComparer.Instance);
    }

    [Fact]
    public void Lines_EmptyNew_EveryLineRemoved()
    {
        var lines = TextDiff.Lines("Rest.\nStretch.", "");

        Assert.Equal([RemovedLine("Rest."), RemovedLine("Stretch.")], lines, LineComparer.Instance);
    }

    [Fact]
    public void Lines_BothEmpty_NoLines() => Assert.Empty(TextDiff.Lines("", ""));

    [Fact]
    public void Lines_ParagraphInserted_AddedLinesBetweenSameLines()
    {
        var lines = TextDiff.Lines("Rest.\n\nStretch.", "Rest.\n\nDrink water.\n\nStretch.");

        Assert.Equal(
            [SameLine("Rest."), SameLine(""), AddedLine("Drink water."), AddedLine(""), SameLine("Stretch.")],
            lines,
            LineComparer.Instance);
    }

    [Fact]
    public void Lines_ParagraphRewritten_RemovedAndAddedInsteadOfChanged()
    {
        var lines = TextDiff.Lines("Rest.\nMassage the calf gently.", "Rest.\nCall 111 if your leg is swollen.");

        Assert.Equal(
            [SameLine("Rest."), RemovedLine("Massage the calf gently."), AddedLine("Call 111 if your leg is swollen.")],
            lines,
            LineComparer.Instance);
    }

    [Fact]
    public void Lines_TwoLinesEachReworded_PairedInOrder()
    {
        var lines = TextDiff.Lines("Stretch your calf.\nDrink water.", "Stretch your calves.\nDrink more water.");

        Assert.Equal(
            [
                new DiffLine(DiffLineKind.Changed, [new(Same, "Stretch your "), new(Removed, "calf"), new(Added, "calves"), new(Same, ".")]),
                new DiffLine(DiffLineKind.Changed, [new(Same, "Drink "), new(Added, "more "), new(Same, "water.")]),
            ],
            lines,
            LineComparer.Instance);
    }

    [Fact]
    public void Lines_RewrittenLineBetweenRewordedOnes_RemovedThenAddedInPlace()
    {
        var lines = TextDiff.Lines(
            "Stretch your calf.\nMassage gently.\nDrink water.",
            "Stretch your calves.\nSee a doctor if it swells.\nDrink more water.");

        Assert.Equal(
            [DiffLineKind.Changed, DiffLineKind.Removed, DiffLineKind.Added, DiffLineKind.Changed],
            lines.Select(l => l.Kind));
        Assert.Equal("Massage gently.", lines[1].Pieces.Single().Text);
        Assert.Equal("See a doctor if it swells.", lines[2].Pieces.Single().Text);
    }

    [Fact]
    public void Lines_MoreRemovedThanAdded_LeftoverLinesRemoved()
    {
        var lines = TextDiff.Lines("Drink water.\nRest.\nStretch.", "Drink more water.");

        Assert.Equal([DiffLineKind.Changed, DiffLineKind.Removed, DiffLineKind.Removed], lines.Select(l => l.Kind));
    }

    [Fact]
    public void Lines_WindowsLineEnds_SameAsUnixLineEnds()
    {
        var lines = TextDiff.Lines("Rest.\r\nStretch.\r\n", "Rest.\nStretch.\n");

        Assert.All(lines, line => Assert.Equal(DiffLineKind.Same, line.Kind));
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public void Lines_FinalLineEndAdded_ShownAsAnAddedEmptyLine()
    {
        var lines = TextDiff.Lines("Rest.", "Rest.\n");

        Assert.Equal([SameLine("Rest."), AddedLine("")], lines, LineComparer.Instance);
    }

    [Fact]
    public void Lines_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TextDiff.Lines(null!, ""));
        Assert.Throws<ArgumentNullException>(() => TextDiff.Lines("", null!));
    }

    // ---- examples: words ----

    [Fact]
    public void Words_OneWordChanged_RemovedThenAddedBetweenSamePieces() =>
        Assert.Equal(
            [new(Same, "Cramps "), new(Removed, "at"), new(Added, "during the"), new(Same, " night")],
            TextDiff.Words("Cramps at night", "Cramps during the night"));

    [Fact]
    public void Words_WordsAppended_SameThenAdded() =>
        Assert.Equal([new(Same, "Night cramps"), new(Added, " in pregnancy")], TextDiff.Words("Night cramps", "Night cramps in pregnancy"));

    [Fact]
    public void Words_PunctuationChanged_OnlyThePunctuation() =>
        Assert.Equal([new(Same, "Rest"), new(Removed, "."), new(Added, "!")], TextDiff.Words("Rest.", "Rest!"));

    [Fact]
    public void Words_ApostropheInsideAWord_OneWord() =>
        Assert.Equal([new(Removed, "Don't"), new(Added, "Do"), new(Same, " stretch")], TextDiff.Words("Don't stretch", "Do stretch"));

    [Fact]
    public void Words_OnlySpacingChanged_WhitespaceRemovedAndAdded() =>
        Assert.Equal([new(Same, "Rest"), new(Removed, "  "), new(Added, " "), new(Same, "now")], TextDiff.Words("Rest  now", "Rest now"));

    [Fact]
    public void Words_Identical_OneSamePiece() =>
        Assert.Equal([new(Same, "Leg cramps")], TextDiff.Words("Leg cramps", "Leg cramps"));

    [Fact]
    public void Words_BothEmpty_NoPieces() => Assert.Empty(TextDiff.Words("", ""));

    [Fact]
    public void Words_FromEmpty_OneAddedPiece() => Assert.Equal([new(Added, "Leg cramps")], TextDiff.Words("", "Leg cramps"));

    // ---- properties ----

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Lines_AnyTexts_SameAndRemovedGiveOldSameAndAddedGiveNew(TextPair pair)
    {
        var lines = TextDiff.Lines(pair.Old, pair.New);

        Assert.Equal(Normalize(pair.Old), Side(lines, Added));
        Assert.Equal(Normalize(pair.New), Side(lines, Removed));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Lines_AnyTexts_PiecesAreWellFormed(TextPair pair)
    {
        foreach (var line in TextDiff.Lines(pair.Old, pair.New))
        {
            if (line.Kind == DiffLineKind.Changed)
            {
                AssertWellFormed(line.Pieces);
                Assert.Contains(line.Pieces, p => p.Kind == Same && p.Text.Trim().Length > 0);
                Assert.Contains(line.Pieces, p => p.Kind != Same);
            }
            else
            {
                var piece = Assert.Single(line.Pieces);
                Assert.Equal(line.Kind switch { DiffLineKind.Same => Same, DiffLineKind.Removed => Removed, _ => Added }, piece.Kind);
                Assert.DoesNotContain('\n', piece.Text);
            }
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Lines_AnyTexts_SameLinesAreALongestCommonSubsequence(TextPair pair)
    {
        var lines = TextDiff.Lines(pair.Old, pair.New);

        Assert.Equal(
            LongestCommonSubsequence(SplitLines(Normalize(pair.Old)), SplitLines(Normalize(pair.New))),
            lines.Count(l => l.Kind == DiffLineKind.Same));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Lines_IdenticalTexts_OnlySameLinesOnePerLine(TextPair pair)
    {
        var lines = TextDiff.Lines(pair.Old, pair.Old);

        Assert.All(lines, l => Assert.Equal(DiffLineKind.Same, l.Kind));
        Assert.Equal(SplitLines(Normalize(pair.Old)), lines.Select(l => l.Pieces.Single().Text));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Lines_EmptyOldOrNew_OnlyAddedOrOnlyRemoved(TextPair pair)
    {
        var added = TextDiff.Lines("", pair.New);
        var removed = TextDiff.Lines(pair.Old, "");

        Assert.All(added, l => Assert.Equal(DiffLineKind.Added, l.Kind));
        Assert.Equal(SplitLines(Normalize(pair.New)).Length, added.Count);
        Assert.All(removed, l => Assert.Equal(DiffLineKind.Removed, l.Kind));
        Assert.Equal(SplitLines(Normalize(pair.Old)).Length, removed.Count);
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Words_AnyTexts_SameAndRemovedGiveOldSameAndAddedGiveNew(TextPair pair)
    {
        var pieces = TextDiff.Words(pair.Old, pair.New);

        Assert.Equal(Normalize(pair.Old), Concat(pieces, Added));
        Assert.Equal(Normalize(pair.New), Concat(pieces, Removed));
        AssertWellFormed(pieces);
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Words_IdenticalTexts_AtMostOneSamePiece(TextPair pair)
    {
        var pieces = TextDiff.Words(pair.Old, pair.Old);

        Assert.Equal(pair.Old.Length == 0 ? [] : [new DiffPiece(Same, Normalize(pair.Old))], pieces);
    }

    // ---- the shared core ----

    [Property(MaxTest = 3000, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void SequenceDiff_AnyBudget_RunsAreACommonSubsequenceLongestWhenTheBudgetSuffices(IdSequences input)
    {
        var runs = new List<MatchRun>();
        var budget = input.Budget;
        SequenceDiff.Match(input.Old, input.New, runs, ref budget);

        int oldEnd = 0, newEnd = 0, matched = 0;
        foreach (var run in runs)
        {
            Assert.True(run.Length > 0 && run.OldStart >= oldEnd && run.NewStart >= newEnd, $"run {run} out of order");
            Assert.False(run.OldStart == oldEnd && run.NewStart == newEnd && matched > 0, $"run {run} not joined to the one before");
            Assert.Equal(input.Old.AsSpan(run.OldStart, run.Length), input.New.AsSpan(run.NewStart, run.Length));
            (oldEnd, newEnd, matched) = (run.OldStart + run.Length, run.NewStart + run.Length, matched + run.Length);
        }

        var lcs = LongestCommonSubsequence(input.Old, input.New);
        if (budget > 0)
        {
            Assert.Equal(lcs, matched);
        }
        else
        {
            Assert.True(matched <= lcs);
        }
    }

    [Fact]
    public void SequenceDiff_NoBudget_OnlyCommonPrefixAndSuffixMatched()
    {
        var runs = new List<MatchRun>();
        long budget = 0;
        SequenceDiff.Match([1, 2, 3, 4, 5, 9], [1, 4, 3, 2, 5, 9], runs, ref budget);

        Assert.Equal([new MatchRun(0, 0, 1), new MatchRun(4, 4, 2)], runs);
    }

    // ---- 100,000 characters ----

    [Fact]
    public void Lines_100000CharacterArticleWithScatteredEdits_IsFaithful()
    {
        var random = new Random(7);
        var old = Article(random, 100_000);
        var lines = old.Split('\n');
        for (var i = 0; i < lines.Length; i += 1 + random.Next(20))
        {
            lines[i] = random.Next(3) switch { 0 => lines[i].Replace(" the ", " a ", StringComparison.Ordinal), 1 => "", _ => lines[i] + " Rest." };
        }

        var @new = string.Join('\n', lines);

        var result = TextDiff.Lines(old, @new);

        Assert.Equal(old, Side(result, Added));
        Assert.Equal(@new, Side(result, Removed));
        Assert.Contains(result, l => l.Kind == DiffLineKind.Changed);
        Assert.True(result.Count(l => l.Kind == DiffLineKind.Same) > lines.Length * 3 / 4);
    }

    [Fact]
    public void Lines_Two100000CharacterTextsOfShuffledShortLines_StaysFaithfulWithinTheStepBudget()
    {
        // About 25,000 lines each from 40 short lines: hundreds of millions of steps without the budget.
        var random = new Random(11);
        string Shuffled() => string.Join('\n', Enumerable.Range(0, 25_000).Select(_ => $"l{random.Next(40)}"));
        var old = Shuffled();
        var @new = Shuffled();

        var result = TextDiff.Lines(old, @new);

        Assert.Equal(old, Side(result, Added));
        Assert.Equal(@new, Side(result, Removed));
    }

    [Fact]
    public void Lines_Two100000CharacterTextsWithNothingInCommon_AllRemovedThenAllAdded()
    {
        var old = Article(new Random(1), 100_000);
        var @new = Article(new Random(2), 100_000).ToUpperInvariant();

        var result = TextDiff.Lines(old, @new);

        var oldLines = old.Split('\n').Length;
        Assert.All(result.Take(oldLines), l => Assert.Equal(DiffLineKind.Removed, l.Kind));
        Assert.All(result.Skip(oldLines), l => Assert.Equal(DiffLineKind.Added, l.Kind));
        Assert.Equal(@new, Side(result, Removed));
    }

    [Fact]
    public void Lines_One100000CharacterParagraphWithOneWordChanged_OneChangedLine()
    {
        var old = Article(new Random(3), 100_000).Replace('\n', ' ');
        var at = old.IndexOf(" the ", 50_000, StringComparison.Ordinal);
        var @new = string.Concat(old.AsSpan(0, at), " a ", old.AsSpan(at + 5));

        var result = TextDiff.Lines(old, @new);

        var line = Assert.Single(result);
        Assert.Equal(DiffLineKind.Changed, line.Kind);
        Assert.Equal([Same, Removed, Added, Same], line.Pieces.Select(p => p.Kind));
        Assert.Equal(("the", "a"), (line.Pieces[1].Text, line.Pieces[2].Text));
    }

    [Fact]
    public void Words_Two100000CharacterTextsOfShuffledWords_StaysFaithfulWithinTheStepBudget()
    {
        var random = new Random(5);
        string Shuffled() => string.Join(' ', Enumerable.Range(0, 20_000).Select(_ => $"w{random.Next(30)}"));
        var old = Shuffled();
        var @new = Shuffled();

        var result = TextDiff.Words(old, @new);

        Assert.Equal(old, Concat(result, Added));
        Assert.Equal(@new, Concat(result, Removed));
    }

    // ---- helpers ----

    private static DiffLine SameLine(string text) => new(DiffLineKind.Same, [new(Same, text)]);

    private static DiffLine AddedLine(string text) => new(DiffLineKind.Added, [new(Added, text)]);

    private static DiffLine RemovedLine(string text) => new(DiffLineKind.Removed, [new(Removed, text)]);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string[] SplitLines(string text) => text.Length == 0 ? [] : text.Split('\n');

    /// <summary>One side of a line diff: the lines without the pieces of <paramref name="other"/>, joined with \n.</summary>
    private static string Side(IReadOnlyList<DiffLine> lines, DiffKind other) =>
        string.Join('\n', lines.Where(l => l.Kind != (other == Added ? DiffLineKind.Added : DiffLineKind.Removed)).Select(l => Concat(l.Pieces, other)));

    private static string Concat(IEnumerable<DiffPiece> pieces, DiffKind other) =>
        string.Concat(pieces.Where(p => p.Kind != other).Select(p => p.Text));

    private static void AssertWellFormed(IReadOnlyList<DiffPiece> pieces)
    {
        Assert.All(pieces, p => Assert.NotEqual("", p.Text));
        for (var i = 1; i < pieces.Count; i++)
        {
            Assert.NotEqual(pieces[i - 1].Kind, pieces[i].Kind);
            Assert.False(pieces[i - 1].Kind == Added && pieces[i].Kind == Removed, "an added piece before a removed one");
        }
    }

    /// <summary>The textbook dynamic programme, independent of the Myers code.</summary>
    private static int LongestCommonSubsequence<T>(T[] a, T[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = EqualityComparer<T>.Default.Equals(a[i - 1], b[j - 1])
                    ? table[i - 1, j - 1] + 1
                    : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }

    /// <summary>About <paramref name="length"/> characters of sentences from a small vocabulary, one paragraph a line.</summary>
    private static string Article(Random random, int length)
    {
        string[] words = ["the", "calf", "muscle", "cramp", "stretch", "gently", "water", "drink", "night", "pain", "rest", "leg", "foot", "doctor"];
        var text = new StringBuilder(length + 100);
        while (text.Length < length)
        {
            var sentence = Enumerable.Range(0, 3 + random.Next(12)).Select(_ => words[random.Next(words.Length)]);
            text.Append(string.Join(' ', sentence)).Append('.').Append(random.Next(2) == 0 ? '\n' : ' ');
        }

        return text.ToString(0, length).TrimEnd();
    }

    /// <summary>Compares lines by kind and pieces (records compare their piece lists by reference).</summary>
    private sealed class LineComparer : IEqualityComparer<DiffLine>
    {
        public static readonly LineComparer Instance = new();

        public bool Equals(DiffLine? x, DiffLine? y) => x!.Kind == y!.Kind && x.Pieces.SequenceEqual(y.Pieces);

        public int GetHashCode(DiffLine obj) => obj.Kind.GetHashCode();
    }
}
