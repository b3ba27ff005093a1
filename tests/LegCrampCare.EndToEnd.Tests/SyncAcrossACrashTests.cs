using LegCrampCare.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// Issue 14, "nothing lost, nothing twice": cramps waiting on the phone are being sent when the server is killed (SIGKILL,
/// between a commit and its answer, as a crash would) and started again; the quick log keeps trying, and every cramp is
/// stored exactly once. The app runs as its own process here, so that it can be killed.
/// </summary>
public sealed class SyncAcrossACrashTests(BrowserHost host) : IClassFixture<BrowserHost>, IDisposable
{
    private const int Cramps = 100;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lcc-sync-crash-" + Guid.NewGuid().ToString("N")[..10]);
    private AppProcess? _server;

    public void Dispose()
    {
        _server?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    /// <summary>The client ids of every stored cramp (one row each), read from the database file.</summary>
    private List<Guid> StoredClientIds()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "legcrampcare.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ClientId FROM Episodes";
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private async Task WaitForStoredAsync(int atLeast, TimeSpan within, string failure)
    {
        var deadline = DateTime.UtcNow + within;
        while (StoredClientIds().Count < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} ({StoredClientIds().Count} of {atLeast} stored)");
            await Task.Delay(100);
        }
    }

    [BrowserFact]
    public async Task WaitingCramps_ServerKilledWhileSending_AndStartedAgain_EveryOneStoredExactlyOnce()
    {
        var port = AppProcess.FreePort();
        // Each answer held a moment after the save, so that the kill lands between a commit and its answer.
        var hold = new Dictionary<string, string> { ["FaultInjection__DelayAnswerAfterSave"] = "00:00:00.250" };
        _server = await AppProcess.StartAsync(port, _folder, hold);

        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://127.0.0.1:{port}", TimezoneId = "Europe/London", Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await Journey.RegisterPatientAsync(page, $"crash-{Guid.NewGuid():N}@example.org", "Crash Test", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50));
        await page.GotoAsync("/log");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Which leg?" })).ToBeVisibleAsync();

        // Cramps logged with no connection, as the quick log keeps them.
        await context.SetOfflineAsync(true);
        var ids = await page.EvaluateAsync<string[]>("""
            async (count) => {
              const { putEntry, getAccount } = await import('/log/store.js');
              const account = await getAccount();
              const ids = [];
              for (let i = 0; i < count; i++) {
                const clientId = crypto.randomUUID();
                const at = new Date(Date.now() - (i + 1) * 60 * 1000).toISOString();
                await putEntry({ clientId, accountKey: account, body: { clientId, startedAt: at, side: i % 2 ? 'left' : 'right', answers: { chestPain: 'no' } },
                                 answeredAt: at, createdAt: at, serverId: null, sentAnswers: null, shown: null, error: null });
                ids.push(clientId);
              }
              return ids;
            }
            """, Cramps);

        // Back online: sending starts; the server is killed part-way through, then started again.
        await context.SetOfflineAsync(false);
        await WaitForStoredAsync(5, TimeSpan.FromSeconds(30), "Sending never started");
        await _server.KillAsync();
        var beforeTheCrash = StoredClientIds().Count;
        Assert.True(beforeTheCrash < Cramps, "Everything was sent before the server was killed: the test proves nothing.");
        _server.Dispose();
        _server = await AppProcess.StartAsync(port, _folder);

        await WaitForStoredAsync(Cramps, TimeSpan.FromSeconds(60), "Not every waiting cramp reached the server after the restart");
        await Assertions.Expect(page.Locator("#log-status")).ToBeEmptyAsync(new() { Timeout = 15_000 }); // nothing left waiting

        var stored = StoredClientIds();
        Assert.Equal(Cramps, stored.Count);
        Assert.Equal(ids.Select(Guid.Parse).Order(), stored.Order());
    }
}
