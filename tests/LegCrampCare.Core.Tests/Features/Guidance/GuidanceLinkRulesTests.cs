using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;

namespace LegCrampCare.Core.Tests.Features.Guidance;

public sealed class GuidanceLinkRulesTests
{
    [Theory]
    [InlineData("https://www.nhs.uk/conditions/leg-cramps/", GuidanceLinkKind.Secure)]
    [InlineData("HTTPS://WWW.NHS.UK/", GuidanceLinkKind.Secure)]
    [InlineData("https://www.rcog.org.uk/guidance?x=1#part", GuidanceLinkKind.Secure)]
    [InlineData("http://example.org/page", GuidanceLinkKind.PlainHttp)]
    [InlineData("mailto:help@example.org", GuidanceLinkKind.Email)]
    [InlineData("mailto:help@example.org?subject=Cramps", GuidanceLinkKind.Email)]
    [InlineData("/guidance/wall-calf-stretch", GuidanceLinkKind.SitePath)]
    [InlineData("/", GuidanceLinkKind.SitePath)]
    [InlineData("//evil.example/page", GuidanceLinkKind.Refused)]
    [InlineData("https:evil.example", GuidanceLinkKind.Refused)]
    [InlineData("http:evil.example", GuidanceLinkKind.Refused)]
    [InlineData("https:/evil.example", GuidanceLinkKind.Refused)]
    [InlineData("https:///evil.example", GuidanceLinkKind.Refused)]
    [InlineData("https://www.nhs.uk@evil.example/", GuidanceLinkKind.Refused)]
    [InlineData("/\\evil.example", GuidanceLinkKind.Refused)]
    [InlineData("\\\\evil.example", GuidanceLinkKind.Refused)]
    [InlineData("https://evil .example", GuidanceLinkKind.Refused)]
    [InlineData(" https://www.nhs.uk/", GuidanceLinkKind.Refused)]
    [InlineData("https://www.nhs.uk/\u0000", GuidanceLinkKind.Refused)]
    [InlineData("relative/page", GuidanceLinkKind.Refused)]
    [InlineData("#top", GuidanceLinkKind.Refused)]
    [InlineData("javascript:alert(1)", GuidanceLinkKind.Refused)]
    [InlineData("data:text/html,hi", GuidanceLinkKind.Refused)]
    [InlineData("ftp://example.org/file", GuidanceLinkKind.Refused)]
    [InlineData("tel:999", GuidanceLinkKind.Refused)]
    [InlineData("mailto:", GuidanceLinkKind.Refused)]
    [InlineData("mailto:not an address", GuidanceLinkKind.Refused)]
    [InlineData("", GuidanceLinkKind.Refused)]
    [InlineData(null, GuidanceLinkKind.Refused)]
    public void Classify_GivesTheKindOfLink(string? href, GuidanceLinkKind kind) => Assert.Equal(kind, GuidanceLinkRules.Classify(href));

    [Fact]
    public void LinksIn_FindsInlineReferenceAndAutolinksButNotCode()
    {
        var links = GuidanceLinkRules.LinksIn(
            "See [the NHS](https://www.nhs.uk/) and [this][ref], or <https://www.rcog.org.uk/>, or <help@example.org>.\n\n" +
            "`[not a link](//evil.example)`\n\n[ref]: /guidance/hydration");

        Assert.Equal(["https://www.nhs.uk/", "/guidance/hydration", "https://www.rcog.org.uk/", "mailto:help@example.org"], links);
    }

    [Fact]
    public void PlainHttpLinks_FromTextAndSources_OnceEach() =>
        Assert.Equal(["http://a.example/", "http://b.example/"], GuidanceLinkRules.PlainHttpLinks(
            "[a](http://a.example/) [again](http://a.example/) [secure](https://c.example/)",
            [new GuidanceSource("B", "http://b.example/"), new GuidanceSource("C", "https://c.example/")]));

    [Theory]
    [InlineData("[x](//evil.example/page)", "//evil.example/page")]
    [InlineData("Read [this](https:evil.example).", "https:evil.example")]
    [InlineData("[a](https://www.nhs.uk/) then [b](javascript:alert(1))", "javascript:alert(1)")]
    public void Validator_TextWithALinkThatCantBeUsed_IsRefusedNamingTheLink(string body, string link)
    {
        var errors = new GuidanceDraftValidator().Validate(Draft() with { BodyMarkdown = body }).Errors;

        var error = Assert.Single(errors);
        Assert.Equal(nameof(GuidanceDraft.BodyMarkdown), error.PropertyName);
        Assert.Equal($"Text: the link \"{link}\" can't be used. Links must start with https://, mailto: or a single / for a page of this site. " +
                     "An address starting with // or with https: but no // is not allowed.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("[NHS](https://www.nhs.uk/) [hydration](/guidance/hydration) [mail](mailto:a@example.org)")]
    [InlineData("[old site](http://example.org/) waits for the approver's confirmation")]
    public void Validator_TextWithAllowedLinks_IsValid(string body) =>
        Assert.True(new GuidanceDraftValidator().Validate(Draft() with { BodyMarkdown = body }).IsValid);

    [Theory]
    [InlineData("//www.nhs.uk/")]
    [InlineData("https:www.nhs.uk")]
    public void Validator_SourceWithoutTwoSlashes_IsRefused(string url) =>
        Assert.Contains(new GuidanceDraftValidator().Validate(Draft() with { Sources = [new GuidanceSource("NHS", url)] }).Errors,
            e => e.ErrorMessage == "Sources: each source needs a web address starting with https:// or http://.");

    private static GuidanceDraft Draft() => new()
    {
        Title = "Wall calf stretch",
        Slug = "wall-calf-stretch",
        Summary = "A stretch to do before bed.",
        Topic = "Stretches and exercises",
        BodyMarkdown = "Face a wall.",
        Sources = [new GuidanceSource("NHS", "https://www.nhs.uk/")],
        ChangeSummary = "First version.",
    };
}
