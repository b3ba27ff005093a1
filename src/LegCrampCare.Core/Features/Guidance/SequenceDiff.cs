using System.Buffers;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>A run of equal elements: <c>old[OldStart..OldStart+Length)</c> equals <c>new[NewStart..NewStart+Length)</c>.</summary>
internal readonly record struct MatchRun(int OldStart, int NewStart, int Length);

/// <summary>
/// The shared core of <see cref="TextDiff"/> and <see cref="ThreeWayMerge"/>: which elements of two sequences of ids
/// (interned lines or words) are kept, as increasing runs of matched positions. Myers' O((N+M)·D) algorithm in linear space:
/// trim the common prefix and suffix, find where the forward and the reverse D/2-paths meet (the bisection of
/// diff-match-patch) and recurse on both halves. A work budget (inner-loop steps, snake steps included) keeps very different
/// inputs from going quadratic: once it is spent, each part still unsolved only has its common prefix and suffix matched and
/// the rest counts as all removed then all added.
/// </summary>
internal static class SequenceDiff
{
    /// <summary>
    /// The work one comparison may do: about 10–20 ms, enough for a shortest edit script of some 3,000 edits at the top
    /// level (the search costs about D²/4 steps); a revision of a guidance article differs by far fewer lines than that.
    /// </summary>
    public const long DefaultBudget = 3_000_000;

    /// <summary>
    /// Fills <paramref name="runs"/> (cleared first) with the matched runs, in increasing order, adjacent runs joined; spends
    /// from <paramref name="budget"/>. With budget to spare the number of matched elements is a longest common subsequence.
    /// </summary>
    public static void Match(ReadOnlySpan<int> oldIds, ReadOnlySpan<int> newIds, List<MatchRun> runs, ref long budget)
    {
        runs.Clear();
        var vLength = VLength(oldIds.Length, newIds.Length);
        var forward = ArrayPool<int>.Shared.Rent(vLength);
        var reverse = ArrayPool<int>.Shared.Rent(vLength);
        try
        {
            var differ = new Differ(oldIds, newIds, forward, reverse, runs, budget);
            differ.Compare(0, oldIds.Length, 0, newIds.Length);
            budget = differ.Budget;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(forward);
            ArrayPool<int>.Shared.Return(reverse);
        }
    }

    /// <summary>The furthest-reaching x per diagonal for a D of at most half the total length, with one spare each side.</summary>
    private static int VLength(int n, int m) => 2 * ((n + m + 1) / 2) + 2;

