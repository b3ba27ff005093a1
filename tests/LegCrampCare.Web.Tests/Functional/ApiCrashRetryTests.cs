using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// The server is killed (SIGKILL) after her cramp was committed and before the answer left: the client never hears back,
/// retries with the same clientId against the restarted server, and gets the stored cramp (200) — one row, never two.
/// The app runs as its own process (the built LegCrampCare.Web.dll) on a real port, with the Testing-only fault
/// injection FaultInjection:DelayAnswerAfterSave holding the answer after the save.
/// </summary>
public sealed class ApiCrashRetryTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lcc-crash-" + Guid.NewGuid().ToString("N")[..10]);
    private string _email = "";
    private AppProcess? _server;

    public async Task InitializeAsync()
    {
        // The account and profile, created in the data folder the server process will use.
        await using var seed = new TestAppFactory();
        seed.Settings["Data:Folder"] = _folder;
        _ = seed.Services;
        var canary = Guid.NewGuid().ToString("N")[..8];
        _email = (await ApiFixture.CreateUserAsync(seed, "crash", Roles.Patient, canary)).Email;
    }

    public Task DisposeAsync()
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

        return Task.CompletedTask;
    }

    [Fact]
    public async Task KilledBetweenCommitAndAnswer_TheRetryFindsTheStoredCramp_NeverADuplicate()
    {
        var port = AppProcess.FreePort();
        _server = await StartAsync(port, holdAnswer: true);
        var clientId = Guid.NewGuid();
        var body = JsonSerializer.Serialize(new { clientId, startedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("O"), side = "left", answers = new { chestPain = "no" } });

        using (var client = await ApiClient.CreateAsync(new Uri($"http://127.0.0.1:{port}/"), _email))
        {
            var pending = client.SendAsync(HttpMethod.Post, "/api/v1/episodes", body);

            // Committed (durable) while the answer is held...
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (StoredRows(clientId) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The cramp was never committed.");
                Assert.False(pending.IsCompleted, "The answer left before the server was killed.");
                await Task.Delay(20);
            }

            // ...and the server dies before answering.
            await _server.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        }

        _server.Dispose();
        _server = await StartAsync(port, holdAnswer: false);
        using var retry = await ApiClient.CreateAsync(new Uri($"http://127.0.0.1:{port}/"), _email);
        using var response = await retry.SendAsync(HttpMethod.Post, "/api/v1/episodes", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(clientId, stored.GetProperty("clientId").GetGuid());
        Assert.Equal("no", stored.GetProperty("answers").GetProperty("chestPain").GetString());
        Assert.Equal(1, StoredRows(clientId));
    }

    private long StoredRows(Guid clientId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "legcrampcare.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Episodes WHERE upper(ClientId) = upper($id)";
        command.Parameters.AddWithValue("$id", clientId.ToString());
        return (long)command.ExecuteScalar()!;
    }

    private Task<AppProcess> StartAsync(int port, bool holdAnswer) =>
        AppProcess.StartAsync(port, _folder, holdAnswer ? new Dictionary<string, string> { ["FaultInjection__DelayAnswerAfterSave"] = "00:02:00" } : null);
}
