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
    private string _email = "";

    private async Task<(IBrowserContext Context, IPage Page)> PatientOnTheQuickLogAsync()
    {
        var context = await host.NewContextAsync();
        var page = await host.NewPageAsync(context);
        _email = $"log-{Guid.NewGuid():N}@example.org";
        await Journey.RegisterPatientAsync(page, _email, "Noor", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(70));
        await page.GotoAsync("/log");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" })).ToBeVisibleAsync();
        return (context, page);
    }

    /// <summary>Her cramps in the database (this test's patient only).</summary>
    private async Task<List<(Guid ClientId, Answer ChestPain)>> StoredAsync()
    {
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == _email).Select(u => u.Id).SingleAsync();
        var rows = await db.Episodes.AsNoTracking().Where(e => e.PatientId == id).ToListAsync();
        return rows.Select(e => (e.ClientId, e.Answers.ChestPain)).ToList();
    }

    [BrowserFact]
    public async Task Online_LegTapSaves_WarningSignAnswered_ServersCardWithTheEmergencyNumber()
    {
        var (_, page) = await PatientOnTheQuickLogAsync();

        // A double tap at night saves one cramp and answers nothing on the next screen.
        await page.WaitForTimeoutAsync(500);
        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).DblClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.GetByText("Question 1 of")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500);
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();   // suddenly short of breath?
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Do you have pain in your chest or upper back?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();  // chest pain

        var card = page.GetByTestId("result-card");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Call 999 now");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(card).ToContainTextAsync("Checked by LegCrampCare with rule set " + TriageRules.Version, new() { Timeout = 10_000 });
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(Answer.Yes, stored.ChestPain);
        await Journey.AssertAccessibleAsync(page);
    }

    [BrowserFact]
    public async Task Offline_SavedOnThePhone_AnsweredByThePhonesRules_SentOnceWhenBackOnline()
    {
        var (context, page) = await PatientOnTheQuickLogAsync();
        // The rules reach the phone after the first paint, and start in a worker, off the page's thread.
        await page.WaitForFunctionAsync("async () => { const { loadRules } = await import('/log/log.js'); return !!(await loadRules()).assess; }");
        Assert.Contains(page.Workers, w => w.Url.EndsWith("/log/rules-worker.js", StringComparison.Ordinal));

        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Right", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved on this phone — will send when you're back online (1 waiting).");
        await page.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync(); // chest pain: yes

        var card = page.GetByTestId("result-card");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Call 999 now");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Call 999" })).ToHaveAttributeAsync("href", "tel:999");
        await Assertions.Expect(card).ToContainTextAsync("Checked on this phone with rule set " + TriageRules.Version);
        Assert.Empty(await StoredAsync());

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.", new() { Timeout = 20_000 });
        await Assertions.Expect(card).ToContainTextAsync("Checked by LegCrampCare", new() { Timeout = 10_000 });
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(Answer.Yes, stored.ChestPain);

        // The server kept what the phone showed her for these answers, and assessed them when she gave them.
        await using (var db = await host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var episodeId = await db.Episodes.Where(e => e.ClientId == stored.ClientId).Select(e => e.Id).SingleAsync();
            var assessment = (await db.Assessments.AsNoTracking().Where(a => a.EpisodeId == episodeId).ToListAsync()).MaxBy(a => a.AssessedAtUtc)!;
            Assert.Equal(TriageLevel.Emergency, assessment.Level);
            Assert.Equal(TriageLevel.Emergency, assessment.ShownLevel);
            Assert.Equal(TriageRules.Version, assessment.ShownRuleSetVersion);
            Assert.NotNull(assessment.DeviceClockOffsetSeconds);
            Assert.True(assessment.ReceivedAtUtc > assessment.AssessedAtUtc, "assessed as at the answer, before it was received");
        }

        // Going offline and online again sends nothing twice.
        await context.SetOfflineAsync(true);
        await context.SetOfflineAsync(false);
        await page.WaitForTimeoutAsync(500);
        Assert.Single(await StoredAsync());
        Assert.DoesNotContain(host.ConsoleErrors, e => e.Contains("/log", StringComparison.Ordinal) && !Regex.IsMatch(e, "ERR_INTERNET_DISCONNECTED|Failed to fetch|net::"));
    }

    /// <summary>A browser that can't run the rules in a worker runs them on the page's thread: the same answer offline.</summary>
    [BrowserFact]
    public async Task Offline_NoWebWorkers_ThePhonesRulesStillAnswerOnThePage()
    {
        var (context, page) = await PatientOnTheQuickLogAsync();
        await page.AddInitScriptAsync("window.Worker = undefined;");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("async () => { const { loadRules } = await import('/log/log.js'); return !(await loadRules()).inAWorker; }");
        Assert.DoesNotContain(page.Workers, w => w.Url.EndsWith("/log/rules-worker.js", StringComparison.Ordinal));

        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved on this phone — will send when you're back online (1 waiting).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync(); // suddenly short of breath: yes

        var card = page.GetByTestId("result-card");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Call 999 now");
        await Assertions.Expect(card).ToContainTextAsync("Checked on this phone with rule set " + TriageRules.Version);
        await context.SetOfflineAsync(false);
    }

    /// <summary>
    /// Installed as an app: the manifest is linked, the service worker keeps the shell and the rules, and with the network
    /// off a reload opens the quick log from the cache — in the night palette, with the cramp still waiting and the rules'
    /// answer available. Nothing from /api/ is ever kept.
    /// </summary>
    [BrowserFact]
    public async Task NoNetwork_ReloadOpensFromTheCache_WaitingCrampStillThere_RulesStillAnswer()
    {
        var (context, page) = await PatientOnTheQuickLogAsync();
        Assert.Equal("/manifest.webmanifest", await page.Locator("link[rel=manifest]").GetAttributeAsync("href"));
        var manifest = await page.EvaluateAsync<System.Text.Json.JsonElement>("async () => (await fetch('/manifest.webmanifest')).json()");
        Assert.Equal("/log", manifest.GetProperty("start_url").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Contains(manifest.GetProperty("icons").EnumerateArray(), i => i.GetProperty("purpose").GetString() == "maskable");
        await page.WaitForFunctionAsync("async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller", null, new() { Timeout = 60_000 });

        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Both", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved on this phone — will send when you're back online (1 waiting).");

        var opened = System.Diagnostics.Stopwatch.StartNew();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" })).ToBeVisibleAsync();
        opened.Stop();
        Assert.True(opened.Elapsed < TimeSpan.FromSeconds(3), $"The quick log took {opened.Elapsed.TotalMilliseconds:0} ms to open from the cache.");
        Assert.Equal("rgb(17, 19, 21)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("On this phone — will send when you're back online (1 waiting).");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Still on this phone" })).ToContainTextAsync("Both legs");

        // The rules start from the cache too (in their worker) and answer.
        await page.WaitForFunctionAsync("async () => { const { loadRules } = await import('/log/log.js'); return (await loadRules()).inAWorker === true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Answer the questions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync(); // suddenly short of breath
        await Assertions.Expect(page.GetByTestId("result-card").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Call 999 now");

        var kept = await page.EvaluateAsync<string[]>("async () => { const all = []; for (const name of await caches.keys()) { for (const r of await (await caches.open(name)).keys()) all.push(new URL(r.url).pathname); } return all; }");
        Assert.Contains("/log", kept);
        Assert.DoesNotContain(kept, k => k.StartsWith("/api/", StringComparison.Ordinal) || k == "/" || k.StartsWith("/episodes", StringComparison.Ordinal) || k.StartsWith("/_blazor", StringComparison.Ordinal));

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.", new() { Timeout = 20_000 });
        Assert.Single(await StoredAsync());
    }

    /// <summary>
    /// A shared phone: sign-out first tries to send what waits; what can't be sent stays on the phone under her account
    /// and the sign-in page says so; another account signing in on the same browser never sees or sends it; when she
    /// signs in again it is sent, once, into her own account.
    /// </summary>
    [BrowserFact]
    public async Task SignOut_WhatCannotBeSentStaysForHerAlone_AnotherAccountNeverSeesOrSendsIt_SentWhenSheSignsInAgain()
    {
        var (_, page) = await PatientOnTheQuickLogAsync();
        var her = _email;
        await page.RouteAsync("**/api/v1/episodes", route => route.AbortAsync()); // the server can't be reached for new cramps
        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved on this phone — will send when you're back online (1 waiting).");

        await page.GotoInteractiveAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create an account" })).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.GetByTestId("waiting-on-this-phone")).ToContainTextAsync("1 cramp is still on this phone; it will be sent when you sign in again.");
        Assert.Empty(await StoredAsync());

        // Someone else signs in on this browser: nothing of hers is shown or sent.
        var other = $"other-{Guid.NewGuid():N}@example.org";
        await Journey.RegisterPatientAsync(page, other, "Sam", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(100));
        await page.UnrouteAsync("**/api/v1/episodes");
        await page.GotoAsync("/log");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000);
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Still on this phone" })).ToHaveCountAsync(0);
        Assert.Empty(await StoredAsync());
        _email = other;
        Assert.Empty(await StoredAsync());

        // She signs in again: her cramp is sent into her account.
        await page.GotoInteractiveAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create an account" })).ToBeVisibleAsync();
        await Journey.SignInAsync(page, her);
        await page.GotoAsync("/log");
        _email = her;
        for (var i = 0; i < 40 && (await StoredAsync()).Count == 0; i++)
        {
            await page.WaitForTimeoutAsync(250);
        }

        Assert.Single(await StoredAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Still on this phone" })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// 100 cramps kept on the phone while offline (written as the quick log writes them) all reach the server within 60 s
    /// of the connection coming back, each exactly once, with their answers; a second reconnect sends nothing more.
    /// </summary>
    [BrowserFact]
    public async Task HundredWaitingCramps_BackOnline_AllSentOnceWithin60Seconds()
    {
        var (context, page) = await PatientOnTheQuickLogAsync();
        await page.WaitForFunctionAsync("async () => !!(await navigator.serviceWorker.ready).active && !!navigator.serviceWorker.controller", null, new() { Timeout = 60_000 });
        await context.SetOfflineAsync(true);
        var ids = await page.EvaluateAsync<string[]>("""
            async () => {
              const { putEntry, getAccount } = await import('/log/store.js');
              const account = await getAccount();
              const ids = [];
              for (let i = 0; i < 100; i++) {
                const clientId = crypto.randomUUID();
                const at = new Date(Date.now() - (i + 1) * 60 * 1000).toISOString();
                await putEntry({ clientId, accountKey: account, body: { clientId, startedAt: at, side: i % 2 ? 'left' : 'right', answers: { chestPain: 'no', suddenBreathlessness: i % 10 === 0 ? 'yes' : 'no' } },
                                 answeredAt: at, createdAt: at, serverId: null, sentAnswers: null, shown: null, error: null });
                ids.push(clientId);
              }
              return ids;
            }
            """);
        await page.ReloadAsync(); // the quick log, opened offline from the cache, shows what waits
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("On this phone — will send when you're back online (100 waiting).");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await context.SetOfflineAsync(false);
        List<(Guid ClientId, Answer ChestPain)> stored = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            stored = await StoredAsync();
            if (stored.Count >= 100)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal(100, stored.Count);
        Assert.Equal(ids.Select(Guid.Parse).Order(), stored.Select(s => s.ClientId).Order());
        Assert.All(stored, s => Assert.Equal(Answer.No, s.ChestPain));
        await Assertions.Expect(page.Locator("#log-status")).ToHaveTextAsync("", new() { Timeout = 10_000 }); // nothing waits
        await context.SetOfflineAsync(true);
        await context.SetOfflineAsync(false);
        await page.WaitForTimeoutAsync(1000);
        Assert.Equal(100, (await StoredAsync()).Count);
    }

    /// <summary>
    /// Undo, for ten seconds after the save: a cramp the server already has is deleted there; one still on the phone
    /// (offline) is never sent.
    /// </summary>
    [BrowserFact]
    public async Task Undo_DeletesItOnTheServer_OrBeforeItIsEverSent()
    {
        var (context, page) = await PatientOnTheQuickLogAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        Assert.Single(await StoredAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "remove this cramp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Removed. That cramp was not saved." })).ToBeVisibleAsync();
        await WaitUntilAsync(async () => (await StoredAsync()).Count == 0, "the cramp was not deleted on the server");

        // Offline: undone before it was ever sent, so nothing is sent when the network is back.
        var posts = 0;
        await page.RouteAsync("**/api/v1/episodes", async route =>
        {
            if (route.Request.Method == "POST")
            {
                Interlocked.Increment(ref posts);
            }

            await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Log a cramp" }).ClickAsync();
        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Right", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved on this phone — will send when you're back online (1 waiting).");
        await page.GetByRole(AriaRole.Button, new() { Name = "remove this cramp" }).ClickAsync();
        await Assertions.Expect(page.Locator("#log-status")).ToBeEmptyAsync(); // nothing waits: the line is empty
        await context.SetOfflineAsync(false);
        await page.WaitForFunctionAsync(NothingOnThePhone);
        Assert.Equal(0, posts);
        Assert.Empty(await StoredAsync());
        await page.UnrouteAllAsync();

        // The server stored it but its answer never came (the network failed on the way back): Undo asks the server for
        // it and deletes it there too.
        await page.RouteAsync("**/api/v1/episodes", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            await route.FetchAsync(); // reaches the server...
            await route.AbortAsync(); // ...and the answer is lost
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Log a cramp" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).ClickAsync();
        await WaitUntilAsync(async () => (await StoredAsync()).Count == 1, "the cramp never reached the server");
        await page.GetByRole(AriaRole.Button, new() { Name = "remove this cramp" }).ClickAsync();
        await page.UnrouteAllAsync();
        await WaitUntilAsync(async () => (await StoredAsync()).Count == 0, "the undone cramp stayed on the server");
        await page.WaitForFunctionAsync(NothingOnThePhone, null, new() { Timeout = 40_000 });

        // After ten seconds Undo gives way to how to remove it later, in the same place.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log a cramp" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Both", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("To remove it, open it from your history.")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "remove this cramp" })).ToHaveCountAsync(0);
    }

    private const string NothingOnThePhone =
        "async () => { const { entriesOf, getAccount } = await import('/log/store.js'); return (await entriesOf(await getAccount())).length === 0; }";

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }

    /// <summary>With pain still there after the cramp, the quick log asks which leg and the questions about that pain, as the live pages do.</summary>
    [BrowserFact]
    public async Task PainStillThere_AsksWhichLegAndAboutThePain_AnswersReachTheServer()
    {
        var (_, page) = await PatientOnTheQuickLogAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Right", Exact = true }).ClickAsync();
        foreach (var answer in new[] { "No", "No", "No", "No", "No", "No", "No", "No", "No", "Yes", "Yes" }) // the seven warning signs, usual breathlessness, over 10 minutes, eased, pain still there
        {
            await page.GetByRole(AriaRole.Button, new() { Name = answer, Exact = true }).ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Which leg still hurts?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is the pain getting better?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Answer later" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("result-card")).ToContainTextAsync("Checked by LegCrampCare", new() { Timeout = 10_000 });

        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == _email).Select(u => u.Id).SingleAsync();
        var stored = await db.Episodes.AsNoTracking().SingleAsync(e => e.PatientId == id);
        Assert.Equal(Answer.Yes, stored.Answers.PainStillThere);
        Assert.Equal(Side.Left, stored.Answers.PainSide);
    }
}
