using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LegCrampCare.Tests.Shared;

/// <summary>
/// The app as its own process (the built LegCrampCare.Web.dll, environment "Testing") on a real loopback port and data
/// folder, for tests that kill it (SIGKILL) and start it again, as a crash or a failing node would.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private AppProcess(Process process, StringBuilder output)
    {
        _process = process;
        _output = output;
    }

    /// <summary>Starts the app and waits until /health answers 200 (at most 90 s).</summary>
    public static async Task<AppProcess> StartAsync(int port, string dataFolder, IReadOnlyDictionary<string, string>? environment = null)
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
        start.Environment["Data__Folder"] = dataFolder;
        start.Environment["Api__RequestsPerMinute"] = "10000";
        start.Environment["RateLimits__AccountPostsPerMinute"] = "100";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, output);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The app stopped at start:\n" + app.Output);
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        app.Dispose();
        throw new TimeoutException("The app did not become healthy:\n" + app.Output);
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or a pulled plug.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

        if (dir is null)
        {
            throw new InvalidOperationException("LegCrampCare.sln not found above " + AppContext.BaseDirectory);
        }

        var project = Path.Combine(dir.FullName, "src", "LegCrampCare.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "LegCrampCare.Web.dll");
        return File.Exists(dll) ? (dll, project) : throw new InvalidOperationException($"{dll} is not built.");
    }
}
