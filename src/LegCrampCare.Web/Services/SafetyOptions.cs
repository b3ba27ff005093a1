namespace LegCrampCare.Web.Services;

/// <summary>Numbers shown on every screen's safety net. Configure them for the deploying maternity unit.</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>The emergency number (999 in the UK, 112 in the EU, 911 in North America).</summary>
    public string EmergencyNumber { get; set; } = "999";

    /// <summary>Optional maternity triage number; when empty the app says "your maternity unit or midwife".</summary>
    public string? MaternityTriageNumber { get; set; }
}
