using System.Globalization;
using System.Text;

namespace LegCrampCare.Core.Common;

/// <summary>What kind of text a field holds, which decides the characters it may contain.</summary>
public enum TextKind
{
    /// <summary>A person's name (hers, a staff member's): one line, at least one letter, one alphabet per word.</summary>
    Name,

    /// <summary>One line of text: a title, a summary, a source's title.</summary>
    SingleLine,

    /// <summary>Notes and article text: tabs and line breaks are allowed.</summary>
    MultiLine,
}

/// <summary>
/// The one rule for every text a person types into LegCrampCare (names, notes, guidance text): every validator and
/// service uses it, so the limits can't drift apart. Text is trimmed and normalised to Unicode NFC
/// (<see cref="Clean"/>) before it is measured and stored. Refused, with a message that says what is allowed:
/// <list type="bullet">
/// <item>broken UTF-16 (a lone surrogate), the replacement character U+FFFD that broken text becomes on the way in,
/// and Unicode non-characters;</item>
/// <item>control characters: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F), except tab and line breaks in multi-line text;</item>
/// <item>characters that change the direction of the text (bidi embeddings, overrides and isolates) and other
/// invisible formatting characters, which can make text read differently to the next reader; zero-width joiners
/// (emoji, many scripts), the left-to-right and right-to-left marks and the tags of a subdivision flag emoji are allowed;</item>
/// <item>line and paragraph separators outside multi-line text;</item>
/// <item>text longer than the field's limit, counted after cleaning;</item>
/// <item>a name that would render empty (no letter), or whose word mixes Latin with Greek or Cyrillic letters (a
/// look-alike of another name).</item>
/// </list>
/// </summary>
public static class TextInput
{
    /// <summary>Trims and normalises to NFC, with every line break made "\n". Null and blank become "".</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Broken UTF-16 or a non-character can't be normalised; Problem refuses such text before anything stores it.
            return text;
        }
    }

    /// <summary>Like <see cref="Clean"/>, but null when nothing is left (optional fields store null, not "").</summary>
    public static string? CleanOrNull(string? value) => IsBlank(value) ? null : Clean(value);

    /// <summary>Whether the field is empty once cleaned (or holds only spaces and invisible characters).</summary>
    public static bool IsBlank(string? value) => !Clean(value).Any(IsVisible);

    /// <summary>
    /// What is wrong with the text, as the part of a message after the field's label ("Notes: …"); null when it may be
    /// stored. Empty text is fine here: whether a field is required is the caller's rule.
    /// </summary>
    public static string? Problem(string? value, int maxLength, TextKind kind)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // Checked on the raw text: NFC can't make these appear or go away, and the length can be huge.
        var inFlag = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                var isTag = codePoint is >= 0xE0020 and <= 0xE007F;
                if (IsNonCharacter(codePoint) || (IsInvisibleFormat(codePoint) && !(isTag && inFlag)))
                {
                    return Hidden(codePoint);
                }

                // Tag characters only inside a subdivision flag (England, Scotland, Wales): a black flag, tags, a cancel tag.
                inFlag = codePoint == BlackFlag || (isTag && inFlag && codePoint != CancelTag);
                i++;
                continue;
            }

            inFlag = false;

            // U+FFFD is what a broken character becomes on the way in (a lone surrogate sent as UTF-8).
            if (char.IsSurrogate(c) || c == '\uFFFD')
            {
                return "it contains a broken character that can't be stored (this can happen when text is copied from elsewhere). Type it again.";
            }

            if (IsNonCharacter(c))
            {
                return "it contains a character that isn't text (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + "). Type it again.";
            }

            if (c is '\n' or '\r' or '\t' or '\u2028' or '\u2029')
            {
                if (kind != TextKind.MultiLine)
                {
                    return "keep it to one line, without tabs or line breaks.";
                }

                continue;
            }

            if (char.IsControl(c))
            {
                return kind == TextKind.MultiLine
                    ? "remove the hidden control character (such as a null or escape character). Letters, digits, punctuation, spaces, tabs and line breaks are fine."
                    : "remove the hidden control character (such as a null or escape character). Use letters, digits, spaces and punctuation on one line.";
            }

            if (IsDirectionControl(c))
            {
                return "remove the hidden character that changes the direction of the text: it can make the words read differently to someone else.";
            }

            if (IsInvisibleFormat(c))
            {
                return Hidden(c);
            }
        }

        var text = Clean(value);
        if (text.Length > maxLength)
        {
            return $"at most {maxLength:N0} characters (this has {text.Length:N0}).";
        }

        if (text.Length > 0 && !text.Any(IsVisible))
        {
            return "it has only invisible characters. Write something, or leave it empty.";
        }

        if (kind == TextKind.Name && text.Length > 0)
        {
            if (!text.Any(char.IsLetter))
            {
                return "enter a name with at least one letter.";
            }

            if (MixedAlphabetWord(text) is { } word)
            {
                return $"the word \"{word}\" mixes letters from different alphabets (such as Latin and Cyrillic), so it can look like another name. Type it in one alphabet.";
            }
        }

        return null;
    }

    /// <summary>Whether a character shows something on screen (not a space, a control or an invisible format character).</summary>
    private static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not
            (UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark);

    private static string Hidden(int codePoint) =>
        "remove the hidden formatting character (U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture) + "): it doesn't show on screen.";

    private const int BlackFlag = 0x1F3F4;
    private const int CancelTag = 0xE007F;

    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane: never text.</summary>
    private static bool IsNonCharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>Bidi embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the Arabic letter mark.</summary>
    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u061C';

    /// <summary>
    /// Invisible format characters other than the joiners (U+200C, U+200D: emoji and many scripts), the left-to-right
    /// and right-to-left marks (U+200E, U+200F: right-to-left writing) and the soft hyphen: zero-width space, word
    /// joiner, invisible operators, the byte-order mark, interlinear annotations, tag characters and the like.
    /// </summary>
    private static bool IsInvisibleFormat(int codePoint) =>
        codePoint is not (0x200C or 0x200D or 0x200E or 0x200F or 0x00AD) &&
        CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format;

    /// <summary>The first word that mixes Latin letters with Greek or Cyrillic ones ("Аnna" with a Cyrillic А), or null.</summary>
    private static string? MixedAlphabetWord(string text)
    {
        foreach (var word in text.Split([' ', '\u00A0', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            var alphabets = Alphabet.None;
            foreach (var c in word)
            {
                alphabets |= AlphabetOf(c);
            }

            if (alphabets.HasFlag(Alphabet.Latin) && (alphabets & (Alphabet.Greek | Alphabet.Cyrillic)) != 0)
            {
                return word;
            }
        }

        return null;
    }

    private static Alphabet AlphabetOf(char c) => c switch
    {
        >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' when char.IsLetter(c) => Alphabet.Latin,
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' when char.IsLetter(c) => Alphabet.Greek,
        >= '\u0400' and <= '\u052F' when char.IsLetter(c) => Alphabet.Cyrillic,
        _ => Alphabet.None,
    };

    [Flags]
    private enum Alphabet
    {
        None = 0,
        Latin = 1,
        Greek = 2,
        Cyrillic = 4,
    }
}
