using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// The patient's own pages give up their live connection while hidden and take it up again when she is back
/// (Blazor.pauseCircuit/resumeCircuit, ADR 0021), losing nothing she typed; a staff page never pauses, and a resumed
/// circuit never audits a midwife's page visit twice.
/// </summary>
public sealed class CircuitPauseTests : IClassFixture<CircuitPauseTests.Host>
{
    private readonly Host _host;

    public CircuitPauseTests(Host host) => _host = host;

    /// <summary>Pages pause after 1 second hidden instead of 1 minute.</summary>
    public sealed class Host : BrowserHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Circuits:PauseWhenHiddenAfter"] = "00:00:01" };
    }

    [BrowserFact]
    public async Task PatientPage_HiddenThenBack_PausesAndResumes_EveryAnswerStillThere_AndItSaves()
    {
        var page = await _host.NewPageAsync();
        var sockets = Track(page);
        await Journey.RegisterPatientAsync(page, $"pause-{Guid.NewGuid():N}@example.org", "Pause Patient", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(45));
        await Journey.LogACrampAndOpenItsQuestionsPageAsync(page, "Left");
        await Journey.AnswerAsync(page, "chest-pain", "No");
        await Journey.AnswerAsync(page, "one-leg-swollen", "Yes");
        var (opened, closed) = (sockets.Opened, sockets.Closed);

        // She locks her phone: after the delay the page gives its connection up (and shows nothing to come back to).
        await SetVisibilityAsync(page, hidden: true);
        await WaitUntilAsync(() => sockets.Closed == closed + 1, "the live connection was not paused");
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        // She is back: a new connection, her answers as she left them, and saving works.
        await SetVisibilityAsync(page, hidden: false);
        await WaitUntilAsync(() => sockets.Opened == opened + 1, "the circuit did not resume");
        await Assertions.Expect(page.Locator("fieldset[data-question='chest-pain']").GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("fieldset[data-question='one-leg-swollen']").GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Call maternity triage now", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        Assert.Equal((opened + 1, closed + 1), (sockets.Opened, sockets.Closed));
    }

    [BrowserFact]
    public async Task MidwifePage_NeverPausesWhenHidden_AndAResumedCircuitDoesNotAuditTheVisitAgain()
    {
        // A patient shares her log with a midwife, who opens it: one "log.viewed" event.
        var patient = await _host.NewPageAsync();
        var patientName = $"Pat {Guid.NewGuid().ToString("N")[..6]}";
        await Journey.RegisterPatientAsync(patient, $"pat-{Guid.NewGuid():N}@example.org", patientName, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50));
        await Journey.LogACrampAsync(patient, "Right");
        await patient.GotoInteractiveAsync("/sharing");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Get a share code" }).ClickAsync();
        var code = (await patient.Locator(".lcc-share-code span[aria-hidden=true]").InnerTextAsync()).Trim();

        var (midwifeId, midwifeEmail) = await MidwifeAsync();
        var midwife = await _host.NewPageAsync();
        var sockets = Track(midwife);
        await midwife.SetViewportSizeAsync(1280, 900);
        await Journey.SignInAsync(midwife, midwifeEmail);
        await midwife.GotoInteractiveAsync("/caseload");
        await midwife.GetByLabel("Share code from your patient").FillAsync(code);
        await midwife.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await midwife.Locator("[data-testid=caseload] tbody tr").First.GetByRole(AriaRole.Link, new() { Name = patientName }).ClickAsync();
        await midwife.WaitForInteractiveAsync();
        await Assertions.Expect(midwife.GetByRole(AriaRole.Heading, new() { Name = patientName, Level = 1 })).ToBeVisibleAsync();
        await WaitUntilAsync(async () => await LogViewsAsync(midwifeId) == 1, "the visit was not audited once");
        var closed = sockets.Closed;

        // Hidden well past the patient pages' delay: a staff page keeps its connection.
        await SetVisibilityAsync(midwife, hidden: true);
        await Task.Delay(3_000);
        Assert.Equal(closed, sockets.Closed);
        await SetVisibilityAsync(midwife, hidden: false);

        // However the circuit comes to be paused and resumed (a long-lost connection resumes the same way), the page
        // comes back with her log, and the visit is still one audit event.
        Assert.True(await midwife.EvaluateAsync<bool>("() => Blazor.pauseCircuit()"));
        Assert.True(await midwife.EvaluateAsync<bool>("() => Blazor.resumeCircuit()"));
        await Assertions.Expect(midwife.GetByRole(AriaRole.Heading, new() { Name = patientName, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(midwife.GetByTestId("episode")).ToHaveCountAsync(1);
        Assert.Equal(closed + 1, sockets.Closed);
        Assert.Equal(1, await LogViewsAsync(midwifeId));

        // A new visit is a new event.
        await midwife.ReloadAsync();
        await midwife.WaitForInteractiveAsync();
        await Assertions.Expect(midwife.GetByRole(AriaRole.Heading, new() { Name = patientName, Level = 1 })).ToBeVisibleAsync();
        await WaitUntilAsync(async () => await LogViewsAsync(midwifeId) == 2, "a new visit was not audited");
    }

    private async Task<(string Id, string Email)> MidwifeAsync()
    {
        var email = $"midwife-{Guid.NewGuid():N}@nhs.example";
        await using var scope = _host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, StaffName = "Midwife Pause" };
        Assert.True((await users.CreateAsync(user, Journey.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Midwife);
        return (user.Id, email);
    }

    private async Task<int> LogViewsAsync(string midwifeId)
    {
        await using var db = await _host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(a => a.ActorId == midwifeId && a.Action == "log.viewed");
    }

    /// <summary>What a locked screen or another app does to the page: it becomes hidden, then visible again.</summary>
    private static async Task SetVisibilityAsync(IPage page, bool hidden) => await page.EvaluateAsync(
        """
        hidden => {
            Object.defineProperty(document, "visibilityState", { configurable: true, get: () => hidden ? "hidden" : "visible" });
            Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
            document.dispatchEvent(new Event("visibilitychange"));
        }
        """, hidden);

    /// <summary>The page's live connections (Blazor's WebSocket to /_blazor) opened and closed from now on.</summary>
    private static SocketCount Track(IPage page)
    {
        var count = new SocketCount();
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                return;
            }

            Interlocked.Increment(ref count.OpenedField);
            socket.Close += (_, _) => Interlocked.Increment(ref count.ClosedField);
        };
        return count;
    }

    private static Task WaitUntilAsync(Func<bool> condition, string because) => WaitUntilAsync(() => Task.FromResult(condition()), because);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string because)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, because);
            await Task.Delay(100);
        }
    }

    private sealed class SocketCount
    {
        public int OpenedField;
        public int ClosedField;

        public int Opened => Volatile.Read(ref OpenedField);
        public int Closed => Volatile.Read(ref ClosedField);
    }
}
