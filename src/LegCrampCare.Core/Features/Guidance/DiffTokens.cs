using System.Globalization;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>
/// How <see cref="TextDiff"/> and <see cref="ThreeWayMerge"/> cut text into lines and words, as positions in the text
/// (no substring per line or word), and turn equal pieces into equal ids.
/// </summary>
internal static class DiffTokens
{
    /// <summary>Windows line ends become <c>\n</c> (a textarea posts <c>\r\n</c>); the same instance when there are none.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// Where each line of <paramref name="text"/> starts, plus one sentinel, so there are <c>Length - 1</c> lines; empty text has
    /// none. With <paramref name="keepNewline"/> line <c>i</c> is <c>text[starts[i]..starts[i + 1])</c>, its <c>\n</c> included
    /// (a text ending in <c>\n</c> has no empty last line). Without it the text is split at every <c>\n</c>, which belongs to
    /// no line: line <c>i</c> is <c>text[starts[i]..(starts[i + 1] - 1))</c> and a text ending in <c>\n</c> ends with an empty
    /// line, so joining the lines with <c>\n</c> gives the text back.
    /// </summary>
    public static int[] LineStarts(string text, bool keepNewline)
    {
        if (text.Length == 0)
        {
            return [0];
        }

        var newlines = text.AsSpan().Count('\n');
        var count = keepNewline && text[^1] == '\n' ? newlines : newlines + 1;
        var starts = new int[count + 1];
        var line = 1;
        var at = text.IndexOf('\n', StringComparison.Ordinal);
        while (at >= 0 && line <= count)
        {
            starts[line++] = at + 1;
            at = at + 1 < text.Length ? text.IndexOf('\n', at + 1) : -1;
        }

        starts[count] = keepNewline ? text.Length : text.Length + 1;
        return starts;
    }

    /// <summary>The end of line <paramref name="line"/> (see <see cref="LineStarts"/>).</summary>
    public static int LineEnd(int[] starts, int line, bool keepNewline) => keepNewline ? starts[line + 1] : starts[line + 1] - 1;

    /// <summary>
    /// Adds to <paramref name="starts"/> where each word of <c>text[start..end)</c> starts, then <paramref name="end"/>. A word
    /// is its core (a run of letters and digits, apostrophes inside a word included, or a run of other visible characters
    /// such as Markdown marks and punctuation) and the whitespace after it; only a first word can be whitespace alone.
    /// </summary>
    public static void WordStarts(string text, int start, int end, List<int> starts)
    {
        var i = start;
        while (i < end)
        {
            starts.Add(i);
            if (IsWordChar(text[i]))
            {
                i++;
                while (i < end && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < end && IsWordChar(text[i + 1]))))
                {
                    i++;
                }
            }
            else
            {
                while (i < end && !char.IsWhiteSpace(text[i]) && !IsWordChar(text[i]))
                {
                    i++;
                }
            }

            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        starts.Add(end);
    }

    /// <summary>Where the core of the word <c>text[start..end)</c> ends, i.e. without its trailing whitespace.</summary>
    public static int CoreEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';
}

/// <summary>Equal text, equal id: ids for spans of text without a string per lookup (only a new text is stored).</summary>
internal sealed class Interner
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Interner() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Id(ReadOnlySpan<char> text)
    {
        if (!_lookup.TryGetValue(text, out var id))
        {
            id = _ids.Count;
            _lookup[text] = id;
        }

        return id;
    }

    /// <summary>The ids of the lines of <paramref name="text"/> (see <see cref="DiffTokens.LineStarts"/>).</summary>
    public int[] LineIds(string text, int[] starts, bool keepNewline)
    {
        var ids = new int[starts.Length - 1];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Id(text.AsSpan(starts[i], DiffTokens.LineEnd(starts, i, keepNewline) - starts[i]));
        }

        return ids;
    }
}
