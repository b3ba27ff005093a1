using LegCrampCare.Web.Components.Pages.Midwife;

namespace LegCrampCare.Web.Tests.Components.Sharing;

public sealed class LogChartTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(10, 1)]
    [InlineData(14, 2)]
    [InlineData(40, 5)]
    [InlineData(90, 10)]
    [InlineData(300, 20)]
    public void TickSpacing_SmallCountsGetSmallSteps(double max, int expected) => Assert.Equal(expected, LogChart.TickSpacing(max));
}
