using LegCrampCare.Core.Features.Review;

namespace LegCrampCare.Core.Tests.Features.Review;

/// <summary>Recent nights as bits from her latest night: windows counted at their edges, and nights outside the span.</summary>
public sealed class NightMaskTests
{
    private static readonly DateOnly Latest = new(2026, 6, 9);

    private static DateOnly Back(int nights) => Latest.AddDays(-nights);

    [Fact]
    public void Build_NightsWithinTheSpan_SetsOneBitPerNightAndIgnoresOthers()
    {
        var mask = NightMask.Build(Latest, [Latest, Latest, Back(1), Back(62), Back(63), Latest.AddDays(1)]);

        Assert.Equal(1L | 2L | (1L << 62), mask);
    }

    [Theory]
    [InlineData(0, 6, 3)]
    [InlineData(0, 27, 5)]
    [InlineData(1, 6, 2)]
    [InlineData(7, 27, 2)]
    [InlineData(28, 62, 1)]
    [InlineData(27, 27, 1)]
    [InlineData(28, 28, 0)]
    public void Count_WindowFromAndTo_CountsTheNightsInsideInclusive(int toBack, int fromBack, int expected)
    {
        var mask = NightMask.Build(Latest, [Latest, Back(1), Back(6), Back(7), Back(27), Back(50)]);

        Assert.Equal(expected, NightMask.Count(Latest, mask, Back(fromBack), Back(toBack)));
    }

    [Fact]
    public void Count_WindowEndingAfterHerLatestNight_CountsFromTheLatest()
    {
        var mask = NightMask.Build(Latest, [Latest, Back(3)]);

        Assert.Equal(1, NightMask.Count(Latest, mask, Latest.AddDays(-2), Latest.AddDays(4)));
        Assert.Equal(0, NightMask.Count(Latest, mask, Latest.AddDays(1), Latest.AddDays(7)));
    }

    [Fact]
    public void Count_EveryBitSetAndTheWholeSpan_CountsAll63()
    {
        var mask = NightMask.Build(Latest, Enumerable.Range(0, 63).Select(Back));

        Assert.Equal(63, NightMask.Count(Latest, mask, Back(100), Latest));
        Assert.Equal(28, NightMask.Count(Latest, mask, Back(27), Latest));
    }
}
