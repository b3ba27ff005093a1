using LegCrampCare.Tests.Shared;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>At 23:00 the very first paint is dark (decided on the server, no white flash); at noon it is light.</summary>
public sealed class NightPaletteTests : IClassFixture<NightPaletteTests.ElevenPmHost>, IClassFixture<NightPaletteTests.NoonHost>
{
    private readonly ElevenPmHost _night;
    private readonly NoonHost _noon;

    public NightPaletteTests(ElevenPmHost night, NoonHost noon)
    {
        _night = night;
        _noon = noon;
    }

    public sealed class ElevenPmHost : BrowserHost
    {
        protected override TimeProvider Time => new ShiftedTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(23), TimeSpan.Zero));
    }

    public sealed class NoonHost : BrowserHost
    {
        protected override TimeProvider Time => new ShiftedTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero));
    }

    [BrowserFact]
    public async Task FirstPaint_At2300_IsDark()
    {
        var page = await _night.NewPageAsync(timeZone: "UTC");

        var response = await page.GotoAsync("/Account/Login");
        var html = await response!.TextAsync();

        Assert.Contains("class=\"lcc-night\"", html, StringComparison.Ordinal);
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(17, 19, 21)", background);
        await Journey.AssertAccessibleAsync(page);

        await page.GotoInteractiveAsync("/");
        Assert.Equal("rgb(17, 19, 21)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        await Journey.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task FirstPaint_AtNoon_IsLight()
    {
        var page = await _noon.NewPageAsync(timeZone: "UTC");

        var response = await page.GotoAsync("/Account/Register");
        var html = await response!.TextAsync();

        Assert.Contains("class=\"lcc-day\"", html, StringComparison.Ordinal);
        Assert.Equal("rgb(246, 244, 239)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        await Journey.AssertAccessibleAsync(page);
    }
}
