using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// Issue 13, "a light first page": a signed-in patient opening the quick log on a phone with nothing cached downloads
/// at most 150 KiB, counted as Chromium counts it on the wire (compressed bodies plus response headers), and the
/// stylesheets and scripts come compressed. The figures are in docs/performance.md ("First load of the quick log").
/// </summary>
public sealed class FirstLoadBudgetTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    private const long BudgetBytes = 150 * 1024;

    [BrowserFact]
    public async Task QuickLog_FirstLoadWithColdCache_IsWithinBudget_AndCompressed()
    {
        // Sign in (a new patient, onboarded) in one context; keep only her sign-in cookie.
        var signIn = await host.NewPageAsync();
        var zone = PregnancyCalendar.FindZoneOrUtc("Europe/London");
        var today = PregnancyCalendar.LocalDate(DateTime.UtcNow, zone);
        await Journey.RegisterPatientAsync(signIn, $"first-load-{Guid.NewGuid():N}@example.org", "First Load", today.AddDays(60));
        var authCookie = Assert.Single(await signIn.Context.CookiesAsync(), c => c.Name.EndsWith("lcc-auth", StringComparison.Ordinal));
        await signIn.Context.CloseAsync();

        // A new context has an empty cache: this is her first visit on this phone, already signed in.
        await using var context = await host.NewContextAsync();
        await context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = authCookie.Name,
                Value = authCookie.Value,
                Domain = authCookie.Domain,
                Path = authCookie.Path,
                Expires = authCookie.Expires,
                HttpOnly = authCookie.HttpOnly,
                Secure = authCookie.Secure,
                SameSite = authCookie.SameSite,
            },
        ]);
        var page = await host.NewPageAsync(context);
        var network = await NetworkLog.StartAsync(await context.NewCDPSessionAsync(page));

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log a cramp" })).ToBeVisibleAsync();
        await network.WaitUntilQuietAsync();

        var responses = network.Responses();
        var breakdown = NetworkLog.Describe(responses, network.WebSocketBytesReceived);
        var total = responses.Sum(r => r.Bytes);
        output.WriteLine(breakdown);
        Assert.True(total <= BudgetBytes, $"The quick log's first load transferred {total:N0} bytes ({total / 1024.0:F1} KiB), over the budget of {BudgetBytes:N0} bytes (150 KiB):\n{breakdown}");

        // The main stylesheets and scripts are requested on their fingerprinted addresses (cached for a year) and arrive
        // compressed; so does every other stylesheet and script.
        foreach (var pattern in new[]
        {
            @"^/_content/MudBlazor/MudBlazor\.min\.[a-z0-9]+\.css$", @"^/_content/MudBlazor/MudBlazor\.min\.[a-z0-9]+\.js$",
            @"^/_framework/blazor\.web\.[a-z0-9]+\.js$", @"^/app\.[a-z0-9]+\.css$", @"^/app\.[a-z0-9]+\.js$",
        })
        {
            Assert.True(
                responses.Any(r => Regex.IsMatch(r.Path, pattern)),
                $"No response matching {pattern} in the first load:\n{breakdown}");
        }

        var uncompressed = responses
            .Where(r => r.Status == 200 && (r.Path.EndsWith(".css", StringComparison.Ordinal) || r.Path.EndsWith(".js", StringComparison.Ordinal)))
            .Where(r => r.ContentEncoding is not ("br" or "gzip"))
            .ToList();
        Assert.True(uncompressed.Count == 0, $"Stylesheets or scripts sent without Content-Encoding (br or gzip):\n{NetworkLog.Describe(uncompressed, 0)}\nAll responses:\n{breakdown}");
    }

    /// <summary>What a page received over the network, from the Chrome DevTools Protocol's Network domain.</summary>
    private sealed class NetworkLog
    {
        private readonly ConcurrentDictionary<string, Entry> _requests = new();
        private readonly ConcurrentBag<Entry> _redirects = [];
        private long _webSocketBytesReceived;
        private long _lastEventTicks = Environment.TickCount64;

        public long WebSocketBytesReceived => Interlocked.Read(ref _webSocketBytesReceived);

        public static async Task<NetworkLog> StartAsync(ICDPSession cdp)
        {
            var log = new NetworkLog();
            cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) => log.OnRequest(e!.Value);
            cdp.Event("Network.responseReceived").OnEvent += (_, e) => log.OnResponse(e!.Value);
            cdp.Event("Network.loadingFinished").OnEvent += (_, e) => log.OnFinished(e!.Value, failed: false);
            cdp.Event("Network.loadingFailed").OnEvent += (_, e) => log.OnFinished(e!.Value, failed: true);
            cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => log.OnWebSocketFrame(e!.Value);
            await cdp.SendAsync("Network.enable");
            return log;
        }

        /// <summary>Every HTTP request has finished (or failed) and nothing new has started for half a second.</summary>
        public async Task WaitUntilQuietAsync()
        {
            var deadline = Environment.TickCount64 + 10_000;
            while (Environment.TickCount64 < deadline)
            {
                var pending = _requests.Values.Any(r => !r.Finished);
                if (!pending && Environment.TickCount64 - Interlocked.Read(ref _lastEventTicks) >= 500)
                {
                    return;
                }

                await Task.Delay(100);
            }
        }

        public IReadOnlyList<Entry> Responses() =>
            [.. _requests.Values.Where(r => r.Finished && (r.Status > 0 || r.Failed)).Concat(_redirects).OrderByDescending(r => r.Bytes)];

        public static string Describe(IReadOnlyCollection<Entry> responses, long webSocketBytes)
        {
            var text = new StringBuilder();
            foreach (var r in responses.OrderByDescending(r => r.Bytes))
            {
                var note = r.Failed ? $"  (failed: {r.Error})" : r.Bytes == 0 ? "  (nothing transferred: reused within the page)" : "";
                text.Append(CultureInfo.InvariantCulture, $"  {r.Bytes,9:N0} B  {r.Status,3}  {r.ContentEncoding ?? "-",-4}  {r.Method,-4} {r.Path}{note}\n");
            }

            var total = responses.Sum(r => r.Bytes);
            text.Append(CultureInfo.InvariantCulture, $"  {total,9:N0} B  total of {responses.Count} HTTP responses ({total / 1024.0:F1} KiB)\n");
            if (webSocketBytes > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  (and {webSocketBytes:N0} B of WebSocket message payloads received on the live connection, not counted)\n");
            }

            return text.ToString();
        }

        private void OnRequest(JsonElement e)
        {
            Touch();
            var id = e.GetProperty("requestId").GetString()!;
            var request = e.GetProperty("request");
            if (e.TryGetProperty("redirectResponse", out var redirect) && _requests.TryGetValue(id, out var previous))
            {
                // The same request id goes on to the new address: keep the redirect's own response.
                previous.ReadResponse(redirect);
                previous.Bytes = (long)redirect.GetProperty("encodedDataLength").GetDouble();
                previous.Finished = true;
                _redirects.Add(previous);
            }

            _requests[id] = new Entry(request.GetProperty("url").GetString()!, request.GetProperty("method").GetString()!);
        }

        private void OnResponse(JsonElement e)
        {
            Touch();
            if (_requests.TryGetValue(e.GetProperty("requestId").GetString()!, out var entry))
            {
                entry.ReadResponse(e.GetProperty("response"));
            }
        }

        private void OnFinished(JsonElement e, bool failed)
        {
            Touch();
            if (_requests.TryGetValue(e.GetProperty("requestId").GetString()!, out var entry))
            {
                entry.Failed = failed;
                entry.Error = failed ? e.GetProperty("errorText").GetString() : null;
                if (!failed)
                {
                    // Total bytes received for the request: the (compressed) body and the response headers.
                    entry.Bytes = (long)e.GetProperty("encodedDataLength").GetDouble();
                }

                entry.Finished = true;
            }
        }

        private void OnWebSocketFrame(JsonElement e)
        {
            var response = e.GetProperty("response");
            var payload = response.GetProperty("payloadData").GetString() ?? "";

            // Text frames arrive as text, binary frames (Blazor's MessagePack) as base64.
            long bytes = response.GetProperty("opcode").GetDouble() == 1 ? Encoding.UTF8.GetByteCount(payload) : payload.Length * 3 / 4;
            Interlocked.Add(ref _webSocketBytesReceived, bytes);
        }

        private void Touch() => Interlocked.Exchange(ref _lastEventTicks, Environment.TickCount64);
    }

    private sealed class Entry(string url, string method)
    {
        public string Url { get; } = url;

        public string Method { get; } = method;

        public string Path => Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : Url;

        public int Status { get; private set; }

        public string? ContentEncoding { get; private set; }

        public long Bytes { get; set; }

        public bool Finished { get; set; }

        public bool Failed { get; set; }

        public string? Error { get; set; }

        public void ReadResponse(JsonElement response)
        {
            Status = (int)response.GetProperty("status").GetDouble();
            foreach (var header in response.GetProperty("headers").EnumerateObject())
            {
                if (string.Equals(header.Name, "Content-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    ContentEncoding = header.Value.GetString();
                }
            }
        }
    }
}
