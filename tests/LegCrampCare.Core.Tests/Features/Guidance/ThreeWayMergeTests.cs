using FsCheck.Xunit;
using LegCrampCare.Core.Features.Guidance;
using static LegCrampCare.Core.Features.Guidance.MergeChoice;

namespace LegCrampCare.Core.Tests.Features.Guidance;

/// <summary>Merging two editors' changes to the same revision: examples, then properties over generated edits.</summary>
public sealed class ThreeWayMergeTests
{
    private const int Cases = 1000;

    private const string Base = "# Night cramps\n\nStretch your calves before bed.\n\nDrink water during the day.\n\nSee a doctor if it keeps happening.\n";

    // ---- examples ----

    [Fact]
    public void Merge_TheirsUnchanged_ComposesToMineWithoutConflicts()
    {
        var mine = Base.Replace("Drink water", "Drink fluids", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, Base);

        Assert.False(result.HasConflicts);
        Assert.Equal(0, result.ConflictCount);
        Assert.Equal(mine, result.Compose([]));
    }

    [Fact]
    public void Merge_MineUnchanged_ComposesToTheirs()
    {
        var theirs = Base.Replace("# Night cramps\n\n", "", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, Base, theirs);

        Assert.False(result.HasConflicts);
        Assert.Equal(theirs, result.Compose([]));
    }

    [Fact]
    public void Merge_BothMadeTheSameChange_TakenOnce()
    {
        var both = Base.Replace("before bed", "before you go to bed", StringComparison.Ordinal) + "\nReviewed 2025.\n";

        var result = ThreeWayMerge.Merge(Base, both, both);

        Assert.False(result.HasConflicts);
        Assert.Equal(both, result.Compose([]));
    }

