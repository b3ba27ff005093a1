using LegCrampCare.Core.Domain;

namespace LegCrampCare.Core.Abstractions;

/// <summary>Guidance articles and their revisions.</summary>
public interface IGuidanceStore
{
    /// <summary>Every article with the revision readers see (the newest published, else the seeded one); drafts never.</summary>
    Task<IReadOnlyList<(GuidanceArticle Article, GuidanceRevision Revision)>> ListReadableAsync(CancellationToken ct);

    Task<(GuidanceArticle Article, GuidanceRevision Revision)?> FindReadableAsync(string slug, CancellationToken ct);

    /// <summary>Adds an article with its first revision unless an article with that slug exists; true when added.</summary>
    Task<bool> AddIfAbsentAsync(GuidanceArticle article, GuidanceRevision revision, CancellationToken ct);
}
