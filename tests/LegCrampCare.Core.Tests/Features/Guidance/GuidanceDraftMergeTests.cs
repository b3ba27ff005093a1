using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;

namespace LegCrampCare.Core.Tests.Features.Guidance;

public sealed class GuidanceDraftMergeTests
{
    private static readonly GuidanceDraft Base = new()
    {
        ArticleId = Guid.NewGuid(),
        ExpectedVersion = 3,
        Title = "Wall calf stretch",
        Slug = "wall-calf-stretch",
        Summary = "A stretch to do before bed.",
        Topic = "Stretches and exercises",
        BodyMarkdown = "Face a wall.\n\nStep back.\n\nHold for 30 seconds.",
        Sources = [new GuidanceSource("NHS", "https://www.nhs.uk/")],
        ReviewIntervalMonths = 12,
    };

    [Fact]
    public void Merge_ChangesInDifferentPlaces_CombinesThemWithNoChoiceToMake()
    {
        var mine = Base with { Title = "Wall stretch", BodyMarkdown = "Face a wall, hands on it.\n\nStep back.\n\nHold for 30 seconds.", ChangeSummary = "Mine." };
        var theirs = Base with { Summary = "Before bed.", BodyMarkdown = "Face a wall.\n\nStep back.\n\nHold for 60 seconds.", Sources = [new GuidanceSource("HSE", "https://www2.hse.ie/")] };

        var merge = GuidanceDraftMerge.Merge(Base, mine, theirs);
        var combined = merge.Compose([], [], theirsVersion: 5);

        Assert.False(merge.HasConflicts);
        Assert.Equal(("Wall stretch", "Before bed.", "Face a wall, hands on it.\n\nStep back.\n\nHold for 60 seconds."), (combined.Title, combined.Summary, combined.BodyMarkdown));
        Assert.Equal([new GuidanceSource("HSE", "https://www2.hse.ie/")], combined.Sources);
        Assert.Equal((5, "Mine."), (combined.ExpectedVersion, combined.ChangeSummary));
    }

    [Fact]
    public void Merge_BothChangedTheTitleDifferently_IsAChoiceAndEachChoiceIsHonoured()
    {
        var mine = Base with { Title = "Calf stretch at the wall", ReviewIntervalMonths = 6 };
        var theirs = Base with { Title = "Wall stretch", ReviewIntervalMonths = 24 };

        var merge = GuidanceDraftMerge.Merge(Base, mine, theirs);

        Assert.Equal(
            [new FieldConflict("Title", "Title", "Calf stretch at the wall", "Wall stretch"), new FieldConflict("ReviewIntervalMonths", "Review every (months)", "6", "24")],
            merge.Fields);
        var keepMineTitle = merge.Compose([true, false], [], 4);
        Assert.Equal(("Calf stretch at the wall", 24), (keepMineTitle.Title, keepMineTitle.ReviewIntervalMonths));
        var keepTheirsTitle = merge.Compose([false, true], [], 4);
        Assert.Equal(("Wall stretch", 6), (keepTheirsTitle.Title, keepTheirsTitle.ReviewIntervalMonths));
    }

    [Fact]
    public void Merge_BothChangedTheSameParagraph_KeepBothLosesNeitherText()
    {
        var mine = Base with { BodyMarkdown = "Face a wall.\n\nStep back.\n\nHold for 45 seconds." };
        var theirs = Base with { BodyMarkdown = "Face a wall.\n\nStep back.\n\nHold for 60 seconds." };

        var merge = GuidanceDraftMerge.Merge(Base, mine, theirs);
        var both = merge.Compose([], [MergeChoice.Both], 4);

        Assert.Equal(1, merge.Body.ConflictCount);
        Assert.Contains("Hold for 45 seconds.", both.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("Hold for 60 seconds.", both.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_SafetyCriticalOnEitherSide_StaysSafetyCritical()
    {
        var merge = GuidanceDraftMerge.Merge(Base, Base, Base with { IsSafetyCritical = true });

        Assert.True(merge.Compose([], [], 4).IsSafetyCritical);
    }

    [Fact]
    public void Compose_WrongNumberOfFieldChoices_Throws()
    {
        var merge = GuidanceDraftMerge.Merge(Base, Base with { Title = "A" }, Base with { Title = "B" });

        Assert.Throws<ArgumentOutOfRangeException>(() => merge.Compose([], [], 4));
    }
}
