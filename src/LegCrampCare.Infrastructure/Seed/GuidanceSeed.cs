using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;

namespace LegCrampCare.Infrastructure.Seed;

/// <summary>One article of the seed manifest (Seed/Guidance/guidance-seed.json).</summary>
public sealed record GuidanceSeedArticle(
    string Slug,
    string Title,
    string Summary,
    string Topic,
    bool SafetyCritical,
    int ReviewIntervalMonths,
    DateOnly EvidenceCheckedOn,
    IReadOnlyList<GuidanceSource> Sources,
    string Body);

public sealed record GuidanceSeedManifest(string SeedVersion, IReadOnlyList<GuidanceSeedArticle> Articles);

/// <summary>
/// The guidance shipped with the app: a versioned seed in the repository (Markdown files and a manifest, embedded in
/// this assembly), applied as data on start. Each article is added once, by slug. A newer seed version reaches an
/// article nobody has touched (every revision is a shipped one, none published, drafted or returned) as a new seeded
/// revision, so a rule-set change's advice (e.g. "When to get help" for 2026.2) does not stay behind on an existing
/// database; an article an editor or approver has worked on is never changed. Seeded revisions say honestly that they
/// await approval by the organisation's clinical approver.
/// </summary>
public sealed partial class GuidanceSeeder(IGuidanceStore store, TimeProvider time)
{
    private const string Prefix = "LegCrampCare.Guidance.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static GuidanceSeedManifest LoadManifest()
    {
        var manifest = JsonSerializer.Deserialize<GuidanceSeedManifest>(ReadResource("guidance-seed.json"), Json)
            ?? throw new InvalidOperationException("The guidance seed manifest is empty.");
        foreach (var a in manifest.Articles)
        {
            if (!SlugPattern().IsMatch(a.Slug) || string.IsNullOrWhiteSpace(a.Title) || a.Sources.Count == 0 ||
                a.Sources.Any(s => !Uri.TryCreate(s.Url, UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"Guidance seed article '{a.Slug}' is not valid (slug, title, https sources).");
            }
        }

        return manifest;
    }

    public static string ReadBody(GuidanceSeedArticle article) => ReadResource(article.Body);

    private static string ReadResource(string name)
    {
        var assembly = typeof(GuidanceSeeder).Assembly;
        using var stream = assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Guidance seed file '{name}' is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The author name of the shipped revisions: which seed version wrote them.</summary>
    public static string SeedAuthor(string seedVersion) => $"LegCrampCare seed {seedVersion}";

    /// <summary>
    /// Adds each seeded article whose slug is not in the database yet, and brings untouched shipped articles up to this
    /// seed version; returns how many articles were added or brought up to date.
    /// </summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var manifest = LoadManifest();
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        var existing = (await store.ListAllAsync(ct)).ToDictionary(a => a.Article.Slug, StringComparer.Ordinal);
        foreach (var a in manifest.Articles)
        {
            if (existing.TryGetValue(a.Slug, out var stored))
            {
                added += await UpdateIfUntouchedAsync(manifest, a, stored.Article, stored.Revisions, now, ct) ? 1 : 0;
                continue;
            }

            var article = new GuidanceArticle { Id = Guid.NewGuid(), Slug = a.Slug, IsSafetyCritical = a.SafetyCritical, CreatedAtUtc = now, Version = 1 };
            var revision = new GuidanceRevision
            {
                Id = Guid.NewGuid(),
                ArticleId = article.Id,
                Number = 1,
                Title = a.Title,
                Slug = a.Slug,
                Summary = a.Summary,
                Topic = a.Topic,
                BodyMarkdown = ReadBody(a),
                SourcesJson = GuidanceService.SourcesToJson(a.Sources),
                ReviewIntervalMonths = a.ReviewIntervalMonths,
                EvidenceCheckedOn = a.EvidenceCheckedOn,
                AuthorName = SeedAuthor(manifest.SeedVersion),
                CreatedAtUtc = now,
                ChangeSummary = $"Shipped with the app (seed {manifest.SeedVersion}).",
                State = RevisionState.Seeded,
            };
            if (await store.AddIfAbsentAsync(article, revision, ct))
            {
                added++;
            }
        }

        return added;
    }

    /// <summary>
    /// A new seeded revision when every revision of the article is a shipped one from an older seed and the text differs;
    /// nothing when anyone has worked on it (a revision by a person, or anything but "seeded").
    /// </summary>
    private async Task<bool> UpdateIfUntouchedAsync(
        GuidanceSeedManifest manifest, GuidanceSeedArticle seed, GuidanceArticle article, IReadOnlyList<GuidanceRevision> revisions, DateTime now, CancellationToken ct)
    {
        var author = SeedAuthor(manifest.SeedVersion);
        var untouched = revisions.Count > 0 && revisions.All(r =>
            r.State == RevisionState.Seeded && r.AuthorName.StartsWith("LegCrampCare seed ", StringComparison.Ordinal));
        var latest = revisions.Count == 0 ? null : revisions.MaxBy(r => r.Number);
        if (!untouched || latest is null || latest.AuthorName == author)
        {
            return false;
        }

        var body = ReadBody(seed);
        var sources = GuidanceService.SourcesToJson(seed.Sources);
        if (latest.BodyMarkdown == body && latest.Title == seed.Title && latest.Summary == seed.Summary && latest.SourcesJson == sources &&
            latest.Topic == seed.Topic && latest.ReviewIntervalMonths == seed.ReviewIntervalMonths && latest.EvidenceCheckedOn == seed.EvidenceCheckedOn)
        {
            return false;
        }

        var revision = new GuidanceRevision
        {
            Id = Guid.NewGuid(),
            ArticleId = article.Id,
            Number = latest.Number + 1,
            Title = seed.Title,
            Slug = article.Slug,
            Summary = seed.Summary,
            Topic = seed.Topic,
            BodyMarkdown = body,
            SourcesJson = sources,
            ReviewIntervalMonths = seed.ReviewIntervalMonths,
            EvidenceCheckedOn = seed.EvidenceCheckedOn,
            AuthorName = author,
            CreatedAtUtc = now,
            ChangeSummary = $"Shipped with the app (seed {manifest.SeedVersion}), replacing seed {latest.AuthorName["LegCrampCare seed ".Length..]}, which nobody had edited.",
            State = RevisionState.Seeded,
        };
        return await store.SaveAsync(article, article.Version, revision, null, ct);
    }
}
