using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>The clinical development cases (shared/clinical/cases.dev.json, copied to tests/TestData/triage).</summary>
internal static class DevelopmentCases
{
    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "triage", "cases.dev.json");

    private static readonly Lazy<IReadOnlyList<TriageCase>> Cases = new(() => TriageCaseFile.Parse(File.ReadAllText(FilePath)));

    public static IReadOnlyList<TriageCase> All => Cases.Value;

    public static TriageCase Get(string id) => All.Single(c => c.Id == id);
}