    private ref struct Differ
    {
        private readonly ReadOnlySpan<int> _a;
        private readonly ReadOnlySpan<int> _b;
        private readonly int[] _forward;
        private readonly int[] _reverse;
        private readonly List<MatchRun> _runs;
        private long _budget;

        public Differ(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int[] forward, int[] reverse, List<MatchRun> runs, long budget)
        {
            _a = a;
            _b = b;
            _forward = forward;
            _reverse = reverse;
            _runs = runs;
            _budget = budget;
        }

        public readonly long Budget => _budget;

        public void Compare(int aLo, int aHi, int bLo, int bHi)
        {
            var prefix = _a[aLo..aHi].CommonPrefixLength(_b[bLo..bHi]);
            Add(aLo, bLo, prefix);
            aLo += prefix;
            bLo += prefix;

            var suffix = 0;
            while (aLo < aHi - suffix && bLo < bHi - suffix && _a[aHi - 1 - suffix] == _b[bHi - 1 - suffix])
            {
                suffix++;
            }

            aHi -= suffix;
            bHi -= suffix;

            if (aLo < aHi && bLo < bHi && _budget > 0 && Bisect(aLo, aHi, bLo, bHi, out var x, out var y))
            {
                Compare(aLo, aLo + x, bLo, bLo + y);
                Compare(aLo + x, aHi, bLo + y, bHi);
            }

            Add(aHi, bHi, suffix);
        }

        private readonly void Add(int aStart, int bStart, int length)
        {
            if (length == 0)
            {
                return;
            }

            if (_runs.Count > 0)
            {
                var last = _runs[^1];
                if (last.OldStart + last.Length == aStart && last.NewStart + last.Length == bStart)
                {
                    _runs[^1] = last with { Length = last.Length + length };
                    return;
                }
            }

            _runs.Add(new MatchRun(aStart, bStart, length));
        }

        /// <summary>
        /// Where a shortest edit path through <c>a[aLo..aHi)</c> / <c>b[bLo..bHi)</c> (no common prefix or suffix) can be cut in
        /// two, relative to (aLo, bLo); false when the parts have nothing in common or the budget ran out.
        /// </summary>
        private bool Bisect(int aLo, int aHi, int bLo, int bHi, out int splitA, out int splitB)
        {
            var a = _a[aLo..aHi];
            var b = _b[bLo..bHi];
            int n = a.Length, m = b.Length;
            var maxD = (n + m + 1) / 2;
            var offset = maxD;
            var vLength = VLength(n, m);
            var v1 = _forward.AsSpan(0, vLength);
            var v2 = _reverse.AsSpan(0, vLength);
            v1.Fill(-1);
            v2.Fill(-1);
            v1[offset + 1] = 0;
            v2[offset + 1] = 0;
            var delta = n - m;
            var front = (delta & 1) != 0; // odd: the paths meet while walking forward, else while walking back
            int k1Start = 0, k1End = 0, k2Start = 0, k2End = 0;

            for (var d = 0; d < maxD && _budget > 0; d++)
            {
                for (var k1 = -d + k1Start; k1 <= d - k1End; k1 += 2)
                {
                    var k1Offset = offset + k1;
                    var x1 = k1 == -d || (k1 != d && v1[k1Offset - 1] < v1[k1Offset + 1]) ? v1[k1Offset + 1] : v1[k1Offset - 1] + 1;
                    var y1 = x1 - k1;
                    var snakeStart = x1;
                    while (x1 < n && y1 < m && a[x1] == b[y1])
                    {
                        x1++;
                        y1++;
                    }

                    _budget -= 1 + x1 - snakeStart;
                    v1[k1Offset] = x1;
                    if (x1 > n)
                    {
                        k1End += 2; // ran off the right of the graph
                    }
                    else if (y1 > m)
                    {
                        k1Start += 2; // ran off the bottom
                    }
                    else if (front)
                    {
                        var k2Offset = offset + delta - k1;
                        if (k2Offset >= 0 && k2Offset < vLength && v2[k2Offset] != -1 && x1 >= n - v2[k2Offset])
                        {
                            return Split(x1, y1, n, m, out splitA, out splitB);
                        }
                    }
                }

                for (var k2 = -d + k2Start; k2 <= d - k2End; k2 += 2)
                {
                    var k2Offset = offset + k2;
                    var x2 = k2 == -d || (k2 != d && v2[k2Offset - 1] < v2[k2Offset + 1]) ? v2[k2Offset + 1] : v2[k2Offset - 1] + 1;
                    var y2 = x2 - k2;
                    var snakeStart = x2;
                    while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1])
                    {
                        x2++;
                        y2++;
                    }

                    _budget -= 1 + x2 - snakeStart;
                    v2[k2Offset] = x2;
                    if (x2 > n)
                    {
                        k2End += 2;
                    }
                    else if (y2 > m)
                    {
                        k2Start += 2;
                    }
                    else if (!front)
                    {
                        var k1Offset = offset + delta - k2;
                        if (k1Offset >= 0 && k1Offset < vLength && v1[k1Offset] != -1)
                        {
                            var x1 = v1[k1Offset];
                            var y1 = offset + x1 - k1Offset;
                            if (x1 >= n - x2)
                            {
                                return Split(x1, y1, n, m, out splitA, out splitB);
                            }
                        }
                    }
                }
            }

            splitA = 0;
            splitB = 0;
            return false;
        }

        /// <summary>A cut strictly inside the rectangle, so both halves are smaller; anything else counts as no cut.</summary>
        private static bool Split(int x, int y, int n, int m, out int splitA, out int splitB)
        {
            splitA = x;
            splitB = y;
            return x >= 0 && y >= 0 && x <= n && y <= m && x + y > 0 && x + y < n + m;
        }
    }
}
