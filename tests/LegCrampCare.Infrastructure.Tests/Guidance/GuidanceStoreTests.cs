using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Guidance;

/// <summary>Revisions and optimistic concurrency on real SQLite.</summary>
public sealed class GuidanceStoreTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private IGuidanceStore Store => fixture.Database.Services.GetRequiredService<IGuidanceStore>();

    private static GuidanceRevision Revision(Guid articleId, int number, string title) => new()
    {
        Id = Guid.NewGuid(), ArticleId = articleId, Number = number, Title = title, Slug = "s", Summary = "s", Topic = "Everyday habits",
        BodyMarkdown = "b", ReviewIntervalMonths = 12, AuthorName = "editor", ChangeSummary = "c", State = RevisionState.Draft,
    };

    private async Task<GuidanceArticle> NewArticleAsync()
    {
        var article = new GuidanceArticle { Id = Guid.NewGuid(), Slug = "store-" + Guid.NewGuid().ToString("N")[..8], Version = 1 };
        Assert.True(await Store.AddIfAbsentAsync(article, Revision(article.Id, 1, "first"), CancellationToken.None));
        return article;
    }

    [Fact]
    public async Task Save_FromTheCurrentVersion_AddsTheRevisionAndMovesTheVersionOn()
    {
        var article = await NewArticleAsync();

        Assert.True(await Store.SaveAsync(article, 1, Revision(article.Id, 2, "second"), null, CancellationToken.None));

        var (stored, revisions) = (await Store.FindAsync(article.Id, CancellationToken.None))!.Value;
        Assert.Equal(2, stored.Version);
        Assert.Equal(["first", "second"], revisions.Select(r => r.Title));
    }

    [Fact]
    public async Task Save_TwoEditorsFromTheSameVersion_TheSecondIsRefusedAndNothingOfItIsStored()
    {
        var article = await NewArticleAsync();

        var first = await Store.SaveAsync(article, 1, Revision(article.Id, 2, "editor one"), null, CancellationToken.None);
        var second = await Store.SaveAsync(article, 1, Revision(article.Id, 2, "editor two"), null, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var revisions = (await Store.FindAsync(article.Id, CancellationToken.None))!.Value.Revisions;
        Assert.Equal(["first", "editor one"], revisions.Select(r => r.Title));
    }

    [Fact]
    public async Task Save_ChangedRevisionState_IsStored()
    {
        var article = await NewArticleAsync();
        var revision = (await Store.FindAsync(article.Id, CancellationToken.None))!.Value.Revisions[0];
        revision.State = RevisionState.AwaitingApproval;

        Assert.True(await Store.SaveAsync(article, 1, null, revision, CancellationToken.None));

        Assert.Equal(RevisionState.AwaitingApproval, (await Store.FindAsync(article.Id, CancellationToken.None))!.Value.Revisions[0].State);
    }

    [Fact]
    public async Task SlugTaken_ByAnotherArticleOnly()
    {
        var article = await NewArticleAsync();

        Assert.True(await Store.SlugTakenAsync(article.Slug, null, CancellationToken.None));
        Assert.False(await Store.SlugTakenAsync(article.Slug, article.Id, CancellationToken.None));
        Assert.False(await Store.SlugTakenAsync("no-such-slug", null, CancellationToken.None));
    }
}
