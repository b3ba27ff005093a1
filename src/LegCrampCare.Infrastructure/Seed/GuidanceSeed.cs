using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
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
/// this assembly), applied as data on start. Each article is added once, by slug; later edits by editors are never
/// overwritten. Seeded revisions say honestly that they await approval by the organisation's clinical approver.
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

    /// <summary>Adds each seeded article whose slug is not in the database yet; returns how many were added.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var manifest = LoadManifest();
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var a in manifest.Articles)
        {
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
                AuthorName = $"LegCrampCare seed {manifest.SeedVersion}",
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
}
