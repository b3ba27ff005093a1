using System.Runtime.InteropServices.JavaScript;

namespace LegCrampCare.Rules.Browser;

/// <summary>The rules' entry points for the offline quick log (wwwroot/main.js hands them to the page).</summary>
public static partial class RulesExports
{
    /// <summary>The card model for one request (see <see cref="DeviceAssessment"/>).</summary>
    [JSExport]
    public static string Assess(string requestJson) => DeviceAssessment.Assess(requestJson);

    /// <summary>Many requests in one call (the parity test's thousands of inputs).</summary>
    [JSExport]
    public static string AssessMany(string requestsJson) => DeviceAssessment.AssessMany(requestsJson);

    /// <summary>The rule-set version this build carries with the default thresholds.</summary>
    [JSExport]
    public static string RuleSetVersion() => TriageRules.Version;
}
