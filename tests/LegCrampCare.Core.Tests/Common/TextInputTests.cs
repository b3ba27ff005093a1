using System.Text;
using LegCrampCare.Core.Common;
using LegCrampCare.Tests.Shared;

namespace LegCrampCare.Core.Tests.Common;

public sealed class TextInputTests
{
    public static TheoryData<TextKind> Kinds => [TextKind.Name, TextKind.SingleLine, TextKind.MultiLine];

    [Fact]
    public void Corpus_HasAtLeastOneHundredStrings() => Assert.True(HostileStrings.Text.Count >= 100, $"{HostileStrings.Text.Count} strings");

    [Theory]
    [MemberData(nameof(HostileStrings.TextLabels), MemberType = typeof(HostileStrings))]
    public void Problem_HostileString_IsRefusedForEveryKind(string label)
    {
        var value = HostileStrings.Value(label);
        foreach (var kind in new[] { TextKind.Name, TextKind.SingleLine, TextKind.MultiLine })
        {
            // The longest field (guidance text) allows 100,000 characters.
            Assert.True(TextInput.Problem(value, 100_000, kind) is { Length: > 0 }, $"{kind} accepted {HostileStrings.Describe(value)}");
        }
    }

    [Theory]
    [MemberData(nameof(HostileStrings.TextLabels), MemberType = typeof(HostileStrings))]
    public void CleanAndIsBlank_HostileString_DoNotThrow(string label)
    {
        var value = HostileStrings.Value(label);

        Assert.NotNull(TextInput.Clean(value));
        _ = TextInput.IsBlank(value);
        _ = TextInput.CleanOrNull(value);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Problem_OrdinaryText_IsFine(TextKind kind)
    {
        Assert.Null(TextInput.Problem("Zoë O'Brien-Łukasz", 100, kind));
        Assert.Null(TextInput.Problem("Дарья Иванова", 100, kind));
        Assert.Null(TextInput.Problem("فاطمة الزهراء", 100, kind));
        Assert.Null(TextInput.Problem("张伟", 100, kind));
        Assert.Null(TextInput.Problem("<script>alert(1)</script> & \"quotes\"", 100, kind == TextKind.Name ? TextKind.SingleLine : kind));
    }

    [Fact]
    public void Problem_EmojiFamilyWithJoiners_IsFineInNotes() =>
        Assert.Null(TextInput.Problem("Slept badly 👩‍👩‍👧 woke twice", 2000, TextKind.MultiLine));

    [Fact]
    public void Problem_WalesFlagEmoji_IsFineInNotes_ButTagsOutsideAFlagAreNot()
    {
        const string wales = "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F";
        Assert.Null(TextInput.Problem("Back home " + wales + " tonight", 2000, TextKind.MultiLine));
        Assert.NotNull(TextInput.Problem("Back home \U000E0067\U000E0062 tonight", 2000, TextKind.MultiLine));
        Assert.NotNull(TextInput.Problem(wales + "\U000E0067", 2000, TextKind.MultiLine));
    }

    [Fact]
    public void Problem_PersianWithNonJoiner_IsFineInAName() =>
        Assert.Null(TextInput.Problem("می‌خواهم", 100, TextKind.Name));

    [Fact]
    public void Problem_LineBreaksAndTabs_AllowedOnlyInMultiLineText()
    {
        Assert.Null(TextInput.Problem("Woke at 3.\r\n\tStretched.", 2000, TextKind.MultiLine));
        Assert.Equal("keep it to one line, without tabs or line breaks.", TextInput.Problem("Anna\nSmith", 100, TextKind.Name));
        Assert.Equal("keep it to one line, without tabs or line breaks.", TextInput.Problem("Title\tone", 100, TextKind.SingleLine));
    }

    [Fact]
    public void Problem_ControlCharacter_SaysWhatIsAllowed()
    {
        Assert.Equal("remove the hidden control character (such as a null or escape character). Use letters, digits, spaces and punctuation on one line.",
            TextInput.Problem("Anna\0", 100, TextKind.Name));
        Assert.Equal("remove the hidden control character (such as a null or escape character). Letters, digits, punctuation, spaces, tabs and line breaks are fine.",
            TextInput.Problem("Anna\u001B[31m", 2000, TextKind.MultiLine));
    }

    [Fact]
    public void Problem_DirectionOverride_SaysWhy() =>
        Assert.Equal("remove the hidden character that changes the direction of the text: it can make the words read differently to someone else.",
            TextInput.Problem("invoice\u202Efdp.exe", 100, TextKind.SingleLine));

    [Fact]
    public void Problem_ZeroWidthSpace_NamesTheCharacter() =>
        Assert.Equal("remove the hidden formatting character (U+200B): it doesn't show on screen.", TextInput.Problem("An\u200Bna", 100, TextKind.Name));

    [Fact]
    public void Problem_BrokenSurrogate_AsksToTypeAgain() =>
        Assert.StartsWith("it contains a broken character", TextInput.Problem("Anna\uD800", 100, TextKind.Name), StringComparison.Ordinal);

    [Fact]
    public void Problem_LengthCountedAfterNormalising_AndNamesBothNumbers()
    {
        // 100 decomposed "é" (200 UTF-16 units) are 100 characters in NFC.
        var decomposed = string.Concat(Enumerable.Repeat("e\u0301", 100));
        Assert.Null(TextInput.Problem(decomposed, 100, TextKind.SingleLine));
        Assert.Equal("at most 100 characters (this has 101).", TextInput.Problem(new string('a', 101), 100, TextKind.SingleLine));
    }

    [Fact]
    public void Problem_SpacesAroundDoNotCount() => Assert.Null(TextInput.Problem("  " + new string('a', 100) + "  ", 100, TextKind.SingleLine));

    [Theory]
    [InlineData("1234")]
    [InlineData("!!! ???")]
    [InlineData("\u0301\u0301")]
    public void Problem_NameWithoutALetter_IsRefused(string name) =>
        Assert.True(TextInput.Problem(name, 100, TextKind.Name) is "enter a name with at least one letter." or "it has only invisible characters. Write something, or leave it empty.");

    [Theory]
    [InlineData("\u0410nna Smith", "\u0410nna")] // Cyrillic А
    [InlineData("Anna Sm\u0456th", "Sm\u0456th")] // Cyrillic і
    [InlineData("Midwif\u0435 Jones", "Midwif\u0435")] // Cyrillic е
    [InlineData("J\u03BFnes", "J\u03BFnes")] // Greek ο
    public void Problem_NameMixingLatinWithLookAlikes_IsRefusedNamingTheWord(string name, string word) =>
        Assert.Equal($"the word \"{word}\" mixes letters from different alphabets (such as Latin and Cyrillic), so it can look like another name. Type it in one alphabet.",
            TextInput.Problem(name, 100, TextKind.Name));

    [Fact]
    public void Problem_MixedAlphabetsInNotes_AreFine() => Assert.Null(TextInput.Problem("Anna writes Дарья", 2000, TextKind.MultiLine));

    [Fact]
    public void Clean_TrimsNormalisesAndUnifiesLineBreaks()
    {
        var cleaned = TextInput.Clean("  Zoe\u0308\r\nline two\rline three  ");

        Assert.Equal("Zoë\nline two\nline three", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200D")]
    public void CleanOrNull_NothingVisible_IsNull(string? value) => Assert.Null(TextInput.CleanOrNull(value));

    [Fact]
    public void Clean_BrokenUtf16_DoesNotThrow() => Assert.Equal("a\uD800", TextInput.Clean(" a\uD800 "));
}
