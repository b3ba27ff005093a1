using System.Globalization;
using System.Text;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;

namespace LegCrampCare.Infrastructure.Exports;

/// <summary>
/// Every episode as one CSV row, oldest first: UTF-8 with a BOM (so spreadsheets read accents and dashes right), CRLF,
/// RFC 4180 quoting, invariant numbers, and OWASP's formula-injection guard on every cell.
/// </summary>
internal static class ReportCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Date", "Time", "Night", "Stage", "Leg", "Duration (minutes)", "Pain (0–10)", "Where", "What helped",
        "Calf difference (cm)", "Result", "Reasons", "LEFt score", "RCOG points", "Reviewed by", "Reviewed on",
        "Review note", "Her notes",
    ];

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(PatientReport report)
    {
        var zone = PregnancyCalendar.FindZoneOrUtc(report.Patient.TimeZoneId);
        var text = new StringBuilder();
        AppendRow(text, Header);
        foreach (var e in report.Episodes.OrderBy(e => e.StartedAtLocal).ThenBy(e => e.Night))
        {
            AppendRow(text,
            [
                e.StartedAtLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.StartedAtLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
                e.Night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.Stage,
                e.Side,
                Number(e.DurationMinutes),
                Number(e.PainScore),
                e.Locations,
                e.HelpedBy,
                e.CalfDifferenceCm?.ToString(CultureInfo.InvariantCulture) ?? "",
                e.Result,
                string.Join("; ", e.Reasons),
                Number(e.LeftScore),
                e.RcogPoints.ToString(CultureInfo.InvariantCulture),
                e.ReviewedBy ?? "",
                e.ReviewedAtUtc is { } reviewed
                    ? PregnancyCalendar.ToLocal(reviewed, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                    : "",
                e.ReviewNote ?? "",
                e.Notes ?? "",
            ]);
        }

        var body = Utf8WithBom.GetBytes(text.ToString());
        var preamble = Utf8WithBom.GetPreamble();
        var bytes = new byte[preamble.Length + body.Length];
        preamble.CopyTo(bytes, 0);
        body.CopyTo(bytes, preamble.Length);
        return bytes;
    }

    /// <summary>
    /// A cell as written: a leading = + - @ tab or CR (which a spreadsheet could run as a formula) gets a ' in front
    /// (OWASP CSV injection), then the cell is quoted when it holds a comma, quote, CR or LF, quotes doubled.
    /// </summary>
    internal static string Cell(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }
}
