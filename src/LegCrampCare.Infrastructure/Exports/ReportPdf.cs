using System.Globalization;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LegCrampCare.Infrastructure.Exports;

/// <summary>
/// Lays out the one-page A4 appointment summary: who, trends, every flag and how it was resolved, footer. Black on
/// white with grey fills so it prints in black and white. The page is never allowed to grow: every text is wrapped to
/// its column and capped at a number of lines (ending in "…"), the trend charts have fixed boxes, and flags are added
/// newest first only while the next one still fits above the footer; the rest are counted in one closing line.
/// </summary>
internal static partial class ReportPdf
{
    /// <summary>At most this many weeks of nights with cramps (the latest ones) are drawn.</summary>
    public const int MaxWeeks = 16;

    private const double Margin = 36;
    private const double ChartRowHeight = 116;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly XColor BarGrey = XColor.FromArgb(190, 190, 190);
    private static readonly XColor RuleGrey = XColor.FromArgb(140, 140, 140);

    public static byte[] Render(PatientReport report)
    {
        ReportFonts.EnsureRegistered();

        using var document = new PdfDocument();
        document.Info.Title = "Leg cramp summary";
        document.Info.Creator = "LegCrampCare";

        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            new Layout(graphics, page.Width.Point, page.Height.Point, report).Draw();
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class Layout(XGraphics g, double pageWidth, double pageHeight, PatientReport report)
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        private readonly XFont _title = new(ReportFonts.Family, 15, XFontStyleEx.Bold, Unicode);
        private readonly XFont _heading = new(ReportFonts.Family, 11, XFontStyleEx.Bold, Unicode);
        private readonly XFont _body = new(ReportFonts.Family, 8.5, XFontStyleEx.Regular, Unicode);
        private readonly XFont _bold = new(ReportFonts.Family, 8.5, XFontStyleEx.Bold, Unicode);
        private readonly XFont _small = new(ReportFonts.Family, 7, XFontStyleEx.Regular, Unicode);
        private readonly XPen _hairline = new(XColors.Black, 0.5);
        private readonly XPen _rule = new(RuleGrey, 0.5);
        private readonly XBrush _barFill = new XSolidBrush(BarGrey);
        private readonly TimeZoneInfo _zone = PregnancyCalendar.FindZoneOrUtc(report.Patient.TimeZoneId);

        private const double Left = Margin;

        private double Width => pageWidth - 2 * Margin;

        private double FooterTop => pageHeight - Margin - 2 * _small.GetHeight() - 4;

        public void Draw()
        {
            var y = DrawHeader(Margin);
            y = DrawTrends(y + 8);
            DrawFlags(y + 8);
            DrawFooter();
        }

        private double DrawHeader(double y)
        {
            var p = report.Patient;
            y = DrawText($"Leg cramp summary for {p.Name}", _title, Left, y, Width, maxLines: 3) + 3;

            var who = $"Date of birth: {LongDate(p.DateOfBirth)}";
            if (!string.IsNullOrWhiteSpace(p.HospitalNumber))
            {
                who += $"   ·   Hospital number: {p.HospitalNumber}";
            }

            y = DrawText(who, _body, Left, y, Width, maxLines: 2);

            var stage = new List<string>();
            if (!string.IsNullOrWhiteSpace(p.Stage))
            {
                stage.Add($"Stage: {p.Stage}");
            }

            if (p.DueDate is { } due)
            {
                stage.Add($"Due date: {LongDate(due)}");
            }

            if (p.BirthDate is { } birth)
            {
                stage.Add($"Birth date: {LongDate(birth)}");
            }

            if (stage.Count > 0)
            {
                y = DrawText(string.Join("   ·   ", stage), _body, Left, y, Width, maxLines: 2);
            }

            var risks = p.RiskFactors.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
            y = DrawText($"Risk factors: {(risks.Count == 0 ? "none recorded" : string.Join("; ", risks))}", _body, Left, y, Width, maxLines: 3);
            y = DrawText(
                $"Period covered: {LongDate(report.From)} – {LongDate(report.To)}   ·   Times are her local time ({_zone.Id})",
                _body, Left, y, Width, maxLines: 2);
            var generated = PregnancyCalendar.ToLocal(report.GeneratedAtUtc, _zone);
            y = DrawText(
                $"Generated on {LongDate(DateOnly.FromDateTime(generated))} at {generated.ToString("HH:mm", Invariant)} by {report.GeneratedBy}",
                _body, Left, y, Width, maxLines: 2);

            y += 5;
            g.DrawLine(_hairline, Left, y, Left + Width, y);
            return y;
        }

        private double DrawTrends(double y)
        {
            y = DrawText("Trends", _heading, Left, y, Width, maxLines: 1);
            var nights = report.Episodes.Select(e => e.Night).Distinct().Count();
            y = DrawText($"{Plural(report.Episodes.Count, "cramp")} logged on {Plural(nights, "night")} in this period.", _body, Left, y, Width, maxLines: 1) + 4;

            const double gap = 18;
            var leftWidth = Math.Round(Width * 0.6);
            var rightX = Left + leftWidth + gap;
            var rightWidth = Width - leftWidth - gap;

            DrawNightsPerWeek(Left, y, leftWidth);
            DrawBarList(rightX, y, rightWidth, "Which leg", SideCounts(), "No cramps logged in this period.");
            y += ChartRowHeight + 6;
            DrawPainTrend(Left, y, leftWidth);
            DrawBarList(rightX, y, rightWidth, "Time the cramps started", TimeBandCounts(), "No cramps logged in this period.");
            y += ChartRowHeight;

            g.DrawLine(_hairline, Left, y, Left + Width, y);
            return y;
        }

        private void DrawNightsPerWeek(double x, double y, double width)
        {
            var weeks = report.NightsPerWeek;
            var shown = weeks.Skip(Math.Max(0, weeks.Count - MaxWeeks)).ToList();
            var title = weeks.Count > MaxWeeks
                ? $"Nights with cramps per week (last {MaxWeeks} of {weeks.Count} weeks)"
                : "Nights with cramps per week";
            var bars = shown.Select(w => new Bar(w.Label, w.NightsWithCramps, w.NightsWithCramps.ToString(Invariant))).ToList();
            DrawColumnChart(x, y, width, title, bars, Math.Max(7, bars.Count == 0 ? 0 : bars.Max(b => b.Value ?? 0)),
                "No weeks to show.");
        }

        /// <summary>
        /// Average pain (0–10) per 7-day week counted back from the end of the period, labelled with each week's first
        /// day: the weeks of <see cref="PatientReport.NightsPerWeek"/> carry no pain, and their labels are not dates.
        /// </summary>
        private void DrawPainTrend(double x, double y, double width)
        {
            var weeks = new List<(DateOnly Start, DateOnly End)>();
            for (var end = report.To; end >= report.From && weeks.Count < MaxWeeks; end = end.AddDays(-7))
            {
                var start = end.AddDays(-6);
                weeks.Insert(0, (start < report.From ? report.From : start, end));
            }

            var bars = weeks.Select(w =>
            {
                var scores = report.Episodes
                    .Where(e => e.PainScore is not null && e.Night >= w.Start && e.Night <= w.End)
                    .Select(e => (double)e.PainScore!.Value)
                    .ToList();
                var average = scores.Count == 0 ? (double?)null : Math.Round(scores.Average(), 1);
                return new Bar(w.Start.ToString("d MMM", Invariant), average, average?.ToString("0.#", Invariant) ?? "–");
            }).ToList();

            var anyPain = bars.Any(b => b.Value is not null);
            DrawColumnChart(x, y, width, "Average pain score (0–10) per week, by the week's first day",
                anyPain ? bars : [], 10, "No pain scores recorded in this period.");
        }

        private void DrawColumnChart(double x, double y, double width, string title, IReadOnlyList<Bar> bars, double max, string empty)
        {
            var top = DrawText(title, _bold, x, y, width, maxLines: 1);
            if (bars.Count == 0)
            {
                DrawText(empty, _body, x, top + 2, width, maxLines: 2);
                return;
            }

            const double labelSpace = 50;
            var valueSpace = _small.GetHeight() + 1;
            var baseline = y + ChartRowHeight - labelSpace;
            var plotTop = top + valueSpace + 2;
            var plotHeight = baseline - plotTop;
            var slot = Math.Min(width / bars.Count, 36);
            var barWidth = slot * 0.62;

            for (var i = 0; i < bars.Count; i++)
            {
                var bar = bars[i];
                var centre = x + slot * i + slot / 2;
                var height = bar.Value is { } v && max > 0 ? Math.Clamp(v / max, 0, 1) * plotHeight : 0;
                if (height > 0)
                {
                    g.DrawRectangle(_hairline, _barFill, new XRect(centre - barWidth / 2, baseline - height, barWidth, height));
                }

                g.DrawString(bar.ValueText, _small, XBrushes.Black, new XPoint(centre, baseline - height - 1), XStringFormats.BottomCenter);

                // Labels run upwards, ending just under the bar, so that long week names fit in a narrow slot.
                var anchor = new XPoint(centre, baseline + 3);
                var label = Ellipsize(Clean(bar.Label), _small, labelSpace - 5);
                var state = g.Save();
                g.RotateAtTransform(-90, anchor);
                g.DrawString(label, _small, XBrushes.Black, anchor, XStringFormats.CenterRight);
                g.Restore(state);
            }

            g.DrawLine(_hairline, x, baseline, x + slot * bars.Count, baseline);
        }

        private void DrawBarList(double x, double y, double width, string title, IReadOnlyList<(string Label, int Count)> rows, string empty)
        {
            var rowY = DrawText(title, _bold, x, y, width, maxLines: 1) + 3;
            if (rows.Sum(r => r.Count) == 0)
            {
                DrawText(empty, _body, x, rowY, width, maxLines: 2);
                return;
            }

            var labelWidth = width * 0.5;
            const double countWidth = 22;
            var barMaxWidth = width - labelWidth - countWidth - 4;
            var max = rows.Max(r => r.Count);
            var rowHeight = _body.GetHeight() + 4;
            foreach (var (label, count) in rows.Take((int)((y + ChartRowHeight - rowY) / rowHeight)))
            {
                DrawText(label, _body, x, rowY, labelWidth - 4, maxLines: 1);
                var barWidth = max == 0 ? 0 : barMaxWidth * count / max;
                if (barWidth > 0)
                {
                    g.DrawRectangle(_hairline, _barFill, new XRect(x + labelWidth, rowY + 1, barWidth, rowHeight - 5));
                }

                g.DrawString(count.ToString(Invariant), _body, XBrushes.Black, new XPoint(x + labelWidth + barWidth + 3, rowY), XStringFormats.TopLeft);
                rowY += rowHeight;
            }
        }

        private List<(string Label, int Count)> SideCounts()
        {
            string[] order = ["left", "right", "both"];
            return report.Episodes
                .GroupBy(e => string.IsNullOrWhiteSpace(e.Side) ? "Not recorded" : e.Side.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(grp => (Label: grp.Key, Count: grp.Count()))
                .OrderBy(r => Array.IndexOf(order, r.Label.ToLowerInvariant()) is var i && i >= 0 ? i : order.Length)
                .ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private List<(string Label, int Count)> TimeBandCounts()
        {
            (string Label, int From, int To)[] bands =
            [
                ("Evening (18–24)", 18, 24),
                ("Night (0–3)", 0, 3),
                ("Early morning (3–6)", 3, 6),
                ("Morning (6–12)", 6, 12),
                ("Afternoon (12–18)", 12, 18),
            ];
            return bands
                .Select(b => (b.Label, report.Episodes.Count(e => e.StartedAtLocal.Hour >= b.From && e.StartedAtLocal.Hour < b.To)))
                .ToList();
        }

        private void DrawFlags(double y)
        {
            var flags = report.Episodes
                .Where(e => e.IsFlag)
                .OrderByDescending(e => e.StartedAtLocal)
                .ToList();

            y = DrawText($"Flags ({flags.Count})", _heading, Left, y, Width, maxLines: 1);
            if (flags.Count == 0)
            {
                DrawText("No flags in this period: no cramp had a warning sign.", _body, Left, y + 2, Width, maxLines: 2);
                return;
            }

            y = DrawText("Every cramp whose result was a warning sign, newest first.", _body, Left, y, Width, maxLines: 1) + 4;

            var bottom = FooterTop - 4;
            var moreLine = _body.GetHeight() + 2;
            for (var i = 0; i < flags.Count; i++)
            {
                var block = FlagBlock(flags[i]);
                var remaining = flags.Count - i - 1;
                if (y + block.Height + (remaining > 0 ? moreLine : 0) > bottom)
                {
                    var more = flags.Count - i;
                    DrawText($"…and {more} more {(more == 1 ? "flag" : "flags")}: see the full log in LegCrampCare", _bold, Left, y, Width, maxLines: 1);
                    return;
                }

                y = DrawBlock(block, y);
            }
        }

        private Block FlagBlock(ReportEpisode e)
        {
            const double indent = 8;
            var width = Width - indent;
            var lines = new List<(string Text, XFont Font)>();

            void Add(string text, XFont font, int maxLines) =>
                lines.AddRange(Wrap(text, font, width, maxLines).Select(l => (l, font)));

            Add($"{e.StartedAtLocal.ToString("ddd d MMM yyyy, HH:mm", Invariant)} — {e.Result}", _bold, 2);

            var details = new List<string>();
            if (!string.IsNullOrWhiteSpace(e.Side))
            {
                details.Add($"Leg: {e.Side}");
            }

            if (e.PainScore is { } pain)
            {
                details.Add($"Pain {pain.ToString(Invariant)}/10");
            }

            if (e.DurationMinutes is { } minutes)
            {
                details.Add($"Lasted {Plural(minutes, "minute")}");
            }

            if (e.CalfDifferenceCm is { } calf)
            {
                details.Add($"Calf difference {calf.ToString("0.#", Invariant)} cm");
            }

            if (!string.IsNullOrWhiteSpace(e.Stage))
            {
                details.Add(e.Stage);
            }

            if (details.Count > 0)
            {
                Add(string.Join("   ·   ", details), _body, 2);
            }

            var reasons = e.Reasons.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
            Add($"Why: {(reasons.Count == 0 ? "no reason recorded" : string.Join("; ", reasons))}", _body, 4);

            var left = e.LeftScore is { } score ? $"LEFt score {score.ToString(Invariant)}" : "LEFt score not applicable";
            Add($"{left} · RCOG points {e.RcogPoints.ToString(Invariant)} — context only, never used to lower a level", _body, 2);

            if (string.IsNullOrWhiteSpace(e.ReviewedBy))
            {
                Add("Not yet reviewed", _bold, 1);
            }
            else
            {
                var on = e.ReviewedAtUtc is { } at ? $" on {LongDate(PregnancyCalendar.LocalDate(at, _zone))}" : "";
                var note = string.IsNullOrWhiteSpace(e.ReviewNote) ? "" : $": {e.ReviewNote}";
                Add($"Reviewed by {e.ReviewedBy}{on}{note}", _body, 3);
            }

            return new Block(lines, indent);
        }

        private double DrawBlock(Block block, double y)
        {
            var top = y;
            foreach (var (text, font) in block.Lines)
            {
                g.DrawString(text, font, XBrushes.Black, new XPoint(Left + block.Indent, y), XStringFormats.TopLeft);
                y += font.GetHeight();
            }

            g.DrawRectangle(XBrushes.Black, new XRect(Left, top + 1, 2, y - top - 2));
            return top + block.Height;
        }

        private void DrawFooter()
        {
            var y = FooterTop;
            g.DrawLine(_rule, Left, y, Left + Width, y);
            DrawText("Contains health information. Store and share it as your organisation's policy says.", _small, Left, y + 3, Width * 0.8, maxLines: 2);
            g.DrawString("LegCrampCare · page 1 of 1", _small, XBrushes.Black, new XPoint(Left + Width, y + 3), XStringFormats.TopRight);
        }

        /// <summary>Draws wrapped text and returns the y below it.</summary>
        private double DrawText(string text, XFont font, double x, double y, double width, int maxLines)
        {
            foreach (var line in Wrap(text, font, width, maxLines))
            {
                g.DrawString(line, font, XBrushes.Black, new XPoint(x, y), XStringFormats.TopLeft);
                y += font.GetHeight();
            }

            return y;
        }

        /// <summary>
        /// Splits text into lines no wider than <paramref name="width"/>: at spaces, and inside a word that is wider
        /// than a line. Beyond <paramref name="maxLines"/> the last line ends in "…".
        /// </summary>
        private List<string> Wrap(string text, XFont font, double width, int maxLines)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (Measure(current, font) > width && lines.Count <= maxLines)
                {
                    var cut = FittingPrefixLength(current, font, width);
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }

                if (lines.Count > maxLines)
                {
                    break;
                }
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            if (lines.Count == 0)
            {
                lines.Add("");
            }

            if (lines.Count > maxLines)
            {
                lines.RemoveRange(maxLines, lines.Count - maxLines);
                lines[^1] = Ellipsize(lines[^1] + "…", font, width, force: true);
            }

            return lines;
        }

        /// <summary>The longest prefix (whole text elements, at least one) that fits the width.</summary>
        private int FittingPrefixLength(string text, XFont font, double width)
        {
            var boundaries = StringInfo.ParseCombiningCharacters(text);
            int low = 1, high = boundaries.Length;
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                var length = mid < boundaries.Length ? boundaries[mid] : text.Length;
                if (Measure(text[..length], font) <= width)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return low < boundaries.Length ? boundaries[low] : text.Length;
        }

        /// <summary>Shortens text to fit the width, ending in "…" when anything was cut (or always, when forced).</summary>
        private string Ellipsize(string text, XFont font, double width, bool force = false)
        {
            if (!force && Measure(text, font) <= width)
            {
                return text;
            }

            var body = text.EndsWith('…') ? text[..^1] : text;
            body = body.TrimEnd();
            while (body.Length > 0 && Measure(body + "…", font) > width)
            {
                var elements = StringInfo.ParseCombiningCharacters(body);
                body = body[..elements[^1]].TrimEnd();
            }

            return body + "…";
        }

        private double Measure(string text, XFont font) => text.Length == 0 ? 0 : g.MeasureString(text, font).Width;

        private sealed record Bar(string Label, double? Value, string ValueText);

        private sealed class Block(List<(string Text, XFont Font)> lines, double indent)
        {
            public List<(string Text, XFont Font)> Lines { get; } = lines;

            public double Indent { get; } = indent;

            public double Height { get; } = lines.Sum(l => l.Font.GetHeight()) + 6;
        }
    }

    /// <summary>
    /// Text as one paragraph: line breaks (typed in notes) become " / " so the summary keeps its room for flags, and
    /// tabs and other control characters become spaces so they never print as boxes.
    /// </summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var oneLine = LineBreaks().Replace(text.Trim(), " / ");
        return string.Create(oneLine.Length, oneLine, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    private static string LongDate(DateOnly date) => date.ToString("d MMM yyyy", Invariant);

    private static string Plural(int count, string noun) =>
        $"{count.ToString(Invariant)} {noun}{(count == 1 ? "" : "s")}";
}
