using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

public sealed class GuidanceStore(IDbContextFactory<AppDbContext> contexts) : IGuidanceStore
{
    public async Task<IReadOnlyList<(GuidanceArticle Article, GuidanceRevision Revision)>> ListReadableAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var articles = await db.GuidanceArticles.AsNoTracking().ToListAsync(ct);
        var revisions = await db.GuidanceRevisions.AsNoTracking()
            .Where(r => r.State == RevisionState.Published || r.State == RevisionState.Seeded)
            .ToListAsync(ct);
        return articles
            .Select(a => (Article: a, Revision: Readable(revisions.Where(r => r.ArticleId == a.Id))))
            .Where(x => x.Revision is not null)
            .Select(x => (x.Article, x.Revision!))
            .ToList();
    }

    public async Task<(GuidanceArticle Article, GuidanceRevision Revision)?> FindReadableAsync(string slug, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var article = await db.GuidanceArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (article is null)
        {
            return null;
        }

        var revisions = await db.GuidanceRevisions.AsNoTracking()
            .Where(r => r.ArticleId == article.Id && (r.State == RevisionState.Published || r.State == RevisionState.Seeded))
            .ToListAsync(ct);
        var revision = Readable(revisions);
        return revision is null ? null : (article, revision);
    }

    public async Task<bool> AddIfAbsentAsync(GuidanceArticle article, GuidanceRevision revision, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.GuidanceArticles.AnyAsync(a => a.Slug == article.Slug, ct))
        {
            return false;
        }

        db.GuidanceArticles.Add(article);
        db.GuidanceRevisions.Add(revision);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance seeded the same slug at the same moment.
            return false;
        }
    }

    /// <summary>The newest published revision; when none has been published, the newest seeded one.</summary>
    private static GuidanceRevision? Readable(IEnumerable<GuidanceRevision> revisions)
    {
        var list = revisions.ToList();
        return list.Where(r => r.State == RevisionState.Published).MaxBy(r => r.Number)
            ?? list.Where(r => r.State == RevisionState.Seeded).MaxBy(r => r.Number);
    }
}
