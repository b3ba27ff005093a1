using FsCheck;
using FsCheck.Fluent;

namespace LegCrampCare.Core.Tests.Features.Guidance;

/// <summary>Two versions of a text, shown escaped so that a failing case can be read.</summary>
public sealed record TextPair(string Old, string New)
{
    public override string ToString() => $"old \"{DiffTextGenerators.Escape(Old)}\", new \"{DiffTextGenerators.Escape(New)}\"";
}

/// <summary>The three texts of a merge.</summary>
public sealed record MergeInput(string Base, string Mine, string Theirs)
{
    public override string ToString() =>
        $"base \"{DiffTextGenerators.Escape(Base)}\", mine \"{DiffTextGenerators.Escape(Mine)}\", theirs \"{DiffTextGenerators.Escape(Theirs)}\"";
}

/// <summary>
/// A base of unique lines, ANCHOR, unique lines; mine edited only above the anchor, theirs only below, neither writing a base line.
/// </summary>
public sealed record SeparatedEdits(string[] Top, string[] MineTop, string[] Bottom, string[] TheirsBottom)
{
    public override string ToString() =>
        $"top [{string.Join(" | ", Top)}] → mine [{string.Join(" | ", MineTop)}]; bottom [{string.Join(" | ", Bottom)}] → theirs [{string.Join(" | ", TheirsBottom)}]";
}

/// <summary>Two sequences of ids from a small alphabet and a work budget (from none to plenty).</summary>
public sealed record IdSequences(int[] Old, int[] New, long Budget)
{
    public override string ToString() => $"[{string.Join(",", Old)}] → [{string.Join(",", New)}], budget {Budget}";
}

/// <summary>
/// Short Markdown-like articles built from a small vocabulary and a small pool of lines, so that words and whole lines repeat
/// and the diff has choices to make: empty lines, headings, list items, punctuation, an apostrophe, accents (composed and
/// combining), double spaces and tabs, leading indentation, \n or \r\n line ends, with or without a final line end. A second
/// version is either unrelated or an edit of the first (lines kept, deleted, replaced, reworded by a word, inserted).
/// </summary>
public static class DiffTextGenerators
{
    private static readonly string[] Vocabulary =
    [
        "drink", "water", "fluids", "rest", "the", "calf", "calves", "stretch", "at", "night", "cramp", "pain", "don't", "**Tip:**",
        "-", "1.", "(see", "below).", "café", "cafe\u0301", "well-being", "!", "111", "water.", "pain,",
    ];

    private static readonly string[] Spaces = [" ", " ", " ", " ", " ", "  ", "\t"];

    private static readonly string[] LinePool = ["", "", "## When to get help", "Drink water before bed.", "- Stretch your calves.", "Rest."];

    public static Gen<string> Word { get; } = Gen.Elements(Vocabulary);

    public static Gen<string> Line { get; } = Gen.Frequency(
        (2, Gen.Elements(LinePool)),
        (3, from count in Gen.Choose(0, 6)
            from words in Word.ArrayOf(count)
            from spaces in Gen.Elements(Spaces).ArrayOf(count)
            from indent in Gen.Elements("", "", "", "", "  ")
            from trailingSpace in Gen.Elements(false, false, false, true)
            select indent + JoinWords(words, spaces, trailingSpace)));

    public static Gen<string[]> Lines { get; } = from count in Gen.Choose(0, 7) from lines in Line.ArrayOf(count) select lines;

    /// <summary>A text from lines (none gives the empty text).</summary>
    public static Gen<string> Text { get; } =
        from lines in Lines
        from newline in Gen.Elements("\n", "\n", "\n", "\r\n")
        from finalNewline in Gen.Elements(false, false, true)
        select Join(lines, newline, finalNewline);

    /// <summary>An edit of some lines: each kept (most often), deleted, replaced, reworded or followed by an inserted line.</summary>
    public static Gen<string[]> Edit(string[] lines) =>
        from first in Gen.Choose(0, 9)
        from inserted in Line
        from ops in (from op in Gen.Choose(0, 99)
                     from line in Line
                     from word in Word
                     from at in Gen.Choose(0, 12)
                     select (op, line, word, at)).ArrayOf(lines.Length)
        select Apply(lines, first == 0 ? inserted : null, ops);

    public static Gen<TextPair> Pairs { get; } = Gen.Frequency(
        (1, from old in Text from @new in Text select new TextPair(old, @new)),
        (3, from lines in Lines
            from edited in Edit(lines)
            from newline in Gen.Elements("\n", "\n", "\r\n")
            from finalOld in Gen.Elements(false, false, true)
            from finalNew in Gen.Frequency((4, Gen.Constant((bool?)null)), (1, Gen.Elements<bool?>(false, true)))
            select new TextPair(Join(lines, newline, finalOld), Join(edited, newline, finalNew ?? finalOld))));

