using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Guidance;

/// <summary>
/// A database seeded by an earlier release: the new seed's text (2026.2's "When to get help") reaches an article nobody
/// has touched, and never one an editor or approver has worked on.
/// </summary>
public sealed class GuidanceSeedUpgradeTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    private IGuidanceStore Store => _database.Services.GetRequiredService<IGuidanceStore>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateInitializedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Turns the shipped revision of an article back into what an earlier seed shipped.</summary>
    private async Task AsShippedByAnEarlierSeedAsync(string slug, string oldBody)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var article = await db.GuidanceArticles.SingleAsync(a => a.Slug == slug);
        var revision = await db.GuidanceRevisions.SingleAsync(r => r.ArticleId == article.Id);
        revision.AuthorName = GuidanceSeeder.SeedAuthor("2026.11.1");
        revision.BodyMarkdown = oldBody;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Seed_AnUntouchedArticleFromAnEarlierSeed_ReadersGetTheNewText_TheOldStaysInItsHistory()
    {
        await AsShippedByAnEarlierSeedAsync("when-to-seek-help", "## Get checked today\n\nPain in one leg for over 24 hours.");

        Assert.Equal(1, await _database.Services.GetRequiredService<GuidanceSeeder>().SeedAsync());

        var (article, readable) = (await Store.FindReadableAsync("when-to-seek-help", CancellationToken.None))!.Value;
        var manifest = GuidanceSeeder.LoadManifest();
        Assert.Equal(GuidanceSeeder.ReadBody(manifest.Articles.Single(a => a.Slug == "when-to-seek-help")), readable.BodyMarkdown);
        Assert.Equal((2, RevisionState.Seeded, GuidanceSeeder.SeedAuthor(manifest.SeedVersion)), (readable.Number, readable.State, readable.AuthorName));
        Assert.Null(readable.ApprovedByName);
        var history = (await Store.FindAsync(article.Id, CancellationToken.None))!.Value.Revisions;
        Assert.Equal("## Get checked today\n\nPain in one leg for over 24 hours.", history.Single(r => r.Number == 1).BodyMarkdown);

        // Once is enough: a second start changes nothing.
        Assert.Equal(0, await _database.Services.GetRequiredService<GuidanceSeeder>().SeedAsync());
    }

    [Fact]
    public async Task Seed_AnArticleAnEditorHasWorkedOn_IsNeverChanged()
    {
        await AsShippedByAnEarlierSeedAsync("footwear", "Old shipped text.");
        var (article, shipped) = (await Store.FindReadableAsync("footwear", CancellationToken.None))!.Value;
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            db.GuidanceRevisions.Add(new GuidanceRevision
            {
                Id = Guid.NewGuid(), ArticleId = article.Id, Number = 2, Title = shipped.Title, Slug = "footwear", Summary = shipped.Summary,
                Topic = shipped.Topic, BodyMarkdown = "An editor's draft.", SourcesJson = shipped.SourcesJson, ReviewIntervalMonths = 12,
                AuthorName = "An Editor", ChangeSummary = "Started an edit", State = RevisionState.Draft, CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await _database.Services.GetRequiredService<GuidanceSeeder>().SeedAsync());

        var readable = (await Store.FindReadableAsync("footwear", CancellationToken.None))!.Value.Revision;
        Assert.Equal(("Old shipped text.", 1), (readable.BodyMarkdown, readable.Number));
        Assert.Equal(2, (await Store.FindAsync(article.Id, CancellationToken.None))!.Value.Revisions.Count);
    }
}
