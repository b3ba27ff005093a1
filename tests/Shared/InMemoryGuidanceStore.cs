using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Tests.Shared;

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

    /// <summary>As the real store: the newest published revision, else the newest seeded one; drafts never.</summary>
    private IEnumerable<(GuidanceArticle Article, GuidanceRevision Revision)> Readable() =>
        _articles.GroupBy(a => a.Article.Id)
            .Select(g => (g.First().Article,
                Revision: g.Select(x => x.Revision).Where(r => r.State == RevisionState.Published).MaxBy(r => r.Number)
                    ?? g.Select(x => x.Revision).Where(r => r.State == RevisionState.Seeded).MaxBy(r => r.Number)))
            .Where(x => x.Revision is not null)
            .Select(x => (x.Article, x.Revision!));

    public Task<IReadOnlyList<(GuidanceArticle Article, GuidanceRevision Revision)>> ListReadableAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(GuidanceArticle, GuidanceRevision)>>(Readable().ToList());

    public Task<(GuidanceArticle Article, GuidanceRevision Revision)?> FindReadableAsync(string slug, CancellationToken ct) =>
        Task.FromResult(Readable().Where(a => a.Article.Slug == slug).Select(a => ((GuidanceArticle, GuidanceRevision)?)a).FirstOrDefault());

    public Task<IReadOnlyDictionary<string, Guid>> FindReadableRevisionIdsAsync(IReadOnlyCollection<string> slugs, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, Guid>>(Readable()
            .Where(a => slugs.Contains(a.Article.Slug))
            .ToDictionary(a => a.Article.Slug, a => a.Revision.Id, StringComparer.Ordinal));

    public Task<bool> AddIfAbsentAsync(GuidanceArticle article, GuidanceRevision revision, CancellationToken ct)
    {
        if (_articles.Any(a => a.Article.Slug == article.Slug))
        {
            return Task.FromResult(false);
        }

        _articles.Add((article, revision));
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)>> ListAllAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(GuidanceArticle, IReadOnlyList<GuidanceRevision>)>>(
            _articles.GroupBy(a => a.Article.Id)
                .Select(g => (g.First().Article, (IReadOnlyList<GuidanceRevision>)g.Select(x => x.Revision).OrderBy(r => r.Number).ToList()))
                .ToList());

    public Task<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)?> FindAsync(Guid articleId, CancellationToken ct)
    {
        var mine = _articles.Where(a => a.Article.Id == articleId).ToList();
        return Task.FromResult(mine.Count == 0
            ? null
            : ((GuidanceArticle, IReadOnlyList<GuidanceRevision>)?)(mine[0].Article, mine.Select(m => m.Revision).OrderBy(r => r.Number).ToList()));
    }

    public Task<bool> SlugTakenAsync(string slug, Guid? exceptArticleId, CancellationToken ct) =>
        Task.FromResult(_articles.Any(a => a.Article.Slug == slug && a.Article.Id != exceptArticleId));

    public Task<bool> SaveAsync(GuidanceArticle article, int expectedVersion, GuidanceRevision? newRevision, GuidanceRevision? changedRevision, CancellationToken ct)
    {
        var current = _articles.FirstOrDefault(a => a.Article.Id == article.Id).Article;
        if (current is null || current.Version != expectedVersion)
        {
            return Task.FromResult(false);
        }

        current.Version = expectedVersion + 1;
        current.Slug = article.Slug;
        current.IsSafetyCritical = article.IsSafetyCritical;
        if (newRevision is not null)
        {
            _articles.Add((current, newRevision));
        }

        if (changedRevision is not null)
        {
            var index = _articles.FindIndex(a => a.Revision.Id == changedRevision.Id);
            _articles[index] = (current, changedRevision);
        }

        return Task.FromResult(true);
    }
}
