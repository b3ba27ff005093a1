using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using LegCrampCare.Core.Tests.Triage;
using LegCrampCare.Rules;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// The offline quick log's answer comes from the same code as the server's (ADR 0021): every development case and
/// 10,000 generated inputs, each with its own time zone, numbers, thresholds and time, go through the rules library on
/// the server and through its WebAssembly build in real Chromium, on the quick log's own page and under its
/// Content-Security-Policy, in one call; the card models must be the same, byte for byte.
/// </summary>
public sealed class RulesParityTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    private static readonly string[] Zones = ["Europe/London", "UTC", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"];

    private static readonly object?[] TriageNumbers = [null, new { tel = "+441632960123", display = "01632 960123" }];

    private static readonly object?[] Thresholds =
    [
        null,
        new { notImprovingUrgentHours = 4, highRiskPainHours = 1.5, calfDifferenceUrgentCm = 1.8, combinedCalfDifferenceCm = 1.2 },
        new { normalSorenessMaxHours = 36, postnatalHighRiskDays = 56, frequentNightsPerWeek = 4, typicalCrampMaxMinutes = 8 },
    ];

    private static readonly string[] CoveredParts =
        ["\"kind\":\"emergency\"", "\"kind\":\"urgent\"", "\"kind\":\"routine\"", "\"kind\":\"incomplete\"", "\"kind\":\"none\"", "\"clock\":\"", "+local."];

    [BrowserFact]
    public async Task DevelopmentCasesAndGeneratedInputs_SameCardModelsOnTheServerAndInTheBrowser()
    {
        var cases = TriageCaseFile.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "triage", "cases.dev.json")));
        var inputs = cases.Select(c => c.Input).Concat(TriageGenerators.Input.Sample(10_000)).ToList();
        var requests = Requests(inputs);
        var expected = DeviceAssessment.AssessMany(requests);

        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/log");
        Assert.Equal(200, response!.Status);
        Assert.Contains("'wasm-unsafe-eval'", response.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", response.Headers["content-security-policy"].Replace("'wasm-unsafe-eval'", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var sw = System.Diagnostics.Stopwatch.StartNew();
        await page.EvaluateAsync("async () => { const { loadRules } = await import('/log/log.js'); await loadRules(); }");
        output.WriteLine($"The rules booted in {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var actual = await page.EvaluateAsync<string>(
            "async (requests) => { const { loadRules } = await import('/log/log.js'); const rules = await loadRules(); return rules.assessMany(requests); }",
            requests);
        output.WriteLine($"{inputs.Count} assessments in the browser in {sw.ElapsedMilliseconds} ms");

        using var server = JsonDocument.Parse(expected);
        using var browser = JsonDocument.Parse(actual);
        var serverCards = server.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
        var browserCards = browser.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
        Assert.Equal(inputs.Count, serverCards.Count);
        Assert.Equal(serverCards.Count, browserCards.Count);
        Assert.DoesNotContain(serverCards, c => c.Contains("\"error\"", StringComparison.Ordinal));
        var differences = Enumerable.Range(0, serverCards.Count).Where(i => serverCards[i] != browserCards[i]).ToList();
        Assert.True(differences.Count == 0,
            $"{differences.Count} of {serverCards.Count} card models differ; the first:\nserver:  {(differences.Count > 0 ? serverCards[differences[0]] : "")}\nbrowser: {(differences.Count > 0 ? browserCards[differences[0]] : "")}");

        // The inputs reach every kind of card, a clock and local thresholds, so the comparison covers each way a card is built.
        var missing = CoveredParts
            .Where(part => !serverCards.Any(c => c.Contains(part, StringComparison.Ordinal)))
            .ToList();
        Assert.True(missing.Count == 0, "No card model has " + string.Join(", ", missing));
        // No script error or blocked script (a signed-out visitor's kit request answers 401, which is expected).
        Assert.DoesNotContain(host.ConsoleErrors, e => e.Contains("/log", StringComparison.Ordinal) && !e.Contains("Failed to load resource", StringComparison.Ordinal));
    }

    /// <summary>One request per input, each with a time zone, the numbers, thresholds and a time of its own (from its index).</summary>
    private static string Requests(List<TriageInput> inputs)
    {
        var start = new DateTime(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc); // the night the clocks go forward in London
        var sb = new StringBuilder("[");
        for (var i = 0; i < inputs.Count; i++)
        {
            var assessedAt = start.AddMinutes(i * 37 % (60 * 24 * 400));
            var request = new Dictionary<string, object?>
            {
                ["input"] = JsonDocument.Parse(TriageCaseFile.ToJson(inputs[i])).RootElement,
                ["assessedAt"] = assessedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["crampStartedAt"] = i % 3 == 0 ? null : assessedAt.AddMinutes(-(i % 500)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["timeZone"] = Zones[i % Zones.Length],
                ["contacts"] = new
                {
                    emergency = i % 5 == 0 ? new { tel = "112", display = "112" } : new { tel = "999", display = "999" },
                    maternityTriage = TriageNumbers[i % TriageNumbers.Length],
                    urgentLineName = i % 5 == 0 ? "the out-of-hours line" : "NHS 111",
                    urgentLine = new { tel = "111", display = "111" },
                },
                ["options"] = Thresholds[i / 7 % Thresholds.Length],
            };
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(JsonSerializer.Serialize(request));
        }

        return sb.Append(']').ToString();
    }
}
