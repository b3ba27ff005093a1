using LegCrampCare.Core.Features.Review;

namespace LegCrampCare.Infrastructure.Exports;

/// <summary>
/// The report as files: a one-page A4 PDF (PDFsharp, DejaVu Sans shipped in this assembly) and a CSV of every episode.
/// Stateless and thread-safe, so one instance serves the whole app.
/// </summary>
public sealed class ReportWriter : IReportWriter
{
    public byte[] Pdf(PatientReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportPdf.Render(report);
    }

    public byte[] Csv(PatientReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportCsv.Write(report);
    }
}
