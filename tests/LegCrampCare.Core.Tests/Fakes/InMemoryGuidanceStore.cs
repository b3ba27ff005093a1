using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>Guidance in memory: every added article is readable with its first revision.</summary>
public sealed class InMemoryGuidanceStore : IGuidanceStore
{
    private readonly List<(GuidanceArticle Article, GuidanceRevision Revision)> _articles = [];

    /// <summary>Adds a readable (seeded) article and returns its revision id.</summary>
    public Guid AddReadable(string slug)
    {
        var article = new GuidanceArticle { Id = Guid.NewGuid(), Slug = slug };
        var revision = new GuidanceRevision { Id = Guid.NewGuid(), ArticleId = article.Id, Number = 1, Slug = slug, Title = slug, State = RevisionState.Seeded };
        _articles.Add((article, revision));
        return revision.Id;
    }

    public Task<IReadOnlyList<(GuidanceArticle Article, GuidanceRevision Revision)>> ListReadableAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(GuidanceArticle, GuidanceRevision)>>(_articles.ToList());

    public Task<(GuidanceArticle Article, GuidanceRevision Revision)?> FindReadableAsync(string slug, CancellationToken ct) =>
        Task.FromResult(_articles.Where(a => a.Article.Slug == slug).Select(a => ((GuidanceArticle, GuidanceRevision)?)a).FirstOrDefault());

    public Task<bool> AddIfAbsentAsync(GuidanceArticle article, GuidanceRevision revision, CancellationToken ct)
    {
        if (_articles.Any(a => a.Article.Slug == article.Slug))
        {
            return Task.FromResult(false);
        }

        _articles.Add((article, revision));
        return Task.FromResult(true);
    }
}
