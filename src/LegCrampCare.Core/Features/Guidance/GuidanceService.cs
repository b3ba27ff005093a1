using System.Text.Json;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>An article as readers see it: its readable revision, with honest review and approval details.</summary>
public sealed record GuidanceArticleView(
    Guid ArticleId,
    Guid RevisionId,
    int RevisionNumber,
    string Slug,
    string Title,
    string Summary,
    string Topic,
    string BodyMarkdown,
    IReadOnlyList<GuidanceSource> Sources,
    bool IsSafetyCritical,
    DateOnly? LastReviewedOn,
    DateOnly? NextReviewDue,
    bool ReviewOverdue,
    bool AwaitingApproval,
    string? ApprovedByName,
    string? ApprovedByRole,
    DateOnly? ApprovedOn);

public interface IGuidanceService
{
    /// <summary>Every readable article, in topic order then title; with a query, only those containing all its words.</summary>
    Task<IReadOnlyList<GuidanceArticleView>> ListAsync(string? query = null, CancellationToken ct = default);

    Task<GuidanceArticleView?> GetAsync(string slug, CancellationToken ct = default);
}

/// <summary>Public guidance: no sign-in needed, no personal data involved.</summary>
public sealed class GuidanceService(IGuidanceStore store, TimeProvider time) : IGuidanceService
{
    public const int MaxQueryLength = 100;

    /// <summary>The order topics are listed in.</summary>
    public static readonly IReadOnlyList<string> Topics = ["During a cramp", "Stretches and exercises", "Everyday habits", "When to get help"];

    public async Task<IReadOnlyList<GuidanceArticleView>> ListAsync(string? query = null, CancellationToken ct = default)
    {
        var words = Words(query);
        var all = await store.ListReadableAsync(ct);
        return all
            .Select(a => View(a.Article, a.Revision))
            .Where(v => words.All(w => Contains(v.Title, w) || Contains(v.Summary, w) || Contains(v.BodyMarkdown, w)))
            .OrderBy(v => TopicOrder(v.Topic))
            .ThenBy(v => v.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<GuidanceArticleView?> GetAsync(string slug, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 100)
        {
            return null;
        }

        var found = await store.FindReadableAsync(slug.Trim().ToLowerInvariant(), ct);
        return found is { } f ? View(f.Article, f.Revision) : null;
    }

    /// <summary>The search words: lower case, at most 100 characters in all, split on spaces.</summary>
    public static IReadOnlyList<string> Words(string? query)
    {
        var text = (query ?? "").Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }

        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static int TopicOrder(string topic)
    {
        var index = Topics.ToList().IndexOf(topic);
        return index < 0 ? Topics.Count : index;
    }

    private GuidanceArticleView View(GuidanceArticle article, GuidanceRevision revision)
    {
        var approvedOn = revision.State == RevisionState.Published && revision.ApprovedAtUtc is { } at ? DateOnly.FromDateTime(at) : (DateOnly?)null;
        var lastReviewed = approvedOn ?? revision.EvidenceCheckedOn;
        var nextDue = lastReviewed?.AddMonths(revision.ReviewIntervalMonths);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new GuidanceArticleView(
            article.Id,
            revision.Id,
            revision.Number,
            article.Slug,
            revision.Title,
            revision.Summary,
            revision.Topic,
            revision.BodyMarkdown,
            ParseSources(revision.SourcesJson),
            article.IsSafetyCritical,
            lastReviewed,
            nextDue,
            nextDue is { } due && today > due,
            revision.State != RevisionState.Published,
            revision.State == RevisionState.Published ? revision.ApprovedByName : null,
            revision.State == RevisionState.Published ? revision.ApprovedByRole : null,
            approvedOn);
    }

    /// <summary>
    /// An editor's draft as the reader's page would show it, dated as if saved today. It is not approved, so it says
    /// "awaiting approval", exactly as a seeded page does.
    /// </summary>
    public static GuidanceArticleView Preview(GuidanceDraft draft, DateOnly today) => new(
        draft.ArticleId ?? Guid.Empty,
        Guid.Empty,
        0,
        draft.Slug,
        draft.Title,
        draft.Summary,
        draft.Topic,
        draft.BodyMarkdown,
        draft.Sources.Select(s => new GuidanceSource(s.Title, s.Url)).ToList(),
        draft.IsSafetyCritical,
        today,
        draft.ReviewIntervalMonths is >= 1 and <= 36 ? today.AddMonths(draft.ReviewIntervalMonths) : null,
        ReviewOverdue: false,
        AwaitingApproval: true,
        ApprovedByName: null,
        ApprovedByRole: null,
        ApprovedOn: null);

    public static IReadOnlyList<GuidanceSource> ParseSources(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<GuidanceSource>>(json, SourceJson) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string SourcesToJson(IEnumerable<GuidanceSource> sources) => JsonSerializer.Serialize(sources, SourceJson);

    private static readonly JsonSerializerOptions SourceJson = new(JsonSerializerDefaults.Web);
}
