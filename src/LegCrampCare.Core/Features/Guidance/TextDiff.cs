using System.Runtime.InteropServices;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>Whether a piece of text is in both versions, only the old one or only the new one.</summary>
public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of text (words and the whitespace after them) that is the same, removed or added.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>What happened to a line between two versions.</summary>
public enum DiffLineKind
{
    Same,
    Removed,
    Added,
    Changed,
}

/// <summary>
/// One line (a Markdown paragraph is usually one line), without its line end. <see cref="DiffLineKind.Changed"/> is a removed
/// line paired with an added line; its <see cref="Pieces"/> show the word-level changes (Same, Removed and Added pieces).
/// Same, Removed and Added lines have one piece with the whole line (an empty piece for an empty line).
/// </summary>
public sealed record DiffLine(DiffLineKind Kind, IReadOnlyList<DiffPiece> Pieces);

/// <summary>
/// What changed between two versions of a text, for people who do not read diffs: by line, and within a changed line by word.
/// <c>\r\n</c> counts as <c>\n</c>. Pure and thread-safe.
/// </summary>
public static class TextDiff
{
    /// <summary>Work allowed for the line-level comparison; beyond it the rest is shown removed then added.</summary>
    private const long LineBudget = SequenceDiff.DefaultBudget;

    /// <summary>Work allowed for all the word-level comparisons of one call together.</summary>
    private const long WordBudget = SequenceDiff.DefaultBudget;

    /// <summary>
    /// Line-level diff: matched lines (a longest common subsequence, found with Myers' algorithm) are Same; within each run of
    /// removed lines followed by added lines the lines are paired in order and each pair is compared word by word: a pair
    /// sharing at least a third of its text (letters, digits and marks, not spaces: 2 × shared ÷ (old + new) ≥ ⅓) is one
    /// Changed line, otherwise it is shown as a Removed and an Added line. Joining the Same and Removed text of the lines with
    /// <c>\n</c> gives the old text, the Same and Added text the new one. An empty text has no lines; a text ending in a line
    /// end has an empty last line. Linear space; very different inputs stop at a work budget instead of going quadratic.
    /// </summary>
    public static IReadOnlyList<DiffLine> Lines(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        oldText = DiffTokens.Normalize(oldText);
        newText = DiffTokens.Normalize(newText);

        var oldStarts = DiffTokens.LineStarts(oldText, keepNewline: false);
        var newStarts = DiffTokens.LineStarts(newText, keepNewline: false);
        var interner = new Interner();
        var oldIds = interner.LineIds(oldText, oldStarts, keepNewline: false);
        var newIds = interner.LineIds(newText, newStarts, keepNewline: false);
        var runs = new List<MatchRun>();
        var budget = LineBudget;
        SequenceDiff.Match(oldIds, newIds, runs, ref budget);

        var differ = new LineDiffer(oldText, oldStarts, newText, newStarts);
        int o = 0, n = 0;
        foreach (var run in runs)
        {
            differ.Gap(o, run.OldStart, n, run.NewStart);
            differ.Lines(DiffLineKind.Same, run.OldStart, run.OldStart + run.Length);
            o = run.OldStart + run.Length;
            n = run.NewStart + run.Length;
        }

        differ.Gap(o, oldIds.Length, n, newIds.Length);
        return differ.Result;
    }

    /// <summary>
    /// Word-level diff of a short text (a title, a summary): pieces whose Same and Removed text is the old text and whose
    /// Same and Added text is the new one; no empty pieces, no two adjacent pieces of the same kind.
    /// </summary>
    public static IReadOnlyList<DiffPiece> Words(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        oldText = DiffTokens.Normalize(oldText);
        newText = DiffTokens.Normalize(newText);

        var words = new WordDiffer(WordBudget);
        words.Compare(oldText, 0, oldText.Length, newText, 0, newText.Length);
        var pieces = new List<DiffPiece>();
        words.AppendPieces(pieces);
        return pieces;
    }

    /// <summary>Turns matched runs of lines into <see cref="DiffLine"/>s, pairing removed with added lines.</summary>
    private sealed class LineDiffer(string oldText, int[] oldStarts, string newText, int[] newStarts)
    {
        private readonly WordDiffer _words = new(WordBudget);

        public List<DiffLine> Result { get; } = new(Math.Max(oldStarts.Length, newStarts.Length) - 1);

