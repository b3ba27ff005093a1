using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace LegCrampCare.Infrastructure.Exports;

/// <summary>
/// The one font family the PDF report uses: DejaVu Sans (regular and bold), shipped as embedded resources of this
/// assembly (Exports/Fonts, licence beside the files), so PDFs render the same on any server without system fonts.
/// PDFsharp's font resolver is process-global and may be set only before the first font is used, so
/// <see cref="EnsureRegistered"/> sets it once, under a lock, and never replaces a resolver the host already set.
/// </summary>
internal static class ReportFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static volatile bool _registered;

    /// <summary>Makes sure PDFsharp can resolve <see cref="Family"/>; safe to call from many threads at once.</summary>
    public static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }

        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            // A host that installed its own resolver keeps it (PDFsharp forbids a change after first use); that resolver
            // must then resolve "DejaVu Sans" itself.
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new EmbeddedDejaVuResolver();
            }

            _registered = true;
        }
    }

    /// <summary>Maps "DejaVu Sans" (bold or not; italic simulated) to the embedded font files.</summary>
    internal sealed class EmbeddedDejaVuResolver : IFontResolver
    {
        private const string RegularFace = "DejaVuSans";
        private const string BoldFace = "DejaVuSans-Bold";

        private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
                ? new FontResolverInfo(isBold ? BoldFace : RegularFace, false, isItalic)
                : null;

        public byte[]? GetFont(string faceName) =>
            faceName is RegularFace or BoldFace ? Faces.GetOrAdd(faceName, Load) : null;

        private static byte[] Load(string faceName)
        {
            var name = $"LegCrampCare.Fonts.{faceName}.ttf";
            using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The font resource {name} is missing from the Infrastructure assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
