using System.Numerics;

namespace LegCrampCare.Core.Features.Review;

/// <summary>
/// A patient's recent nights with cramps as 63 bits, kept on her activity row: bit i is set when the night
/// <c>latestNight − i</c> has at least one episode, <c>latestNight</c> being the newest night she logged. Counting the
/// nights in a window (her last 7 or 28, in her time zone) is then a mask and a bit count, with no rows to read.
/// </summary>
public static class NightMask
{
    /// <summary>How many nights back from her latest night the mask holds (bits 0 to 62).</summary>
    public const int Span = 63;

    /// <summary>The mask of these nights relative to <paramref name="latestNight"/>; nights outside the span are left out.</summary>
    public static long Build(DateOnly latestNight, IEnumerable<DateOnly> nights)
    {
        var mask = 0L;
        foreach (var night in nights)
        {
            var back = latestNight.DayNumber - night.DayNumber;
            if (back is >= 0 and < Span)
            {
                mask |= 1L << back;
            }
        }

        return mask;
    }

    /// <summary>How many nights from <paramref name="from"/> to <paramref name="to"/> (inclusive) the mask has.</summary>
    public static int Count(DateOnly latestNight, long mask, DateOnly from, DateOnly to)
    {
        // Night n is bit (latest − n): the window runs from bit (latest − to) up to bit (latest − from).
        var low = Math.Max(0, latestNight.DayNumber - to.DayNumber);
        var high = Math.Min(Span - 1, latestNight.DayNumber - from.DayNumber);
        if (high < low)
        {
            return 0;
        }

        var width = high - low + 1;
        var window = (width >= 64 ? -1L : (1L << width) - 1) << low;
        return BitOperations.PopCount((ulong)(mask & window));
    }
}
