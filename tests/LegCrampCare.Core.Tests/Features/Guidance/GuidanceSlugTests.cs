using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;

namespace LegCrampCare.Core.Tests.Features.Guidance;

public sealed class GuidanceSlugTests
{
    [Theory]
    [InlineData("Wall calf stretch", "wall-calf-stretch")]
    [InlineData("Sleep position (left side)", "sleep-position-left-side")]
    [InlineData("  Crème brûlée & café  ", "creme-brulee-cafe")]
    [InlineData("When to get help!", "when-to-get-help")]
    [InlineData("Ωμέγα only", "only")]
    [InlineData("", "")]
    public void From_Title_GivesAValidWebAddress(string title, string expected)
    {
        var slug = GuidanceSlug.From(title);

        Assert.Equal(expected, slug);
        Assert.True(slug.Length == 0 || GuidanceDraftValidator.SlugPattern().IsMatch(slug));
    }

    [Fact]
    public void From_VeryLongTitle_IsCutToTheLimitWithoutATrailingHyphen()
    {
        var slug = GuidanceSlug.From(string.Join(' ', Enumerable.Repeat("stretch", 40)));

        Assert.True(slug.Length <= GuidanceDraftValidator.MaxSlug);
        Assert.Matches(GuidanceDraftValidator.SlugPattern(), slug);
    }

    [Fact]
    public void HasSameContent_IgnoresVersionAndChangeNoteButNotSourcesOrLineEndings()
    {
        var a = new GuidanceDraft { Title = "T", BodyMarkdown = "a\r\nb", Sources = [new GuidanceSource("NHS", "https://www.nhs.uk/")], ExpectedVersion = 1, ChangeSummary = "x" };
        var b = a with { BodyMarkdown = "a\nb", Sources = [new GuidanceSource("NHS", "https://www.nhs.uk/")], ExpectedVersion = 5, ChangeSummary = "y" };

        Assert.True(a.HasSameContent(b));
        Assert.False(a.HasSameContent(b with { Sources = [new GuidanceSource("NHS", "https://www.nhs.uk/conditions/")] }));
        Assert.False(a.HasSameContent(b with { Title = "T2" }));
    }

    [Fact]
    public void Preview_ADraft_ReadsAsAwaitingApprovalDatedToday()
    {
        var draft = new GuidanceDraft { Title = "T", Summary = "S", Topic = "During a cramp", BodyMarkdown = "Text", ReviewIntervalMonths = 6, Sources = [new GuidanceSource("NHS", "https://www.nhs.uk/")] };

        var view = GuidanceService.Preview(draft, new DateOnly(2026, 11, 26));

        Assert.True(view.AwaitingApproval);
        Assert.Null(view.ApprovedByName);
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2027, 5, 26)), (view.LastReviewedOn, view.NextReviewDue));
        Assert.Equal("T", view.Title);
        Assert.Single(view.Sources);
    }
}
