using System.Text;
using LegCrampCare.Core.Features.Review;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>An <see cref="IReportWriter"/> that keeps every report it was given and answers with a marker per format.</summary>
public sealed class RecordingReportWriter : IReportWriter
{
    private readonly List<(string Format, PatientReport Report)> _written = [];

    public IReadOnlyList<(string Format, PatientReport Report)> Written => _written.ToList();

    public byte[] Pdf(PatientReport report)
    {
        _written.Add(("pdf", report));
        return Encoding.ASCII.GetBytes("%PDF-fake");
    }

    public byte[] Csv(PatientReport report)
    {
        _written.Add(("csv", report));
        return Encoding.UTF8.GetBytes("csv-fake");
    }
}
