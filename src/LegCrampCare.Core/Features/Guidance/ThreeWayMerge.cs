using System.Text;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>How an editor resolves one conflict.</summary>
public enum MergeChoice
{
    /// <summary>Keep my version of the lines.</summary>
    Mine,

    /// <summary>Keep their version of the lines.</summary>
    Theirs,

    /// <summary>Keep both: my version, then theirs.</summary>
    Both,
}

/// <summary>
/// A stretch of the merged text: either agreed (<see cref="IsConflict"/> false, <see cref="Text"/> set, Mine and Theirs
/// empty) or a conflict where both changed the same lines differently (<see cref="Mine"/> and <see cref="Theirs"/> are the
/// two versions of those lines, each possibly empty; Text empty). Every line in it keeps its <c>\n</c>, except the last line
/// of a text that does not end with one, so the chunks put together are the merged text.
/// </summary>
public sealed record MergeChunk(bool IsConflict, string Text, string Mine, string Theirs);

/// <summary>The outcome of <see cref="ThreeWayMerge.Merge"/>: agreed stretches and conflicts, in order (never two agreed in a row).</summary>
public sealed record MergeResult(IReadOnlyList<MergeChunk> Chunks)
{
    /// <summary>Whether any chunk is a conflict, i.e. an editor has to choose before the merge can be saved.</summary>
    public bool HasConflicts => ConflictCount > 0;