        /// <summary>Old lines [o0, o1) removed and new lines [n0, n1) added, paired in order.</summary>
        public void Gap(int o0, int o1, int n0, int n1)
        {
            int flushedOld = o0, flushedNew = n0;
            var pairs = Math.Min(o1 - o0, n1 - n0);
            for (var p = 0; p < pairs; p++)
            {
                int oldLine = o0 + p, newLine = n0 + p;
                int os = oldStarts[oldLine], oe = DiffTokens.LineEnd(oldStarts, oldLine, keepNewline: false);
                int ns = newStarts[newLine], ne = DiffTokens.LineEnd(newStarts, newLine, keepNewline: false);
                var equal = oldText.AsSpan(os, oe - os).SequenceEqual(newText.AsSpan(ns, ne - ns));
                if (!equal && !_words.Compare(oldText, os, oe, newText, ns, ne))
                {
                    continue; // too different: shown as removed and added with its neighbours
                }

                Lines(DiffLineKind.Removed, flushedOld, oldLine);
                Lines(DiffLineKind.Added, flushedNew, newLine);
                if (equal)
                {
                    Lines(DiffLineKind.Same, oldLine, oldLine + 1); // only after the budget ran out
                }
                else
                {
                    var pieces = new List<DiffPiece>();
                    _words.AppendPieces(pieces);
                    Result.Add(new DiffLine(DiffLineKind.Changed, pieces));
                }

                flushedOld = oldLine + 1;
                flushedNew = newLine + 1;
            }

            Lines(DiffLineKind.Removed, flushedOld, o1);
            Lines(DiffLineKind.Added, flushedNew, n1);
        }

        /// <summary>Whole lines [from, to) of the new text when added, else of the old text.</summary>
        public void Lines(DiffLineKind kind, int from, int to)
        {
            var (text, starts, pieceKind) = kind switch
            {
                DiffLineKind.Added => (newText, newStarts, DiffKind.Added),
                DiffLineKind.Removed => (oldText, oldStarts, DiffKind.Removed),
                _ => (oldText, oldStarts, DiffKind.Same),
            };
            for (var line = from; line < to; line++)
            {
                var start = starts[line];
                var piece = new DiffPiece(pieceKind, text[start..DiffTokens.LineEnd(starts, line, keepNewline: false)]);
                Result.Add(new DiffLine(kind, [piece]));
            }
        }
    }

    /// <summary>Compares two stretches of text word by word; reuses its buffers from one comparison to the next.</summary>
    private sealed class WordDiffer(long budget)
    {
        private readonly Interner _interner = new();
        private readonly List<int> _oldStarts = [];
        private readonly List<int> _newStarts = [];
        private readonly List<int> _oldIds = [];
        private readonly List<int> _newIds = [];
        private readonly List<MatchRun> _runs = [];
        private long _budget = budget;
        private string _oldText = "";
        private string _newText = "";

        /// <summary>Compares <c>oldText[oldStart..oldEnd)</c> with <c>newText[newStart..newEnd)</c>; true when they share at least a third.</summary>
        public bool Compare(string oldText, int oldStart, int oldEnd, string newText, int newStart, int newEnd)
        {
            _oldText = oldText;
            _newText = newText;
            var oldCore = Tokenize(oldText, oldStart, oldEnd, _oldStarts, _oldIds);
            var newCore = Tokenize(newText, newStart, newEnd, _newStarts, _newIds);
            SequenceDiff.Match(CollectionsMarshal.AsSpan(_oldIds), CollectionsMarshal.AsSpan(_newIds), _runs, ref _budget);

            long shared = 0;
            foreach (var run in _runs)
            {
                for (var i = run.OldStart; i < run.OldStart + run.Length; i++)
                {
                    shared += DiffTokens.CoreEnd(oldText, _oldStarts[i], _oldStarts[i + 1]) - _oldStarts[i];
                }
            }

            return shared > 0 && 6 * shared >= oldCore + newCore;
        }

        /// <summary>Appends the pieces of the last comparison.</summary>
        public void AppendPieces(List<DiffPiece> pieces)
        {
            var builder = new PieceBuilder(pieces, _oldText, _newText);
            int o = 0, n = 0;
            foreach (var run in _runs)
            {
                Gap(ref builder, o, run.OldStart, n, run.NewStart);
                for (var k = 0; k < run.Length; k++)
                {
                    Matched(ref builder, run.OldStart + k, run.NewStart + k);
                }

                o = run.OldStart + run.Length;
                n = run.NewStart + run.Length;
            }

            Gap(ref builder, o, _oldStarts.Count - 1, n, _newStarts.Count - 1);
            builder.Flush();
        }

