using System.Text.RegularExpressions;

namespace LegCrampCare.Core.Tests.ClinicalSafety;

/// <summary>
/// Every control in docs/clinical-safety/hazard-log.md names the test that verifies it, as `Class.Method`; this fails
/// when a named test does not exist (renamed or deleted), so the hazard log cannot quietly point at nothing.
/// </summary>
public sealed partial class HazardLogTests
{
    private static readonly string[] TestAttributes = ["[Fact", "[Theory", "[Property", "[BrowserFact"];

    [GeneratedRegex(@"`(?<class>[A-Z][A-Za-z0-9]*Tests)\.(?<method>[A-Z][A-Za-z0-9_]*)`")]
    private static partial Regex TestReference();

    private static string HazardLog => File.ReadAllText(RepositoryFiles.PathOf("docs", "clinical-safety", "hazard-log.md"));

    /// <summary>Every test method in the repository's test projects, as "Class.Method".</summary>
    private static HashSet<string> ExistingTests()
    {
        var tests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf("tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
                file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            string? currentClass = null;
            var sawTestAttribute = false;
            foreach (var raw in File.ReadLines(file))
            {
                var line = raw.Trim();

                // Test classes are top-level in file-scoped namespaces: a declaration at column 0 (not a nested helper
                // class, not the word "class" in a comment).
                var classMatch = Regex.Match(raw, @"^(?:public |internal )?(?:(?:sealed|static|partial|abstract) )*class\s+(?<name>[A-Za-z0-9_]+)");
                if (classMatch.Success)
                {
                    currentClass = classMatch.Groups["name"].Value;
                }

                if (TestAttributes.Any(a => line.StartsWith(a, StringComparison.Ordinal)))
                {
                    sawTestAttribute = true;
                    continue;
                }

                var method = Regex.Match(line, @"^public\s+(?:async\s+)?(?:void|Task|bool|Property)\s+(?<name>[A-Za-z0-9_]+)\s*\(");
                if (method.Success && currentClass is not null)
                {
                    if (sawTestAttribute)
                    {
                        tests.Add($"{currentClass}.{method.Groups["name"].Value}");
                    }

                    sawTestAttribute = false;
                }
                else if (line.Length > 0 && !line.StartsWith('[') && !line.StartsWith("//", StringComparison.Ordinal))
                {
                    sawTestAttribute = false;
                }
            }
        }

        return tests;
    }

    [Fact]
    public void HazardLog_EveryNamedTestExists()
    {
        var existing = ExistingTests();
        var named = TestReference().Matches(HazardLog).Select(m => $"{m.Groups["class"].Value}.{m.Groups["method"].Value}").Distinct().ToList();

        Assert.True(named.Count >= 20, $"The hazard log names only {named.Count} tests.");
        var missing = named.Where(n => !existing.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "hazard-log.md names tests that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void HazardLog_EveryHazardRowNamesATest()
    {
        var rows = HazardLog.Split('\n').Where(l => Regex.IsMatch(l, @"^\| H\d+ ")).ToList();

        Assert.True(rows.Count >= 9, "The hazard log should cover at least the nine starter hazards.");
        Assert.All(rows, row => Assert.Matches(TestReference(), row));
    }

    [Fact]
    public void ExistingTests_FindsTestsOfEveryKind()
    {
        var existing = ExistingTests();

        Assert.Contains("HazardLogTests.HazardLog_EveryNamedTestExists", existing);
        Assert.Contains("RulesDocumentTests.RulesDocument_EqualsTheRuleDefinitions", existing);
        Assert.Contains("PatientJourneyTests.RedFlagYes_ChestPain_ShowsTheEmergencyCallButton", existing);
        Assert.DoesNotContain("HazardLogTests.ExistingTestsThatDoNotExist", existing);
    }
}
