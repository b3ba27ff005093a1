using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// Issue 14, "the rest survives a locked screen": the live questions page and the details form keep a draft on the phone
/// as she answers. The screen locks (the page frozen), the network drops and the live connection is lost; when the page
/// is opened again on a new connection — as after a lock long enough for the server to drop its copy — every answer she
/// gave is still there, with a note, and saving it sends it.
/// </summary>
public sealed class LockedScreenTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static async Task LockTheScreenAndLoseTheConnectionAsync(IBrowserContext context, IPage page)
    {
        await context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Page.setWebLifecycleState", new Dictionary<string, object> { ["state"] = "frozen" });
        await Task.Delay(1_000);
        await cdp.SendAsync("Page.setWebLifecycleState", new Dictionary<string, object> { ["state"] = "active" });
        await context.SetOfflineAsync(false);
    }

    /// <summary>Waits until the phone has the draft with <paramref name="text"/> in it.</summary>
    private static async Task DraftKeptAsync(IPage page, string text) =>
        await page.WaitForFunctionAsync(
            "text => Object.keys(localStorage).some(k => k.startsWith('lcc-draft:') && localStorage.getItem(k).includes(text))", text);

    [BrowserFact]
    public async Task AnswersAndDetails_ConnectionLostWhileLocked_AllThereWhenOpenedAgain_ThenSaved()
    {
        var context = await host.NewContextAsync();
        var page = await host.NewPageAsync(context);
        await Journey.RegisterPatientAsync(page, $"locked-{Guid.NewGuid():N}@example.org", "Locked Screen", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40));
        await Journey.LogACrampAndOpenItsQuestionsPageAsync(page, "Left");
        var questions = new Uri(page.Url).PathAndQuery;

        await Journey.AnswerAsync(page, "chest-pain", "No");
        await Journey.AnswerAsync(page, "fainted", "No");
        await Journey.AnswerAsync(page, "one-leg-swollen", "Yes");
        await DraftKeptAsync(page, "oneLeg");

        await LockTheScreenAndLoseTheConnectionAsync(context, page);
        await page.GotoInteractiveAsync(questions);

        await Assertions.Expect(page.GetByTestId("draft-restored")).ToBeVisibleAsync();
        foreach (var (id, answer) in new[] { ("chest-pain", "No"), ("fainted", "No"), ("one-leg-swollen", "Yes") })
        {
            await Assertions.Expect(page.Locator($"[data-question='{id}']").GetByRole(AriaRole.Button, new() { Name = answer, Exact = true }))
                .ToHaveAttributeAsync("aria-pressed", "true");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Call maternity triage now", Level = 2 })).ToBeVisibleAsync();

        // Saved: the draft is gone, and opening the page again shows what the server has, with no note.
        await page.GotoInteractiveAsync(questions);
        await Assertions.Expect(page.Locator("[data-question='one-leg-swollen']").GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByTestId("draft-restored")).ToHaveCountAsync(0);

        // The details form: a note and how long it lasted, typed and not saved.
        var details = questions.Replace("/questions", "", StringComparison.Ordinal);
        await page.GotoInteractiveAsync(details);
        await page.GetByLabel("How long it lasted (minutes)").FillAsync("7");
        await page.GetByLabel("Notes (optional)").FillAsync("woke at three, calf tight");
        await page.GetByLabel("Notes (optional)").PressAsync("Tab");
        await DraftKeptAsync(page, "calf tight");

        await LockTheScreenAndLoseTheConnectionAsync(context, page);
        await page.GotoInteractiveAsync(details);

        await Assertions.Expect(page.GetByTestId("draft-restored")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("How long it lasted (minutes)")).ToHaveValueAsync("7");
        await Assertions.Expect(page.GetByLabel("Notes (optional)")).ToHaveValueAsync("woke at three, calf tight");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.", new() { Exact = true })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("Notes (optional)")).ToHaveValueAsync("woke at three, calf tight");
        await Assertions.Expect(page.GetByTestId("draft-restored")).ToHaveCountAsync(0);

        // Signing out leaves no draft on the phone.
        await page.GetByLabel("Notes (optional)").FillAsync("not saved");
        await page.GetByLabel("Notes (optional)").PressAsync("Tab");
        await DraftKeptAsync(page, "not saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/episodes/", StringComparison.Ordinal));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('lcc-draft:')).length"));
    }
}