        /// <summary>Two equal words: the same core, and their whitespace the same or changed.</summary>
        private void Matched(ref PieceBuilder builder, int oldWord, int newWord)
        {
            int os = _oldStarts[oldWord], oe = _oldStarts[oldWord + 1], ns = _newStarts[newWord], ne = _newStarts[newWord + 1];
            int oldCore = DiffTokens.CoreEnd(_oldText, os, oe), newCore = ns + (oldCore - os);
            builder.Same(os, oldCore);
            if (_oldText.AsSpan(oldCore, oe - oldCore).SequenceEqual(_newText.AsSpan(newCore, ne - newCore)))
            {
                builder.Same(oldCore, oe);
            }
            else
            {
                builder.Removed(oldCore, oe); // only the whitespace after the word changed; joins a change that follows
                builder.Added(newCore, ne);
            }
        }

        /// <summary>
        /// Old words [o0, o1) removed, then new words [n0, n1) added. Whitespace both end with is kept out of the change and
        /// shown as the same ("water" → "fluids", not "water " → "fluids ").
        /// </summary>
        private void Gap(ref PieceBuilder builder, int o0, int o1, int n0, int n1)
        {
            int os = _oldStarts[o0], oe = _oldStarts[o1], ns = _newStarts[n0], ne = _newStarts[n1];
            var shared = 0;
            if (os < oe && ns < ne)
            {
                while (shared < oe - os && shared < ne - ns && _oldText[oe - 1 - shared] == _newText[ne - 1 - shared] &&
                       char.IsWhiteSpace(_oldText[oe - 1 - shared]))
                {
                    shared++;
                }
            }

            builder.Removed(os, oe - shared);
            builder.Added(ns, ne - shared);
            builder.Same(oe - shared, oe);
        }

        /// <summary>Fills the word starts and ids of a stretch; returns the length of its words without their whitespace.</summary>
        private long Tokenize(string text, int start, int end, List<int> starts, List<int> ids)
        {
            starts.Clear();
            ids.Clear();
            DiffTokens.WordStarts(text, start, end, starts);
            long core = 0;
            for (var i = 0; i + 1 < starts.Count; i++)
            {
                var coreEnd = DiffTokens.CoreEnd(text, starts[i], starts[i + 1]);
                core += coreEnd - starts[i];
                ids.Add(_interner.Id(text.AsSpan(starts[i], coreEnd - starts[i])));
            }

            return core;
        }
    }

    /// <summary>
    /// Collects pieces in order (Same and Removed from the old text, Added from the new), joining each kind's consecutive
    /// stretches, so that between two Same pieces there is at most one Removed piece followed by at most one Added piece.
    /// </summary>
    private struct PieceBuilder(List<DiffPiece> pieces, string oldText, string newText)
    {
        private int _sameStart = -1;
        private int _sameEnd;
        private int _removedStart = -1;
        private int _removedEnd;
        private int _addedStart = -1;
        private int _addedEnd;

        public void Same(int start, int end)
        {
            if (start == end)
            {
                return;
            }

            FlushChange();
            if (_sameStart >= 0 && _sameEnd == start)
            {
                _sameEnd = end;
                return;
            }

            FlushSame();
            (_sameStart, _sameEnd) = (start, end);
        }

        public void Removed(int start, int end)
        {
            if (start == end)
            {
                return;
            }

            FlushSame();
            if (_removedStart >= 0 && _removedEnd != start)
            {
                FlushChange();
            }

            _removedStart = _removedStart < 0 ? start : _removedStart;
            _removedEnd = end;
        }

        public void Added(int start, int end)
        {
            if (start == end)
            {
                return;
            }

            FlushSame();
            if (_addedStart >= 0 && _addedEnd != start)
            {
                FlushChange();
            }

            _addedStart = _addedStart < 0 ? start : _addedStart;
            _addedEnd = end;
        }

        public void Flush()
        {
            FlushSame();
            FlushChange();
        }

        private void FlushSame()
        {
            if (_sameStart >= 0)
            {
                pieces.Add(new DiffPiece(DiffKind.Same, oldText[_sameStart.._sameEnd]));
                _sameStart = -1;
            }
        }

        private void FlushChange()
        {
            if (_removedStart >= 0)
            {
                pieces.Add(new DiffPiece(DiffKind.Removed, oldText[_removedStart.._removedEnd]));
                _removedStart = -1;
            }

            if (_addedStart >= 0)
            {
                pieces.Add(new DiffPiece(DiffKind.Added, newText[_addedStart.._addedEnd]));
                _addedStart = -1;
            }
        }
    }
}
