namespace LegCrampCare.Core.Features.Review;

/// <summary>Who the report is about, in words ready to print.</summary>
public sealed record ReportPatient(
    string Name,
    string? HospitalNumber,
    DateOnly DateOfBirth,
    string Stage,
    DateOnly? DueDate,
    DateOnly? BirthDate,
    IReadOnlyList<string> RiskFactors,
    string TimeZoneId);

/// <summary>
/// One cramp, in the patient's local time, with its current result and how a flag was resolved. Texts are ready to
/// print (no codes to translate); Level is the engine's level name (NONE, ROUTINE, URGENT, EMERGENCY). IsFlag: the
/// current result is a warning sign to review (a level above NONE, not only unanswered questions).
/// </summary>
public sealed record ReportEpisode(
    Guid Id,
    DateTime StartedAtLocal,
    DateOnly Night,
    string Stage,
    string Side,
    int? DurationMinutes,
    int? PainScore,
    string Locations,
    string HelpedBy,
    decimal? CalfDifferenceCm,
    string Level,
    string Result,
    IReadOnlyList<string> Reasons,
    int? LeftScore,
    int RcogPoints,
    string? ReviewedBy,
    DateTime? ReviewedAtUtc,
    string? ReviewNote,
    string? Notes,
    bool IsFlag);

/// <summary>Nights with cramps in one week of pregnancy (or after birth), for the trend.</summary>
public sealed record ReportWeek(string Label, int NightsWithCramps);

/// <summary>Everything a one-page appointment summary (PDF) or a spreadsheet (CSV) of her log shows.</summary>
public sealed record PatientReport(
    ReportPatient Patient,
    DateTime GeneratedAtUtc,
    string GeneratedBy,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ReportEpisode> Episodes,
    IReadOnlyList<ReportWeek> NightsPerWeek);

/// <summary>Turns a report into files. Implemented in Infrastructure (PDFsharp with a font shipped in the repository).</summary>
public interface IReportWriter
{
    /// <summary>A one-page A4 PDF: who, trends, every flag and how it was resolved.</summary>
    byte[] Pdf(PatientReport report);

    /// <summary>Every episode as CSV (UTF-8 with BOM); cells starting with = + - @ (or tab/CR) are neutralised against formula injection.</summary>
    byte[] Csv(PatientReport report);
}
