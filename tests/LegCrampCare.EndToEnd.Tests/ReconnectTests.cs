using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>A dropped connection shows a calm reconnecting state with the safety net, and nothing typed is lost.</summary>
public sealed class ReconnectTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public ReconnectTests(BrowserHost host) => _host = host;

    [BrowserFact]
    public async Task DroppedConnection_WhileTyping_ShowsReconnectingWithSafetyNetAndKeepsWhatWasTyped()
    {
        var page = await _host.NewPageAsync();
        await Journey.RegisterPatientAsync(page, $"reconnect-{Guid.NewGuid():N}@example.org", "Reconnect Patient", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40));
        await Journey.LogACrampAndOpenItsQuestionsPageAsync(page, "Right");
        await Journey.AnswerAsync(page, "chest-pain", "No");
        await Journey.AnswerAsync(page, "fainted", "No");

        // Drop the live connection the way a flaky phone network would, and keep the server out of reach for a while.
        var serverReachable = true;
        await page.RouteAsync("**/_blazor/negotiate**", route => serverReachable ? route.ContinueAsync() : route.AbortAsync());
        serverReachable = false;
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("The connection dropped for a moment. Nothing you typed is lost")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");

        // When the network is back it reconnects by itself; the answers are still there and can be saved.
        serverReachable = true;
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 45_000 });
        await Assertions.Expect(page.Locator("fieldset[data-question='chest-pain']").GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("fieldset[data-question='fainted']").GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your answers are saved.")).ToBeVisibleAsync();
    }
}