    /// <summary>How many chunks are conflicts (the number of choices <see cref="Compose"/> needs).</summary>
    public int ConflictCount
    {
        get
        {
            var count = 0;
            foreach (var chunk in Chunks)
            {
                count += chunk.IsConflict ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>
    /// The merged text: agreed chunks as they are; the i-th conflict resolved by <paramref name="choices"/>[i]
    /// (<see cref="MergeChoice.Both"/> = mine then theirs, with a line end between them if mine lacks one).
    /// </summary>
    /// <exception cref="ArgumentException">The number of choices is not <see cref="ConflictCount"/>, or a choice is undefined.</exception>
    public string Compose(IReadOnlyList<MergeChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var conflicts = ConflictCount;
        if (choices.Count != conflicts)
        {
            throw new ArgumentException($"Expected one choice per conflict ({conflicts}), got {choices.Count}.", nameof(choices));
        }

        var length = 0;
        foreach (var chunk in Chunks)
        {
            length += chunk.Text.Length + chunk.Mine.Length + chunk.Theirs.Length + 1;
        }

        var text = new StringBuilder(length);
        var next = 0;
        foreach (var chunk in Chunks)
        {
            if (!chunk.IsConflict)
            {
                text.Append(chunk.Text);
                continue;
            }

            switch (choices[next++])
            {
                case MergeChoice.Mine:
                    text.Append(chunk.Mine);
                    break;
                case MergeChoice.Theirs:
                    text.Append(chunk.Theirs);
                    break;
                case MergeChoice.Both:
                    text.Append(chunk.Mine);
                    if (chunk.Mine.Length > 0 && chunk.Theirs.Length > 0 && chunk.Mine[^1] != '\n')
                    {
                        text.Append('\n');
                    }

                    text.Append(chunk.Theirs);
                    break;
                default:
                    throw new ArgumentException($"Choice {next - 1} is not a {nameof(MergeChoice)}.", nameof(choices));
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Line-based three-way merge (like diff3) for when two editors changed the same article from the same revision.
/// <c>\r\n</c> counts as <c>\n</c>. Pure and thread-safe.
/// </summary>
public static class ThreeWayMerge
{
    /// <summary>Work allowed for each of the two line comparisons (see <see cref="TextDiff.Lines"/>).</summary>
    private const long Budget = SequenceDiff.DefaultBudget;

    /// <summary>
    /// Merges the changes from <paramref name="base"/> (what both started from) to <paramref name="mine"/> and to
    /// <paramref name="theirs"/>. Lines of the base kept by both sides (in a longest common subsequence with each) anchor the
    /// merge; between two anchors, a stretch only one side changed takes that side's version, a stretch both changed the same
    /// way is taken once, and a stretch both changed differently is a conflict, narrowed to the lines where the two versions
    /// differ (lines both versions start or end with are agreed). So both sides inserting different lines at the same spot is
    /// a conflict, as are changes to adjacent lines (no kept line between them), as in diff3 and git. A line end is part of
    /// its line, so a missing final line end is kept like any other change.
    /// </summary>
    public static MergeResult Merge(string @base, string mine, string theirs)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        var b = new Side(DiffTokens.Normalize(@base));
        var m = new Side(DiffTokens.Normalize(mine));
        var t = new Side(DiffTokens.Normalize(theirs));
        var interner = new Interner();
        b.Intern(interner);
        m.Intern(interner);
        t.Intern(interner);

        var runs = new List<MatchRun>();
        var mineOf = MatchedLines(b, m, runs);
        var theirsOf = MatchedLines(b, t, runs);

        var chunks = new Chunks();
        int o = 0, a = 0, c = 0;
        for (var k = 0; k < b.Count; k++)
        {
            if (mineOf[k] >= 0 && theirsOf[k] >= 0)
            {
                chunks.Stretch(b, o, k, m, a, mineOf[k], t, c, theirsOf[k]);
                chunks.Agreed(m, mineOf[k], mineOf[k] + 1);
                (o, a, c) = (k + 1, mineOf[k] + 1, theirsOf[k] + 1);
            }
        }

        chunks.Stretch(b, o, b.Count, m, a, m.Count, t, c, t.Count);
        return new MergeResult(chunks.Finish());
    }

    /// <summary>For each base line, the line of <paramref name="other"/> it is matched with, or -1.</summary>
    private static int[] MatchedLines(Side @base, Side other, List<MatchRun> runs)
    {
        var budget = Budget;
        SequenceDiff.Match(@base.Ids, other.Ids, runs, ref budget);
        var matched = new int[@base.Count];
        Array.Fill(matched, -1);
        foreach (var run in runs)
        {
            for (var i = 0; i < run.Length; i++)
            {
                matched[run.OldStart + i] = run.NewStart + i;
            }
        }

        return matched;
    }

    /// <summary>One of the three texts cut into lines that keep their line end.</summary>
    private sealed class Side(string text)
    {
        private readonly int[] _starts = DiffTokens.LineStarts(text, keepNewline: true);

        public int[] Ids { get; private set; } = [];

        public int Count => _starts.Length - 1;

        public void Intern(Interner interner) => Ids = interner.LineIds(text, _starts, keepNewline: true);

        /// <summary>Lines [from, to) of the text, as one span.</summary>
        public ReadOnlySpan<char> Span(int from, int to) => text.AsSpan(_starts[from], _starts[to] - _starts[from]);

        public ReadOnlySpan<int> IdSpan(int from, int to) => Ids.AsSpan(from, to - from);
    }

    /// <summary>Builds the chunks, joining consecutive agreed text.</summary>
    private sealed class Chunks
    {
        private readonly List<MergeChunk> _chunks = [];
        private readonly StringBuilder _agreed = new();

        public void Agreed(Side version, int from, int to) => _agreed.Append(version.Span(from, to));

        /// <summary>The stretch between two anchors: base lines [o0, o1), mine [a0, a1), theirs [c0, c1).</summary>
        public void Stretch(Side @base, int o0, int o1, Side mine, int a0, int a1, Side theirs, int c0, int c1)
        {
            var baseIds = @base.IdSpan(o0, o1);
            var mineIds = mine.IdSpan(a0, a1);
            var theirsIds = theirs.IdSpan(c0, c1);
            if (mineIds.SequenceEqual(baseIds))
            {
                Agreed(theirs, c0, c1); // only theirs changed (or nobody)
                return;
            }

            if (theirsIds.SequenceEqual(baseIds) || mineIds.SequenceEqual(theirsIds))
            {
                Agreed(mine, a0, a1); // only mine changed, or both the same way
                return;
            }

            var prefix = mineIds.CommonPrefixLength(theirsIds);
            var suffix = 0;
            while (suffix < Math.Min(mineIds.Length, theirsIds.Length) - prefix && mineIds[^(suffix + 1)] == theirsIds[^(suffix + 1)])
            {
                suffix++;
            }

            Agreed(mine, a0, a0 + prefix);
            Flush();
            _chunks.Add(new MergeChunk(true, "", mine.Span(a0 + prefix, a1 - suffix).ToString(), theirs.Span(c0 + prefix, c1 - suffix).ToString()));
            Agreed(mine, a1 - suffix, a1);
        }

        public MergeChunk[] Finish()
        {
            Flush();
            return [.. _chunks];
        }

        private void Flush()
        {
            if (_agreed.Length > 0)
            {
                _chunks.Add(new MergeChunk(false, _agreed.ToString(), "", ""));
                _agreed.Clear();
            }
        }
    }
}
