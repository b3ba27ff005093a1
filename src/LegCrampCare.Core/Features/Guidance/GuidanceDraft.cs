using System.Text.RegularExpressions;
using FluentValidation;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>What an editor saves. Mutable so that a form can bind to it.</summary>
public sealed record GuidanceDraft
{
    /// <summary>Null for a new article.</summary>
    public Guid? ArticleId { get; set; }

    /// <summary>The article version the editor started from (optimistic concurrency); 0 for a new article.</summary>
    public int ExpectedVersion { get; set; }

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Topic { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    public List<GuidanceSource> Sources { get; set; } = [];

    public int ReviewIntervalMonths { get; set; } = 12;

    public string ChangeSummary { get; set; } = "";

    public bool IsSafetyCritical { get; set; }

    /// <summary>Whether the two hold the same article text and details (ignoring the version and the change note).</summary>
    public bool HasSameContent(GuidanceDraft other) =>
        Title == other.Title && Slug == other.Slug && Summary == other.Summary && Topic == other.Topic &&
        Normalise(BodyMarkdown) == Normalise(other.BodyMarkdown) && Sources.SequenceEqual(other.Sources) &&
        ReviewIntervalMonths == other.ReviewIntervalMonths && IsSafetyCritical == other.IsSafetyCritical;

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

public sealed partial class GuidanceDraftValidator : AbstractValidator<GuidanceDraft>
{
    public const int MaxTitle = 200;
    public const int MaxSlug = 100;
    public const int MaxSummary = 300;
    public const int MaxBody = 100_000;
    public const int MaxChangeSummary = 500;
    public const int MaxSources = 20;
    public const int MaxSourceTitle = 200;
    public const int MaxReturnComment = 2000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();

    public GuidanceDraftValidator()
    {
        RuleFor(d => d.Title).Cascade(CascadeMode.Stop)
            .Required("Title: enter a title.")
            .Text("Title", MaxTitle, TextKind.SingleLine);
        RuleFor(d => d.Slug).NotEmpty().WithMessage("Web address: enter one, e.g. wall-calf-stretch.")
            .MaximumLength(MaxSlug).WithMessage($"Web address: at most {MaxSlug} characters.")
            .Matches(SlugPattern()).WithMessage("Web address: only lower-case letters a–z, digits and single hyphens, e.g. wall-calf-stretch (no spaces or accents).");
        RuleFor(d => d.Summary).Cascade(CascadeMode.Stop)
            .Required("Summary: enter one plain sentence.")
            .Text("Summary", MaxSummary, TextKind.SingleLine);
        RuleFor(d => d.Topic).Must(t => GuidanceService.Topics.Contains(t))
            .WithMessage($"Topic: choose one of {string.Join(", ", GuidanceService.Topics)}.");
        RuleFor(d => d.BodyMarkdown).Cascade(CascadeMode.Stop)
            .Required("Text: the article has no text.")
            .Text("Text", MaxBody, TextKind.MultiLine)
            .Must(body => LinkProblem(body) is null).WithMessage((_, body) => "Text: " + LinkProblem(body));
        RuleFor(d => d.Sources).NotEmpty().WithMessage("Sources: add at least one source with its web address.")
            .Must(s => s.Count <= MaxSources).WithMessage($"Sources: at most {MaxSources}.");
        RuleForEach(d => d.Sources).ChildRules(source =>
        {
            source.RuleFor(s => s.Title).Cascade(CascadeMode.Stop)
                .Required("Sources: each source needs a title.")
                .Text("Sources: a title", MaxSourceTitle, TextKind.SingleLine);
            source.RuleFor(s => s.Url).Must(IsWebAddress)
                .WithMessage("Sources: each source needs a web address starting with https:// or http://.");
        });
        RuleFor(d => d.ReviewIntervalMonths).InclusiveBetween(1, 36).WithMessage("Review every: 1 to 36 months.");
        RuleFor(d => d.ChangeSummary).Cascade(CascadeMode.Stop)
            .Required("What changed: say briefly what you changed and why.")
            .Text("What changed", MaxChangeSummary, TextKind.SingleLine);
    }

    /// <summary>A source is a page of another site: https://, or http:// (which the approver confirms when approving).</summary>
    private static bool IsWebAddress(string? url) =>
        GuidanceLinkRules.Classify(url?.Trim()) is GuidanceLinkKind.Secure or GuidanceLinkKind.PlainHttp;

    /// <summary>What is wrong with the first link that can't be used, naming it; null when every link can be.</summary>
    public static string? LinkProblem(string? markdown) =>
        GuidanceLinkRules.LinksIn(markdown).FirstOrDefault(link => GuidanceLinkRules.Classify(link) == GuidanceLinkKind.Refused) is { } refused
            ? $"the link \"{GuidanceLinkRules.Shown(refused)}\" can't be used. {GuidanceLinkRules.Allowed} An address starting with // or with https: but no // is not allowed."
            : null;
}
