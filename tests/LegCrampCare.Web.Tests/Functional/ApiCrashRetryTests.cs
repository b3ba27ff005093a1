using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
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
    private Process? _server;

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
        Stop(_server);
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
        var port = FreePort();
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
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        }

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

    private async Task<Process> StartAsync(int port, bool holdAnswer)
    {
        var (dll, contentRoot) = WebAppBuild();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Data__Folder"] = _folder;
        start.Environment["Api__RequestsPerMinute"] = "10000";
        start.Environment["RateLimits__AccountPostsPerMinute"] = "100";
        if (holdAnswer)
        {
            start.Environment["FaultInjection__DelayAnswerAfterSave"] = "00:02:00";
        }

        var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "The app stopped at start:\n" + output);
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Stop(process);
        throw new TimeoutException("The app did not become healthy:\n" + output);
    }

    private static void Stop(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process?.Dispose();
    }

    /// <summary>The web app as built beside these tests (same configuration), and its project folder as content root.</summary>
    private static (string Dll, string ContentRoot) WebAppBuild()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent!.Name; // bin/<Configuration>/net10.0
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LegCrampCare.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var project = Path.Combine(dir.FullName, "src", "LegCrampCare.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "LegCrampCare.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built.");
        return (dll, project);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
