using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

public sealed class GuidanceStore(IDbContextFactory<AppDbContext> contexts) : IGuidanceStore
{
    /// <summary>
    /// How long the readable revision ids are reused: every change through this store clears them at once; a change on
    /// another app node (several nodes) shows here within this time.
    /// </summary>
    public static readonly TimeSpan ReadableIdsLifetime = TimeSpan.FromSeconds(30);

    private sealed record ReadableIds(long LoadedAtMs, IReadOnlyDictionary<string, Guid> BySlug);

    private volatile ReadableIds? _readableIds;

    /// <summary>Bumped by every change, so a read that began before a change never stores what it read.</summary>
    private long _generation;

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

    public async Task<IReadOnlyDictionary<string, Guid>> FindReadableRevisionIdsAsync(IReadOnlyCollection<string> slugs, CancellationToken ct)
    {
        var cached = _readableIds;
        if (cached is null || Environment.TickCount64 - cached.LoadedAtMs > (long)ReadableIdsLifetime.TotalMilliseconds)
        {
            var generation = Interlocked.Read(ref _generation);
            // Every article's readable revision id, without any text: a few rows.
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.GuidanceArticles.AsNoTracking()
                .Join(db.GuidanceRevisions.Where(r => r.State == RevisionState.Published || r.State == RevisionState.Seeded),
                    a => a.Id, r => r.ArticleId, (a, r) => new { a.Slug, r.Id, r.State, r.Number })
                .ToListAsync(ct);
            var bySlug = rows
                .GroupBy(r => r.Slug, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => (g.Where(r => r.State == RevisionState.Published).MaxBy(r => r.Number) ?? g.Where(r => r.State == RevisionState.Seeded).MaxBy(r => r.Number))!.Id,
                    StringComparer.Ordinal);
            cached = new ReadableIds(Environment.TickCount64, bySlug);
            if (Interlocked.Read(ref _generation) == generation)
            {
                _readableIds = cached;
            }
        }

        return slugs.Where(cached.BySlug.ContainsKey).ToDictionary(s => s, s => cached.BySlug[s], StringComparer.Ordinal);
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
            Forget();
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance seeded the same slug at the same moment.
            return false;
        }
    }

    public async Task<IReadOnlyList<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)>> ListAllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var articles = await db.GuidanceArticles.AsNoTracking().ToListAsync(ct);
        var revisions = await db.GuidanceRevisions.AsNoTracking().ToListAsync(ct);
        return articles
            .Select(a => (a, (IReadOnlyList<GuidanceRevision>)revisions.Where(r => r.ArticleId == a.Id).OrderBy(r => r.Number).ToList()))
            .ToList();
    }

    public async Task<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)?> FindAsync(Guid articleId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var article = await db.GuidanceArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null)
        {
            return null;
        }

        var revisions = await db.GuidanceRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).ToListAsync(ct);
        return (article, revisions.OrderBy(r => r.Number).ToList());
    }

    public async Task<bool> SlugTakenAsync(string slug, Guid? exceptArticleId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.GuidanceArticles.AnyAsync(a => a.Slug == slug && a.Id != exceptArticleId, ct);
    }

    public async Task<bool> SaveAsync(GuidanceArticle article, int expectedVersion, GuidanceRevision? newRevision, GuidanceRevision? changedRevision, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The version check and bump in one statement: a second save from the same starting version changes no row.
        var moved = await db.GuidanceArticles
            .Where(a => a.Id == article.Id && a.Version == expectedVersion)
            .ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Version, expectedVersion + 1)
                .SetProperty(a => a.Slug, article.Slug)
                .SetProperty(a => a.IsSafetyCritical, article.IsSafetyCritical), ct);
        if (moved == 0)
        {
            return false;
        }

        if (newRevision is not null)
        {
            db.GuidanceRevisions.Add(newRevision);
        }

        if (changedRevision is not null)
        {
            db.GuidanceRevisions.Update(changedRevision);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Forget();
        return true;
    }

    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _readableIds = null;
    }

    /// <summary>The newest published revision; when none has been published, the newest seeded one.</summary>
    private static GuidanceRevision? Readable(IEnumerable<GuidanceRevision> revisions)
    {
        var list = revisions.ToList();
        return list.Where(r => r.State == RevisionState.Published).MaxBy(r => r.Number)
            ?? list.Where(r => r.State == RevisionState.Seeded).MaxBy(r => r.Number);
    }
}