    /// <summary>A base and two independent edits of it (sometimes no edit, sometimes the same edit).</summary>
    public static Gen<MergeInput> Merges { get; } =
        from lines in Lines
        from mine in Edit(lines)
        from theirs in Edit(lines)
        from same in Gen.Choose(0, 9)
        from finalNewline in Gen.Elements(false, false, true)
        from finalMine in Gen.Frequency((6, Gen.Constant(finalNewline)), (1, Gen.Elements(false, true)))
        from finalTheirs in Gen.Frequency((6, Gen.Constant(finalNewline)), (1, Gen.Elements(false, true)))
        select new MergeInput(
            Join(lines, "\n", finalNewline),
            Join(mine, "\n", finalMine),
            same == 0 ? Join(mine, "\n", finalMine) : Join(theirs, "\n", finalTheirs));

    /// <summary>
    /// Lines numbered so that no two are equal, and an edit of them: a line written by the edit (a pool line, a random line, a
    /// reworded line) never equals a base line, so the kept lines are the only common ones.
    /// </summary>
    public static Gen<(string[] Base, string[] Edited)> NumberedEdit(string prefix) =>
        from lines in Lines
        from edited in Edit(Number(lines, prefix))
        select (Number(lines, prefix), edited);

    public static Gen<SeparatedEdits> Separated { get; } =
        from top in NumberedEdit("top")
        from bottom in NumberedEdit("bottom")
        select new SeparatedEdits(top.Base, top.Edited, bottom.Base, bottom.Edited);

    public static Gen<IdSequences> Ids { get; } =
        from alphabet in Gen.Choose(1, 6)
        from oldLength in Gen.Choose(0, 30)
        from newLength in Gen.Choose(0, 30)
        from old in Gen.Choose(0, alphabet - 1).ArrayOf(oldLength)
        from @new in Gen.Choose(0, alphabet - 1).ArrayOf(newLength)
        from budget in Gen.Frequency((1, Gen.Choose(0, 60).Select(b => (long)b)), (3, Gen.Constant(long.MaxValue / 2)))
        select new IdSequences(old, @new, budget);

    private static string[] Number(string[] lines, string prefix) => lines.Select((line, i) => $"{prefix}{i}: {line}").ToArray();

    public static string Join(string[] lines, string newline, bool finalNewline) =>
        lines.Length == 0 ? "" : string.Join(newline, lines) + (finalNewline ? newline : "");

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static string JoinWords(string[] words, string[] spaces, bool trailingSpace)
    {
        var text = "";
        for (var i = 0; i < words.Length; i++)
        {
            text += words[i] + (i < words.Length - 1 || trailingSpace ? spaces[i] : "");
        }

        return text;
    }

    private static string[] Apply(string[] lines, string? insertedFirst, (int Op, string Line, string Word, int At)[] ops)
    {
        var edited = new List<string>();
        if (insertedFirst is not null)
        {
            edited.Add(insertedFirst);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var (op, line, word, at) = ops[i];
            switch (op)
            {
                case < 55:
                    edited.Add(lines[i]);
                    break;
                case < 65:
                    break; // deleted
                case < 72:
                    edited.Add(line); // replaced
                    break;
                case < 88:
                    edited.Add(Reword(lines[i], word, at));
                    break;
                default:
                    edited.Add(lines[i]);
                    edited.Add(line); // inserted after
                    break;
            }
        }

        return [.. edited];
    }

    /// <summary>One word of the line replaced (odd <paramref name="at"/>) or inserted (even).</summary>
    private static string Reword(string line, string word, int at)
    {
        var words = line.Split(' ').ToList();
        var index = at / 2 % (words.Count + 1);
        if (at % 2 == 0 || index == words.Count)
        {
            words.Insert(index, word);
        }
        else
        {
            words[index] = word;
        }

        return string.Join(' ', words);
    }
}

/// <summary>The generators above as FsCheck arbitraries.</summary>
public static class DiffTextArbitraries
{
    public static Arbitrary<TextPair> TextPairs() => Arb.From(DiffTextGenerators.Pairs);

    public static Arbitrary<MergeInput> MergeInputs() => Arb.From(DiffTextGenerators.Merges);

    public static Arbitrary<SeparatedEdits> SeparatedEdits() => Arb.From(DiffTextGenerators.Separated);

    public static Arbitrary<IdSequences> IdSequences() => Arb.From(DiffTextGenerators.Ids);
}
