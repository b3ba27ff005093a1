using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Cli;

/// <summary>
/// <c>triage CASES.json [--check]</c> (shared triage-cases.md): a thin front over the Core rule engine the web app uses.
/// Exit codes: 0 every case evaluated (and with --check, passed); 1 a --check failure; 2 a malformed or unreadable file.
/// </summary>
public static class TriageCommand
{
    public static async Task<int> RunAsync(string path, bool check, TriageEngine engine, TextWriter output, TextWriter error)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"Cannot read {path}: {ex.Message}");
            return 2;
        }

        IReadOnlyList<TriageCase> cases;
        try
        {
            cases = TriageCaseFile.Parse(json);
            if (check && cases.FirstOrDefault(c => c.Expected is null) is { } missing)
            {
                throw new TriageCaseFormatException(missing.Id, "expected", "is needed with --check (NONE, ROUTINE, URGENT or EMERGENCY).");
            }
        }
        catch (TriageCaseFormatException ex)
        {
            await error.WriteLineAsync($"Malformed case file {path}: {ex.Message}");
            return 2;
        }

        int passed = 0, failed = 0;
        foreach (var triageCase in cases)
        {
            var result = engine.Evaluate(triageCase.Input);
            await output.WriteLineAsync(TriageCaseFile.ResultLine(triageCase.Id, result));
            if (!check)
            {
                continue;
            }

            var missingRules = triageCase.ExpectedRules.Where(r => !result.Rules.Contains(r)).ToList();
            if (result.Level == triageCase.Expected && missingRules.Count == 0)
            {
                passed++;
                continue;
            }

            failed++;
            var why = result.Level != triageCase.Expected
                ? $"expected {triageCase.Expected!.Value.ToCode()}, got {result.Level.ToCode()}"
                : "";
            if (missingRules.Count > 0)
            {
                why += (why.Length > 0 ? "; " : "") + "expected rules that did not fire: " + string.Join(", ", missingRules.Select(r => r.ToCode()));
            }

            await error.WriteLineAsync($"FAILED {triageCase.Id}: {why}");
        }

        if (check)
        {
            await output.WriteLineAsync($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        }

        return 0;
    }
}
