using Bunit;
using LegCrampCare.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Tests.Components;

/// <summary>The marker app.js reads to pause a patient's page while hidden, with the configured delay (ADR 0021).</summary>
public sealed class PauseWhenHiddenTests : ComponentTestBase
{
    private CircuitPauseOptions _options = new();

    protected override void AddServices(IServiceCollection services) => services.AddSingleton(_ => Options.Create(_options));

    [Theory]
    [InlineData("00:01:00", "60000")]
    [InlineData("00:00:05", "5000")]
    [InlineData("00:00:00", "60000")] // outside 1 second to 1 hour: the default
    [InlineData("02:00:00", "60000")]
    public void Marker_CarriesTheDelayInMilliseconds(string after, string expected)
    {
        _options = new CircuitPauseOptions { PauseWhenHiddenAfter = TimeSpan.Parse(after, System.Globalization.CultureInfo.InvariantCulture) };

        var cut = Render<PauseWhenHidden>();

        Assert.Equal(expected, cut.Find("[data-lcc-pause-when-hidden]").GetAttribute("data-lcc-pause-when-hidden"));
    }

    [Fact]
    public void Off_NoMarker()
    {
        _options = new CircuitPauseOptions { PauseWhenHidden = false };

        Assert.Empty(Render<PauseWhenHidden>().FindAll("[data-lcc-pause-when-hidden]"));
    }
}
