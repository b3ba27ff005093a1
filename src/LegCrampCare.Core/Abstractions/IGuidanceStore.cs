using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Abstractions;

/// <summary>Guidance articles and their revisions.</summary>
public interface IGuidanceStore
{
    /// <summary>Every article with the revision readers see (the newest published, else the seeded one); drafts never.</summary>
    Task<IReadOnlyList<(GuidanceArticle Article, GuidanceRevision Revision)>> ListReadableAsync(CancellationToken ct);

    Task<(GuidanceArticle Article, GuidanceRevision Revision)?> FindReadableAsync(string slug, CancellationToken ct);

    /// <summary>
    /// The id of the revision readers see now, for each of these slugs that has one (what a result card links to), without
    /// reading any article text: one query, on every logged cramp.
    /// </summary>
    Task<IReadOnlyDictionary<string, Guid>> FindReadableRevisionIdsAsync(IReadOnlyCollection<string> slugs, CancellationToken ct);

    /// <summary>Adds an article with its first revision unless an article with that slug exists; true when added.</summary>
    Task<bool> AddIfAbsentAsync(GuidanceArticle article, GuidanceRevision revision, CancellationToken ct);

    /// <summary>Every article with all its revisions (oldest first), for editors.</summary>
    Task<IReadOnlyList<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)>> ListAllAsync(CancellationToken ct);

    Task<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)?> FindAsync(Guid articleId, CancellationToken ct);

    /// <summary>Whether another article already uses the slug.</summary>
    Task<bool> SlugTakenAsync(string slug, Guid? exceptArticleId, CancellationToken ct);

    /// <summary>
    /// Saves an article change under optimistic concurrency, in one transaction: the article's version moves from
    /// <paramref name="expectedVersion"/> to the next, with a new revision and/or a revision's new state. False, with
    /// nothing saved, when someone else saved first.
    /// </summary>
    Task<bool> SaveAsync(GuidanceArticle article, int expectedVersion, GuidanceRevision? newRevision, GuidanceRevision? changedRevision, CancellationToken ct);
}
