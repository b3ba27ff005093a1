using System.Globalization;
using System.Text;

namespace LegCrampCare.Tests.Shared;

/// <summary>
/// Text that no field of LegCrampCare may store (issue 12): every C0 control except tab and line breaks, DEL and every
/// C1 control, every character that changes the direction of text, invisible format characters (zero-width space, word
/// joiner, byte-order mark, tag characters…), text made only of zero-width joiners and marks, broken UTF-16 (lone
/// surrogates), Unicode non-characters, and strings of 100 KB. Each is refused by every text field, whatever its kind
/// (a name, one line, or notes), so one list serves every write path. <see cref="Emails"/> adds addresses that must
/// be refused wherever an email is entered (homoglyphs, lengths beyond RFC 5321, broken shapes).
/// </summary>
public static class HostileStrings
{
    /// <summary>(a short description for the test name, the string).</summary>
    public static IReadOnlyList<(string Label, string Value)> Text { get; } = BuildText();

    public static IReadOnlyList<(string Label, string Value)> Emails { get; } = BuildEmails();

    /// <summary>The labels of <see cref="Text"/>, for a theory (the strings themselves can't all be test-case names).</summary>
    public static TheoryData<string> TextLabels => Labels(Text);

    /// <summary>The labels of <see cref="Emails"/> and <see cref="Text"/>: every one is refused as an email address.</summary>
    public static TheoryData<string> EmailLabels => Labels([.. Emails, .. Text]);

    public static string Value(string label) =>
        Text.Concat(Emails).First(item => item.Label == label).Value;

    private static List<(string, string)> BuildText()
    {
        var list = new List<(string, string)>();
        for (var c = 0; c < 0x20; c++)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            list.Add(($"C0 U+{c:X4}", $"Anna{(char)c}Smith"));
        }

        for (var c = 0x7F; c <= 0x9F; c++)
        {
            list.Add(($"{(c == 0x7F ? "DEL" : "C1")} U+{c:X4}", $"Anna{(char)c}Smith"));
        }

        foreach (var c in new[] { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C })
        {
            list.Add(($"bidi U+{c:X4}", $"Anna {(char)c}htimS annA"));
        }

        foreach (var c in new[] { 0x200B, 0x2060, 0xFEFF, 0x2061, 0x2062, 0x2063, 0x2064, 0x180E, 0xFFF9, 0xFFFA, 0xFFFB, 0xE0001, 0xE0041 })
        {
            list.Add(($"invisible U+{c:X4}", "Anna" + char.ConvertFromUtf32(c) + "Smith"));
        }

        list.Add(("only a zero-width joiner", "\u200D"));
        list.Add(("only joiners", "\u200C\u200D\u200C\u200D"));
        list.Add(("joiners between spaces", "  \u200D \u200D  "));
        list.Add(("joiner and direction marks", "\u200D\u200E\u200F"));

        list.Add(("lone high surrogate", "\uD800"));
        list.Add(("lone low surrogate inside", "Anna\uDC00Smith"));
        list.Add(("high surrogate at the end", "Anna Smith\uD83D"));
        list.Add(("surrogates in the wrong order", "Anna\uDE00\uD83DSmith"));
        list.Add(("two high surrogates", "\uDBFF\uDBFF"));
        list.Add(("replacement character", "Anna\uFFFDSmith"));

        list.Add(("non-character U+FFFE", "Anna\uFFFESmith"));
        list.Add(("non-character U+FFFF", "Anna\uFFFFSmith"));
        list.Add(("non-character U+FDD0", "Anna\uFDD0Smith"));
        list.Add(("non-character U+1FFFE", "Anna" + char.ConvertFromUtf32(0x1FFFE) + "Smith"));

        list.Add(("100 KB of letters", new string('a', 100 * 1024)));
        list.Add(("100 KB of accented letters, decomposed", string.Concat(Enumerable.Repeat("e\u0301", 100 * 1024))));
        list.Add(("100 KB of lines", string.Concat(Enumerable.Repeat("a\n", 50 * 1024))));
        list.Add(("100 KB of emoji", string.Concat(Enumerable.Repeat("\U0001F630", 50 * 1024))));
        list.Add(("100 KB of combining marks", "a" + new string('\u0301', 100 * 1024)));
        return list;
    }

    private static List<(string, string)> BuildEmails()
    {
        var longLocal = new string('a', 65);
        return
        [
            ("20,007 characters", new string('a', 20_000) + "@ex.org"),
            ("local part of 65", longLocal + "@example.org"),
            ("over 254 characters", new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".bbbbbbbb.org"),
            ("domain label of 64", "anna@" + new string('b', 64) + ".org"),
            ("Cyrillic a", "\u0430nna@example.org"),
            ("Cyrillic o in the domain", "anna@exampl\u0435.\u043Erg"),
            ("Greek omicron", "ann\u03BF@example.org"),
            ("fullwidth at sign", "anna\uFF20example.org"),
            ("fullwidth letters", "\uFF41nna@example.org"),
            ("accented domain", "anna@exämple.org"),
            ("zero-width space", "an\u200Bna@example.org"),
            ("zero-width joiner", "anna\u200D@example.org"),
            ("right-to-left override", "anna@\u202Egro.elpmaxe"),
            ("NUL at the end", "anna@example.org\0"),
            ("line break and header", "anna@example.org\r\nBcc: all@example.org"),
            ("space inside", "an na@example.org"),
            ("no at sign", "anna.example.org"),
            ("two at signs", "anna@smith@example.org"),
            ("nothing before the at", "@example.org"),
            ("nothing after the at", "anna@"),
            ("no dot in the domain", "anna@localhost"),
            ("leading dot", ".anna@example.org"),
            ("two dots together", "an..na@example.org"),
            ("trailing dot", "anna.@example.org"),
            ("domain label starts with a hyphen", "anna@-example.org"),
            ("numeric top-level domain", "anna@10.0.0.1"),
            ("address literal", "anna@[127.0.0.1]"),
            ("quoted local part", "\"anna smith\"@example.org"),
            ("display name", "Anna <anna@example.org>"),
            ("only spaces", "   "),
        ];
    }

    private static TheoryData<string> Labels(IEnumerable<(string Label, string Value)> items)
    {
        var data = new TheoryData<string>();
        foreach (var (label, _) in items)
        {
            data.Add(label);
        }

        return data;
    }

    /// <summary>How a test names a string in its failure message without printing 100 KB or control characters.</summary>
    public static string Describe(string value)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Take(40))
        {
            shown.Append(c is >= ' ' and < '\u007F' ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return value.Length > 40 ? $"{shown}… ({value.Length:N0} chars)" : shown.ToString();
    }
}