    [Fact]
    public void Merge_DifferentParagraphsChanged_BothChangesKept()
    {
        var mine = Base.Replace("Stretch your calves", "Gently stretch your calves", StringComparison.Ordinal);
        var theirs = Base.Replace("See a doctor", "Call your GP", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        Assert.False(result.HasConflicts);
        Assert.Equal(
            "# Night cramps\n\nGently stretch your calves before bed.\n\nDrink water during the day.\n\nCall your GP if it keeps happening.\n",
            result.Compose([]));
        Assert.Equal([new MergeChunk(false, result.Compose([]), "", "")], result.Chunks);
    }

    [Fact]
    public void Merge_SameLineChangedDifferently_OneConflictWithBothVersions()
    {
        var mine = Base.Replace("Drink water", "Drink fluids", StringComparison.Ordinal);
        var theirs = Base.Replace("Drink water", "Sip water", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        Assert.Equal(1, result.ConflictCount);
        Assert.Equal(
            [
                new MergeChunk(false, "# Night cramps\n\nStretch your calves before bed.\n\n", "", ""),
                new MergeChunk(true, "", "Drink fluids during the day.\n", "Sip water during the day.\n"),
                new MergeChunk(false, "\nSee a doctor if it keeps happening.\n", "", ""),
            ],
            result.Chunks);
        Assert.Equal(mine, result.Compose([Mine]));
        Assert.Equal(theirs, result.Compose([Theirs]));
        Assert.Equal(
            "# Night cramps\n\nStretch your calves before bed.\n\nDrink fluids during the day.\nSip water during the day.\n\nSee a doctor if it keeps happening.\n",
            result.Compose([Both]));
    }

    [Fact]
    public void Merge_TwoConflicts_EachResolvedByItsOwnChoice()
    {
        var mine = Base.Replace("Stretch your", "Stretch both", StringComparison.Ordinal).Replace("See a", "Ask a", StringComparison.Ordinal);
        var theirs = Base.Replace("Stretch your", "Stretch the", StringComparison.Ordinal).Replace("See a", "Phone a", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        Assert.Equal(2, result.ConflictCount);
        Assert.Equal(
            "# Night cramps\n\nStretch both calves before bed.\n\nDrink water during the day.\n\nPhone a doctor if it keeps happening.\n",
            result.Compose([Mine, Theirs]));
    }

    [Fact]
    public void Merge_BothInsertedDifferentLinesAtTheSameSpot_ConflictBothKeepsMineThenTheirs()
    {
        var mine = Base.Replace("\n\nDrink", "\n\nRaise your foot.\n\nDrink", StringComparison.Ordinal);
        var theirs = Base.Replace("\n\nDrink", "\n\nWalk around.\n\nDrink", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        var conflict = Assert.Single(result.Chunks, c => c.IsConflict);
        Assert.Equal(("Raise your foot.\n", "Walk around.\n"), (conflict.Mine, conflict.Theirs));
        Assert.Equal(
            "# Night cramps\n\nStretch your calves before bed.\n\nRaise your foot.\nWalk around.\n\nDrink water during the day.\n\nSee a doctor if it keeps happening.\n",
            result.Compose([Both]));
        Assert.Equal(mine, result.Compose([Mine]));
    }

    [Fact]
    public void Merge_BothInsertedTheSameLineAtTheSameSpot_KeptOnce()
    {
        var both = Base.Replace("\n\nDrink", "\n\nRaise your foot.\n\nDrink", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, both, both);

        Assert.False(result.HasConflicts);
        Assert.Equal(both, result.Compose([]));
    }

    [Fact]
    public void Merge_OneDeletedAParagraphTheOtherEditedIt_ConflictWithAnEmptySide()
    {
        var mine = Base.Replace("Drink water during the day.\n\n", "", StringComparison.Ordinal);
        var theirs = Base.Replace("Drink water", "Drink more water", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(Base, mine, theirs);

        var conflict = Assert.Single(result.Chunks, c => c.IsConflict);
        Assert.Equal("", conflict.Mine);
        Assert.StartsWith("Drink more water during the day.\n", conflict.Theirs, StringComparison.Ordinal);
        Assert.Equal(mine, result.Compose([Mine]));
        Assert.Equal(theirs, result.Compose([Theirs]));
    }

    [Fact]
    public void Merge_BothRewroteAStretchAlike_ConflictNarrowedToTheLinesThatDiffer()
    {
        const string @base = "a\nb\nc\n";

        var result = ThreeWayMerge.Merge(@base, "x\nmine\ny\n", "x\ntheirs\ny\n");

        Assert.Equal(
            [new MergeChunk(false, "x\n", "", ""), new MergeChunk(true, "", "mine\n", "theirs\n"), new MergeChunk(false, "y\n", "", "")],
            result.Chunks);
    }

    [Fact]
    public void Merge_BothAppendedToATextWithoutFinalLineEnd_BothPutsALineEndBetween()
    {
        var result = ThreeWayMerge.Merge("Rest.", "Rest.\nStretch.", "Rest.\nDrink water.");

        Assert.Equal([new MergeChunk(false, "Rest.\n", "", ""), new MergeChunk(true, "", "Stretch.", "Drink water.")], result.Chunks);
        Assert.Equal("Rest.\nStretch.\nDrink water.", result.Compose([Both]));
    }

    [Fact]
    public void Merge_MineAddedFinalLineEndTheirsEditedFirstLine_BothKept()
    {
        var result = ThreeWayMerge.Merge("Rest.\nStretch.\nDrink.", "Rest.\nStretch.\nDrink.\n", "Rest now.\nStretch.\nDrink.");

        Assert.False(result.HasConflicts);
        Assert.Equal("Rest now.\nStretch.\nDrink.\n", result.Compose([]));
    }

    [Fact]
    public void Merge_WindowsLineEnds_MergedAsUnixLineEnds()
    {
        var result = ThreeWayMerge.Merge("a\r\nb\r\nc\r\n", "A\r\nb\r\nc\r\n", "a\nb\nC\n");

        Assert.Equal("A\nb\nC\n", result.Compose([]));
    }

    [Fact]
    public void Merge_EmptyBaseBothWroteSomething_OneConflict()
    {
        var result = ThreeWayMerge.Merge("", "Mine.\n", "Theirs.\n");

        Assert.Equal([new MergeChunk(true, "", "Mine.\n", "Theirs.\n")], result.Chunks);
    }

    [Fact]
    public void Merge_AllEmpty_NoChunks()
    {
        var result = ThreeWayMerge.Merge("", "", "");

        Assert.Empty(result.Chunks);
        Assert.Equal("", result.Compose([]));
    }

    [Fact]
    public void Compose_WrongNumberOfChoices_Throws()
    {
        var oneConflict = ThreeWayMerge.Merge("a\n", "b\n", "c\n");
        var noConflict = ThreeWayMerge.Merge("a\n", "b\n", "a\n");

        Assert.Throws<ArgumentException>(() => oneConflict.Compose([]));
        Assert.Throws<ArgumentException>(() => oneConflict.Compose([Mine, Mine]));
        Assert.Throws<ArgumentException>(() => noConflict.Compose([Theirs]));
    }

    [Fact]
    public void Compose_UndefinedChoice_Throws() =>
        Assert.Throws<ArgumentException>(() => ThreeWayMerge.Merge("a\n", "b\n", "c\n").Compose([(MergeChoice)7]));

    [Fact]
    public void Merge_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ThreeWayMerge.Merge(null!, "", ""));
        Assert.Throws<ArgumentNullException>(() => ThreeWayMerge.Merge("", null!, ""));
        Assert.Throws<ArgumentNullException>(() => ThreeWayMerge.Merge("", "", null!));
    }

    [Fact]
    public void Merge_100000CharacterArticleEditedOnBothSides_IsClean()
    {
        var lines = Enumerable.Range(0, 4000).Select(i => $"Paragraph {i}: stretch the calf and drink water.").ToArray();
        var @base = string.Join('\n', lines) + "\n";
        var mine = @base.Replace("Paragraph 10:", "Paragraph ten:", StringComparison.Ordinal).Replace("Paragraph 2000:", "P 2000:", StringComparison.Ordinal);
        var theirs = @base.Replace("Paragraph 1000:", "Paragraph 1,000:", StringComparison.Ordinal).Replace("Paragraph 3999:", "Last:", StringComparison.Ordinal);
        var expected = mine.Replace("Paragraph 1000:", "Paragraph 1,000:", StringComparison.Ordinal).Replace("Paragraph 3999:", "Last:", StringComparison.Ordinal);

        var result = ThreeWayMerge.Merge(@base, mine, theirs);

        Assert.Equal(expected, result.Compose([]));
    }

    // ---- properties ----

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Merge_TheirsIsBase_NoConflictComposesToMine(MergeInput input)
    {
        var result = ThreeWayMerge.Merge(input.Base, input.Mine, input.Base);

        Assert.False(result.HasConflicts);
        Assert.Equal(input.Mine, result.Compose([]));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Merge_MineIsBase_NoConflictComposesToTheirs(MergeInput input)
    {
        var result = ThreeWayMerge.Merge(input.Base, input.Base, input.Theirs);

        Assert.False(result.HasConflicts);
        Assert.Equal(input.Theirs, result.Compose([]));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Merge_BothMadeTheSameEdit_NoConflictComposesToIt(MergeInput input)
    {
        var result = ThreeWayMerge.Merge(input.Base, input.Mine, input.Mine);

        Assert.False(result.HasConflicts);
        Assert.Equal(input.Mine, result.Compose([]));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Merge_AnyEdits_ChunksAlternateAndConflictsDiffer(MergeInput input)
    {
        var chunks = ThreeWayMerge.Merge(input.Base, input.Mine, input.Theirs).Chunks;

        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            if (chunk.IsConflict)
            {
                Assert.Equal("", chunk.Text);
                Assert.NotEqual(chunk.Mine, chunk.Theirs);
            }
            else
            {
                Assert.NotEqual("", chunk.Text);
                Assert.Equal(("", ""), (chunk.Mine, chunk.Theirs));
                Assert.False(i > 0 && !chunks[i - 1].IsConflict, "two agreed chunks in a row");
            }
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Merge_SidesSwapped_SameConflictsWithMineAndTheirsSwapped(MergeInput input)
    {
        var result = ThreeWayMerge.Merge(input.Base, input.Mine, input.Theirs);
        var swapped = ThreeWayMerge.Merge(input.Base, input.Theirs, input.Mine);

        Assert.Equal(result.ConflictCount, swapped.ConflictCount);
        Assert.Equal(
            result.Compose(Enumerable.Repeat(Mine, result.ConflictCount).ToArray()),
            swapped.Compose(Enumerable.Repeat(Theirs, swapped.ConflictCount).ToArray()));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Merge_AnyChoices_EveryLineComesFromMineOrTheirs(MergeInput input)
    {
        var result = ThreeWayMerge.Merge(input.Base, input.Mine, input.Theirs);
        var written = input.Mine.Split('\n').Concat(input.Theirs.Split('\n')).ToHashSet();

        foreach (var choice in new[] { Mine, Theirs, Both })
        {
            var merged = result.Compose(Enumerable.Repeat(choice, result.ConflictCount).ToArray());
            Assert.All(merged.Split('\n'), line => Assert.Contains(line, written));
        }
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(DiffTextArbitraries)])]
    public void Merge_EditsOnEitherSideOfAnUntouchedLine_CleanAndContainsBoth(SeparatedEdits edits)
    {
        static string Text(string[] above, string[] below) => string.Concat(above.Concat(["ANCHOR"]).Concat(below).Select(l => l + "\n"));

        var result = ThreeWayMerge.Merge(
            Text(edits.Top, edits.Bottom), Text(edits.MineTop, edits.Bottom), Text(edits.Top, edits.TheirsBottom));

        Assert.False(result.HasConflicts);
        Assert.Equal(Text(edits.MineTop, edits.TheirsBottom), result.Compose([]));
    }
}
