using System.Text.RegularExpressions;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// The quick log at /log (ADR 0021) in Chromium: a cramp is saved on the phone first and sent through the API; with the
/// network off it is kept, answered by the rules on the phone (a warning sign gets the configured emergency number at
/// once), and sent exactly once when the network is back.
/// </summary>
public sealed class OfflineQuickLogTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<(IBrowserContext Context, IPage Page)> PatientOnTheQuickLogAsync()
    {
        var context = await host.NewContextAsync();
        var page = await host.NewPageAsync(context);
        await Journey.RegisterPatientAsync(page, $"log-{Guid.NewGuid():N}@example.org", "Noor", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(70));
        await page.GotoAsync("/log");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" })).ToBeVisibleAsync();
        return (context, page);
    }

    private async Task<List<(Guid ClientId, Answer ChestPain)>> StoredAsync(DateTime since)
    {
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.Episodes.AsNoTracking().Where(e => e.CreatedAtUtc >= since).ToListAsync();
        return rows.Select(e => (e.ClientId, e.Answers.ChestPain)).ToList();
    }

    [BrowserFact]
    public async Task Online_LegTapSaves_WarningSignAnswered_ServersCardWithTheEmergencyNumber()
    {
        var since = DateTime.UtcNow.AddSeconds(-1);
        var (_, page) = await PatientOnTheQuickLogAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();   // suddenly short of breath?
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Do you have pain in your chest or upper back?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();  // chest pain

        var card = page.GetByTestId("result-card");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Call 999 now");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(card).ToContainTextAsync("Checked by LegCrampCare with rule set " + TriageRules.Version, new() { Timeout = 10_000 });
        var stored = Assert.Single(await StoredAsync(since));
        Assert.Equal(Answer.Yes, stored.ChestPain);
        await Journey.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task Offline_SavedOnThePhone_AnsweredByThePhonesRules_SentOnceWhenBackOnline()
    {
        var since = DateTime.UtcNow.AddSeconds(-1);
        var (context, page) = await PatientOnTheQuickLogAsync();
        // The rules reach the phone after the first paint.
        await page.WaitForFunctionAsync("async () => { const { loadRules } = await import('/log/log.js'); return !!(await loadRules()).assess; }");

        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Right", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved on this phone — will send when you're back online (1 waiting).");
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync(); // chest pain: yes

        var card = page.GetByTestId("result-card");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Call 999 now");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(card).ToContainTextAsync("Checked on this phone with rule set " + TriageRules.Version);
        Assert.Empty(await StoredAsync(since));

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.", new() { Timeout = 20_000 });
        await Assertions.Expect(card).ToContainTextAsync("Checked by LegCrampCare", new() { Timeout = 10_000 });
        var stored = Assert.Single(await StoredAsync(since));
        Assert.Equal(Answer.Yes, stored.ChestPain);

        // Going offline and online again sends nothing twice.
        await context.SetOfflineAsync(true);
        await context.SetOfflineAsync(false);
        await page.WaitForTimeoutAsync(500);
        Assert.Single(await StoredAsync(since));
        Assert.DoesNotContain(host.ConsoleErrors, e => e.Contains("/log", StringComparison.Ordinal) && !Regex.IsMatch(e, "ERR_INTERNET_DISCONNECTED|Failed to fetch|net::"));
    }
}
