using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace LegCrampCare.Infrastructure.Tests.Exports;

/// <summary>One string as drawn: its text, font size (pt) and width on the page (pt).</summary>
internal sealed record PdfTextRun(string Text, double FontSize, double Width);

/// <summary>What a reader of the PDF gets: pages, the text in drawing order (top to bottom), the embedded fonts.</summary>
internal sealed record PdfFacts(int PageCount, IReadOnlyList<PdfTextRun> Runs, IReadOnlyList<string> EmbeddedFonts)
{
    /// <summary>All runs joined by single spaces, so a phrase wrapped over two lines still reads as one.</summary>
    public string Text { get; } = Regex.Replace(string.Join(" ", Runs.Select(r => r.Text)), @"\s+", " ");
}

/// <summary>
/// Reads a PDF back the way a viewer does, so tests assert what a midwife would see rather than how we drew it.
/// PDFsharp writes Unicode text as glyph ids (Identity-H) in Flate-compressed content streams, so the strings are not
/// in the file's bytes and a byte search would prove nothing. Instead this opens the file with PDFsharp's reader
/// (which inflates the streams), maps each <c>&lt;glyph ids&gt; Tj</c> back to text with the font's own ToUnicode
/// CMap (the table viewers use for copy and search), and sums glyph widths from the font's /W array. This keeps the
/// production output untouched (compressed, Unicode) instead of testing a special uncompressed or ANSI variant.
/// </summary>
internal static partial class PdfInspector
{
    public static PdfFacts Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var runs = new List<PdfTextRun>();
        var embedded = new List<string>();
        for (var p = 0; p < document.PageCount; p++)
        {
            var page = document.Pages[p];
            var fonts = new Dictionary<string, FontTables>(StringComparer.Ordinal);
            var fontResources = page.Resources.Elements.GetDictionary("/Font");
            foreach (var key in fontResources?.Elements.Keys ?? [])
            {
                var font = fontResources!.Elements.GetDictionary(key)!;
                var descendant = font.Elements.GetArray("/DescendantFonts")?.Elements.GetDictionary(0);
                var fontFile = descendant?.Elements.GetDictionary("/FontDescriptor")?.Elements.GetDictionary("/FontFile2");
                if (fontFile?.Stream is { Length: > 0 })
                {
                    embedded.Add(font.Elements.GetName("/BaseFont"));
                }

                var toUnicode = font.Elements.GetDictionary("/ToUnicode")?.Stream?.UnfilteredValue ?? [];
                fonts[key.TrimStart('/')] = new FontTables(
                    ParseToUnicode(Encoding.Latin1.GetString(toUnicode)),
                    ParseWidths(descendant?.Elements["/W"]?.ToString() ?? ""));
            }

            foreach (var content in page.Contents)
            {
                ReadContent(Encoding.Latin1.GetString(content.Stream.UnfilteredValue), fonts, runs);
            }
        }

        return new PdfFacts(document.PageCount, runs, embedded);
    }

    private static void ReadContent(string content, Dictionary<string, FontTables> fonts, List<PdfTextRun> runs)
    {
        FontTables? font = null;
        double size = 0;
        foreach (Match m in ContentToken().Matches(content))
        {
            if (m.Groups["font"].Success)
            {
                font = fonts.GetValueOrDefault(m.Groups["font"].Value);
                size = double.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture);
                continue;
            }

            var hex = Regex.Replace(m.Groups["hex"].Value, @"\s", "");
            var text = new StringBuilder();
            double width = 0;
            for (var i = 0; i + 4 <= hex.Length; i += 4)
            {
                var glyph = int.Parse(hex.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                text.Append(font?.ToUnicode.GetValueOrDefault(glyph) ?? "\uFFFD");
                width += (font?.Widths.GetValueOrDefault(glyph, 1000) ?? 1000) * size / 1000;
            }

            runs.Add(new PdfTextRun(text.ToString(), size, width));
        }
    }

    /// <summary>bfchar (&lt;glyph&gt; &lt;unicode&gt;) and bfrange (&lt;first&gt; &lt;last&gt; &lt;unicode&gt;) entries.</summary>
    private static Dictionary<int, string> ParseToUnicode(string cmap)
    {
        var map = new Dictionary<int, string>();
        var entries = CMapSection().Matches(cmap).SelectMany(section => CMapRange().Matches(section.Groups["entries"].Value));
        foreach (var m in entries)
        {
            var first = Hex(m.Groups["first"].Value);
            var last = m.Groups["last"].Success ? Hex(m.Groups["last"].Value) : first;
            var target = m.Groups["target"].Value;
            var start = Hex(target[^4..]);
            for (var glyph = first; glyph <= last; glyph++)
            {
                var units = Enumerable.Range(0, target.Length / 4 - 1).Select(i => (char)Hex(target.Substring(i * 4, 4)))
                    .Append((char)(start + glyph - first));
                map[glyph] = new string(units.ToArray());
            }
        }

        return map;
    }

    /// <summary>The CIDFont /W array: "c [w1 w2 …]" and "cFirst cLast w" entries, widths in 1/1000 em.</summary>
    private static Dictionary<int, double> ParseWidths(string w)
    {
        var widths = new Dictionary<int, double>();
        var tokens = Regex.Matches(w, @"\[|\]|-?\d+(\.\d+)?").Select(t => t.Value).ToList();
        var i = tokens.Count > 0 && tokens[0] == "[" ? 1 : 0;
        while (i < tokens.Count && tokens[i] != "]")
        {
            var first = int.Parse(tokens[i++], CultureInfo.InvariantCulture);
            if (tokens[i] == "[")
            {
                i++;
                for (var glyph = first; tokens[i] != "]"; glyph++)
                {
                    widths[glyph] = double.Parse(tokens[i++], CultureInfo.InvariantCulture);
                }

                i++;
            }
            else
            {
                var last = int.Parse(tokens[i++], CultureInfo.InvariantCulture);
                var width = double.Parse(tokens[i++], CultureInfo.InvariantCulture);
                for (var glyph = first; glyph <= last; glyph++)
                {
                    widths[glyph] = width;
                }
            }
        }

        return widths;
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/(?<font>[A-Za-z0-9]+)\s+(?<size>[\d.]+)\s+Tf|<(?<hex>[0-9A-Fa-f\s]*)>\s*Tj")]
    private static partial Regex ContentToken();

    [GeneratedRegex(@"begin(?<kind>bfrange|bfchar)(?<entries>.*?)end\k<kind>", RegexOptions.Singleline)]
    private static partial Regex CMapSection();

    [GeneratedRegex(@"<(?<first>[0-9A-Fa-f]{4})>\s*(?:<(?<last>[0-9A-Fa-f]{4})>\s*)?<(?<target>[0-9A-Fa-f]+)>")]
    private static partial Regex CMapRange();

    private sealed record FontTables(Dictionary<int, string> ToUnicode, Dictionary<int, double> Widths);
}
