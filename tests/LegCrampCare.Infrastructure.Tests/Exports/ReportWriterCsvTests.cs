using System.Globalization;
using System.Text;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Infrastructure.Exports;
using static LegCrampCare.Infrastructure.Tests.Exports.ReportSamples;

namespace LegCrampCare.Infrastructure.Tests.Exports;

/// <summary>The spreadsheet export: what Excel or LibreOffice would read from the bytes.</summary>
public sealed class ReportWriterCsvTests
{
    private static readonly string[] Header =
    [
        "Date", "Time", "Night", "Stage", "Leg", "Duration (minutes)", "Pain (0–10)", "Where", "What helped",
        "Calf difference (cm)", "Result", "Reasons", "LEFt score", "RCOG points", "Reviewed by", "Reviewed on",
        "Review note", "Her notes",
    ];

    /// <summary>The columns that hold words (everything but dates, times and numbers).</summary>
    private static readonly string[] TextColumns =
        ["Stage", "Leg", "Where", "What helped", "Result", "Reasons", "Reviewed by", "Review note", "Her notes"];

    private readonly ReportWriter _writer = new();

    [Fact]
    public void Csv_AnyReport_StartsWithUtf8BomThenTheHeaderRow()
    {
        var bytes = _writer.Csv(Report([]));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(string.Join(",", Header) + "\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void Csv_EpisodesInAnyOrder_OneRowEachOldestFirst()
    {
        ReportEpisode[] episodes =
        [
            Episode(new DateTime(2026, 3, 2, 23, 5, 0)),
            Episode(new DateTime(2026, 1, 20, 4, 30, 0)),
            Episode(new DateTime(2026, 2, 14, 21, 0, 0)),
        ];

        var rows = Parse(_writer.Csv(Report(episodes)));

        Assert.Equal(Header, rows[0]);
        Assert.Equal(
            [("2026-01-20", "04:30", "2026-01-19"), ("2026-02-14", "21:00", "2026-02-14"), ("2026-03-02", "23:05", "2026-03-02")],
            rows.Skip(1).Select(r => (r[0], r[1], r[2])));
    }

    [Fact]
    public void Csv_FlaggedReviewedEpisode_WritesEveryColumn()
    {
        var episode = Episode(new DateTime(2026, 2, 3, 1, 40, 0), "URGENT", "Urgent: contact your maternity unit today") with
        {
            Reasons = ["Left calf 2.5 cm bigger", "Pain when walking"],
            CalfDifferenceCm = 2.5m,
            DurationMinutes = 12,
            PainScore = 8,
            LeftScore = 2,
            RcogPoints = 3,
            ReviewedBy = "Jo Reed",
            ReviewedAtUtc = new DateTime(2026, 7, 3, 9, 30, 0, DateTimeKind.Utc),
            ReviewNote = "Phoned her",
            Notes = "Woke me up",
        };

        var row = Parse(_writer.Csv(Report([episode])))[1];

        Assert.Equal(
            [
                "2026-02-03", "01:40", "2026-02-02", "31 weeks + 2 days", "Left", "12", "8", "Calf", "Stretching", "2.5",
                "Urgent: contact your maternity unit today", "Left calf 2.5 cm bigger; Pain when walking", "2", "3", "Jo Reed",
                "2026-07-03 10:30", // her local time (Europe/London, summer time)
                "Phoned her", "Woke me up",
            ],
            row);
    }

    [Fact]
    public void Csv_UnflaggedEpisodeWithoutOptionalValues_LeavesThoseCellsEmpty()
    {
        var episode = Episode(new DateTime(2026, 2, 3, 22, 0, 0)) with { DurationMinutes = null, PainScore = null, Notes = null };

        var row = Parse(_writer.Csv(Report([episode])))[1];

        string[] optional = ["Duration (minutes)", "Pain (0–10)", "Calf difference (cm)", "LEFt score", "Reviewed by", "Reviewed on", "Review note", "Her notes"];
        Assert.All(optional, column => Assert.Equal("", row[Array.IndexOf(Header, column)]));
        Assert.Equal(("No concern", "", "0"), (row[10], row[11], row[13]));
    }

    [Fact]
    public void Csv_TextWithCommaQuoteAndNewlines_IsQuotedWithDoubledQuotesAndReadsBackUnchanged()
    {
        const string notes = "He said \"stretch it\", so I did\r\nthen slept\nuntil 6";
        var episode = Episode(new DateTime(2026, 2, 3, 22, 0, 0)) with { Notes = notes, Locations = "Calf, foot" };

        var bytes = _writer.Csv(Report([episode]));

        var raw = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"He said \"\"stretch it\"\", so I did\r\nthen slept\nuntil 6\"", raw);
        Assert.Contains(",\"Calf, foot\",", raw);
        var row = Parse(bytes)[1];
        Assert.Equal((notes, "Calf, foot"), (row[17], row[7]));
    }

    [Fact]
    public void Csv_RowsWithoutLineBreaksInside_EndWithCrlfOnly()
    {
        var raw = Encoding.UTF8.GetString(_writer.Csv(Report(Spread(5, 2))));

        Assert.EndsWith("\r\n", raw);
        Assert.Equal(6, raw.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain('\n', raw.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', raw.Replace("\r\n", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("@")]
    [InlineData("\t")]
    [InlineData("\r")]
    public void Csv_CellStartingWithFormulaCharacter_GetsLeadingQuoteInEveryTextColumn(string prefix)
    {
        var payload = prefix + "HYPERLINK(\"http://example.invalid\",\"x\")";
        var episode = Episode(new DateTime(2026, 2, 3, 1, 40, 0), "URGENT", payload) with
        {
            Stage = payload,
            Side = payload,
            Locations = payload,
            HelpedBy = payload,
            Reasons = [payload, "second reason"],
            ReviewedBy = payload,
            ReviewedAtUtc = new DateTime(2026, 2, 3, 9, 0, 0, DateTimeKind.Utc),
            ReviewNote = payload,
            Notes = payload,
        };

        var row = Parse(_writer.Csv(Report([episode])))[1];

        foreach (var column in TextColumns)
        {
            var cell = row[Array.IndexOf(Header, column)];
            Assert.True(cell.StartsWith("'" + payload, StringComparison.Ordinal), $"{column}: {cell}");
        }
    }

    [Fact]
    public void Csv_SafeTextAndNumbers_AreNotPrefixed()
    {
        var episode = Episode(new DateTime(2026, 2, 3, 22, 0, 0)) with { Notes = "a-b = c, +1 @home", CalfDifferenceCm = 1.5m };

        var row = Parse(_writer.Csv(Report([episode])))[1];

        Assert.Equal(("a-b = c, +1 @home", "1.5"), (row[17], row[9]));
    }

    [Fact]
    public void Csv_GermanCurrentCulture_WritesDecimalPointAndIsoDates()
    {
        var episode = Episode(new DateTime(2026, 2, 3, 22, 0, 0)) with { CalfDifferenceCm = 2.25m, DurationMinutes = 1500 };
        var before = CultureInfo.CurrentCulture;
        byte[] bytes;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            bytes = _writer.Csv(Report([episode]));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        var raw = Encoding.UTF8.GetString(bytes);
        Assert.Contains(",2.25,", raw);
        Assert.Contains(",1500,", raw);
        Assert.StartsWith("\uFEFF" + string.Join(",", Header) + "\r\n2026-02-03,22:00,2026-02-03,", raw);
    }

    /// <summary>An RFC 4180 reader (quoted fields may hold commas, doubled quotes, CR and LF), after the BOM.</summary>
    private static List<string[]> Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else if (c is '\r' or '\n' or '"')
            {
                Assert.Fail($"unquoted U+{(int)c:X4} at {i}");
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        Assert.Empty(row);
        return rows;
    }
}
