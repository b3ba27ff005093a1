using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;

namespace LegCrampCare.Core.Tests.Features.Guidance;

public sealed class GuidanceDraftValidatorTests
{
    private static GuidanceDraft Valid() => new()
    {
        Title = "Wall calf stretch",
        Slug = "wall-calf-stretch",
        Summary = "A stretch to do before bed.",
        Topic = "Stretches and exercises",
        BodyMarkdown = "## Steps\n\n1. Face a wall.",
        Sources = [new GuidanceSource("NHS: Leg cramps", "https://www.nhs.uk/conditions/leg-cramps/")],
        ReviewIntervalMonths = 12,
        ChangeSummary = "First version.",
    };

    private static List<string> Errors(GuidanceDraft draft) =>
        new GuidanceDraftValidator().Validate(draft).Errors.Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void Valid_HasNoErrors() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData("wall calf stretch")]
    [InlineData("Wall-Calf")]
    [InlineData("wall--calf")]
    [InlineData("-wall")]
    [InlineData("wall-")]
    [InlineData("café")]
    [InlineData("wаll")] // Cyrillic а: looks the same, is not
    [InlineData("wall/calf")]
    [InlineData("")]
    public void Slug_NotPlainLowerCaseWithHyphens_IsRefusedNamingWhatIsAllowed(string slug)
    {
        var errors = Errors(Valid() with { Slug = slug });

        Assert.Contains(errors, e => e.StartsWith("Web address:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Title_Empty_IsRefused(string title) =>
        Assert.Contains("Title: enter a title.", Errors(Valid() with { Title = title }));

    [Fact]
    public void Body_200Kilobytes_IsRefused() =>
        Assert.Contains("Text: at most 100,000 characters (this has 204,800).", Errors(Valid() with { BodyMarkdown = new string('a', 200 * 1024) }));

    [Theory]
    [InlineData("")]
    [InlineData("www.nhs.uk")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    public void Source_WithoutAWebAddress_IsRefused(string url) =>
        Assert.Contains("Sources: each source needs a web address starting with https:// or http://.",
            Errors(Valid() with { Sources = [new GuidanceSource("NHS", url)] }));

    [Fact]
    public void Sources_None_IsRefused() =>
        Assert.Contains("Sources: add at least one source with its web address.", Errors(Valid() with { Sources = [] }));

    [Fact]
    public void Topic_Unknown_IsRefusedListingTheTopics() =>
        Assert.Contains(Errors(Valid() with { Topic = "Gossip" }), e => e.StartsWith("Topic: choose one of During a cramp", StringComparison.Ordinal));

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public void ReviewInterval_OutsideOneToThirtySixMonths_IsRefused(int months) =>
        Assert.Contains("Review every: 1 to 36 months.", Errors(Valid() with { ReviewIntervalMonths = months }));

    [Fact]
    public void ChangeSummary_Empty_IsRefused() =>
        Assert.Contains("What changed: say briefly what you changed and why.", Errors(Valid() with { ChangeSummary = "" }));
}
