using System.Text.Json;
using System.Text.Json.Nodes;
using LegCrampCare.Cli;
using Microsoft.Extensions.Configuration;

namespace LegCrampCare.Infrastructure.Tests.Cli;

/// <summary>
/// `triage CASES.json [--check]` (shared triage-cases.md, "Command"): one JSON line per case in file order; with --check
/// the "N passed, M failed" line and exit 1 on any failure; exit 2 and nothing on stdout for a malformed or missing file.
/// </summary>
public sealed class TriageCommandTests : IDisposable
{
    private static readonly string DevCasesPath = Path.Combine(AppContext.BaseDirectory, "TestData", "triage", "cases.dev.json");

    private readonly List<string> _tempFiles = [];

    public void Dispose()
    {
        foreach (var path in _tempFiles.Where(File.Exists))
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Code, string[] Lines, string Error)> RunAsync(IConfiguration configuration, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, TextReader.Null, output, error, configuration);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        return (code, lines, error.ToString());
    }

    private static Task<(int Code, string[] Lines, string Error)> RunAsync(params string[] args) =>
        RunAsync(new ConfigurationBuilder().Build(), args);

    /// <summary>The development cases as JSON to change, read independently of the engine's reader.</summary>
    private static JsonObject DevCases() => (JsonObject)JsonNode.Parse(File.ReadAllText(DevCasesPath))!;

    private static JsonObject Case(JsonObject file, string id) =>
        file["cases"]!.AsArray().Select(c => (JsonObject)c!).Single(c => (string?)c["id"] == id);

    private string WriteTemp(JsonNode file) => WriteTemp(file.ToJsonString());

    private string WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lcc-triage-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        _tempFiles.Add(path);
        return path;
    }

    private static List<(string Id, string Expected)> FileCases() =>
        DevCases()["cases"]!.AsArray().Select(c => ((string)c!["id"]!, (string)c["expected"]!)).ToList();

    [Fact]
    public async Task UnusableTriageSettings_Exit2_WithAMessage_NothingOnStdout()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Triage:CalfDifferenceRoutineCm"] = "3" })
            .Build();

        var (code, lines, error) = await RunAsync(configuration, "triage", DevCasesPath, "--check");

        Assert.Equal(2, code);
        Assert.Empty(lines);
        Assert.Contains("CalfDifferenceRoutineCm", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalTriageSettings_UsedAndNamedInTheRuleSetVersion()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Triage:CalfDifferenceUrgentCm"] = "2.5" })
            .Build();

        var (code, lines, _) = await RunAsync(configuration, "triage", DevCasesPath);

        Assert.Equal(0, code);
        var d05 = JsonNode.Parse(lines.Single(l => l.Contains("\"D05\"", StringComparison.Ordinal)))!;
        Assert.StartsWith("2026.2+local.", (string)d05["ruleSet"]!, StringComparison.Ordinal);
        Assert.Contains("\"ruleSet\":\"2026.2+local.", lines[4], StringComparison.Ordinal); // written as in the contract, not \u002B
    }

    [Fact]
    public async Task Check_DevelopmentCases_Exit0_OneLinePerCaseInFileOrder_Ends113Passed0Failed()
    {
        var (code, lines, error) = await RunAsync("triage", DevCasesPath, "--check");

        Assert.True(code == 0, error);
        Assert.Equal("", error);
        var cases = FileCases();
        Assert.Equal(113, cases.Count);
        Assert.Equal(cases.Count + 1, lines.Length);
        Assert.Equal("113 passed, 0 failed", lines[^1]);
        for (var i = 0; i < cases.Count; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal(cases[i].Id, line.RootElement.GetProperty("id").GetString());
            Assert.Equal(cases[i].Expected, line.RootElement.GetProperty("level").GetString());
        }
    }

    [Fact]
    public async Task WithoutCheck_Exit0_113ResultLinesOnly_InTheDocumentedShape()
    {
        var (code, lines, error) = await RunAsync("triage", DevCasesPath);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(113, lines.Length);
        Assert.Equal(FileCases().Select(c => c.Id), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.All(lines, line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(["id", "level", "rules", "ruleSet", "leftScore", "rcogPoints"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("2026.2", json.RootElement.GetProperty("ruleSet").GetString());
        });
        Assert.Contains("{\"id\":\"D05\",\"level\":\"URGENT\",\"rules\":[\"UR-1\",\"UR-2\"],\"ruleSet\":\"2026.2\",\"leftScore\":3,\"rcogPoints\":0}", lines);
    }

    [Fact]
    public async Task Check_OneExpectedLevelWrong_Exit1_112Passed1Failed()
    {
        var file = DevCases();
        Case(file, "D01")["expected"] = "URGENT";

        var (code, lines, error) = await RunAsync("triage", WriteTemp(file), "--check");

        Assert.Equal(1, code);
        Assert.Equal("112 passed, 1 failed", lines[^1]);
        Assert.Equal(114, lines.Length);
        Assert.Contains("FAILED D01", error, StringComparison.Ordinal);
        Assert.Contains("expected URGENT, got NONE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AnExpectedRuleDoesNotFire_Exit1()
    {
        var file = DevCases();
        Case(file, "D05")["expectedRules"]!.AsArray().Add("UR-3");

        var (code, lines, error) = await RunAsync("triage", WriteTemp(file), "--check");

        Assert.Equal(1, code);
        Assert.Equal("112 passed, 1 failed", lines[^1]);
        Assert.Contains("FAILED D05", error, StringComparison.Ordinal);
        Assert.Contains("expected rules that did not fire: UR-3", error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Malformations => new()
    {
        { "D20", "episode.side", "\"middle\"" },
        { "D20", "episode.colour", "\"red\"" },
        { "D12", "patient.riskFactors", "[\"diabetes\"]" },
        { "D30", "history.crampNightsAgo", "[29]" },
        { "D33", "episode.calfDifferenceCm", "-1" },
        { "D39", "expected", "\"HIGH\"" },
    };

    [Theory]
    [MemberData(nameof(Malformations))]
    public async Task MalformedCase_Exit2_NamesCaseAndField_NothingOnStdout(string id, string field, string rawJson)
    {
        var file = DevCases();
        var parts = field.Split('.');
        var parent = Case(file, id);
        foreach (var part in parts[..^1])
        {
            parent = (JsonObject)parent[part]!;
        }

        parent[parts[^1]] = JsonNode.Parse(rawJson);

        foreach (var args in new[] { new[] { "--check" }, Array.Empty<string>() })
        {
            var (code, lines, error) = await RunAsync(["triage", WriteTemp(file), .. args]);

            Assert.Equal(2, code);
            Assert.Empty(lines);
            Assert.Contains(id, error, StringComparison.Ordinal);
            Assert.Contains(field, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DuplicateIdsAndBadJson_Exit2_NothingOnStdout()
    {
        var file = DevCases();
        Case(file, "D10")["id"] = "D09";
        var duplicate = await RunAsync("triage", WriteTemp(file), "--check");
        var badJson = await RunAsync("triage", WriteTemp("{\"schema\":\"legcrampcare-triage-cases/1\",\"cases\":[{\"id\":\"D01\""), "--check");

        Assert.Equal(2, duplicate.Code);
        Assert.Empty(duplicate.Lines);
        Assert.Contains("D09", duplicate.Error, StringComparison.Ordinal);
        Assert.Contains("id", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal(2, badJson.Code);
        Assert.Empty(badJson.Lines);
        Assert.Contains("not valid JSON", badJson.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_Exit2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"lcc-triage-missing-{Guid.NewGuid():N}.json");

        var (code, lines, error) = await RunAsync("triage", missing, "--check");

        Assert.Equal(2, code);
        Assert.Empty(lines);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_CaseWithoutExpected_Exit2_ButWithoutCheckItIsEvaluated()
    {
        var file = DevCases();
        Case(file, "D03").Remove("expected");
        var path = WriteTemp(file);

        var check = await RunAsync("triage", path, "--check");
        var plain = await RunAsync("triage", path);

        Assert.Equal(2, check.Code);
        Assert.Empty(check.Lines);
        Assert.Contains("D03", check.Error, StringComparison.Ordinal);
        Assert.Contains("expected", check.Error, StringComparison.Ordinal);
        Assert.Equal(0, plain.Code);
        Assert.Equal(113, plain.Lines.Length);
    }

    [Theory]
    [InlineData("triage")]
    [InlineData("triage", "cases.json", "--verbose")]
    public async Task BadUsage_Exit2WithUsage(params string[] args)
    {
        var (code, lines, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(lines);
        Assert.Contains("Usage", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredThresholds_ChangeTheRuleSetVersionOnEveryLine()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Triage:CalfDifferenceUrgentCm"] = "2.5" })
            .Build();

        var (code, lines, _) = await RunAsync(configuration, "triage", DevCasesPath);

        Assert.Equal(0, code);
        Assert.Equal(113, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("2026.2+local.", JsonDocument.Parse(line).RootElement.GetProperty("ruleSet").GetString(), StringComparison.Ordinal));
    }
}
