using Bunit;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Web.Components.Pages.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Components.Editor;

public sealed class GuidanceEditorListAndHistoryTests : GuidanceEditorTestBase
{
    [Fact]
    public async Task List_ShowsEachArticleWithItsStateAwaitingApprovalBeforeDraftsAndPublished()
    {
        var draft = await CreateAsync(Draft() with { Title = "A draft", Slug = "a-draft" });
        var awaiting = await CreateAsync(Draft() with { Title = "Waiting one", Slug = "waiting-one" }, submit: true);
        var published = await CreateAsync(Draft() with { Title = "Live one", Slug = "live-one" }, submit: true);
        await ServiceAs("approver-1", Roles.ClinicalApprover).ApproveAsync(published.ArticleId, published.Version);

        var cut = Render<GuidanceEditorList>();

        var rows = cut.FindAll("[data-testid=articles] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).Take(2).ToList()).ToList();
        Assert.Equal(
            [["Waiting one", "Awaiting approval"], ["A draft", "Draft"], ["Live one", "Published"]],
            rows);
        Assert.Equal($"/editor/guidance/{draft.ArticleId}", cut.FindLink("A draft").GetAttribute("href"));
        Assert.NotEqual(awaiting.ArticleId, draft.ArticleId);
    }

    [Fact]
    public async Task List_OverdueReview_ComesFirstAndSaysSo()
    {
        var published = await CreateAsync(Draft() with { Title = "Old one", Slug = "old-one", ReviewIntervalMonths = 1 }, submit: true);
        await ServiceAs("approver-1", Roles.ClinicalApprover).ApproveAsync(published.ArticleId, published.Version);
        await CreateAsync(Draft() with { Title = "Waiting one", Slug = "waiting-one" }, submit: true);
        Time.Advance(TimeSpan.FromDays(40));

        var cut = Render<GuidanceEditorList>();

        var first = cut.FindAll("[data-testid=articles] tbody tr")[0];
        Assert.Contains("Old one", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Review overdue", first.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.Midwife)]
    public async Task ListAndHistory_ForPatientsAndMidwives_AreNotFound(string role)
    {
        var article = await CreateAsync();
        As("someone", role);

        var list = Render<GuidanceEditorList>();
        var history = Render<GuidanceHistoryPage>(p => p.Add(c => c.Id, article.ArticleId));

        Assert.Equal("Not found", list.Find("h1").TextContent);
        Assert.Equal("Not found", history.Find("h1").TextContent);
        Assert.DoesNotContain("Wall calf stretch", list.Markup + history.Markup, StringComparison.Ordinal);
    }

    private async Task<EditorArticle> ThreeVersionsAsync()
    {
        var service = ServiceAs("editor-2", Roles.Editor);
        var v1 = await CreateAsync();
        var v2 = (await service.SaveDraftAsync(Draft(body: "## Steps\n\nFace a wall.\n\nStep back with one leg.\n\nHold for 60 seconds.") with
        {
            ArticleId = v1.ArticleId, ExpectedVersion = v1.Version, ChangeSummary = "Longer hold.",
        })).Value!;
        return (await service.SaveDraftAsync(Draft(body: v2.Latest.BodyMarkdown) with
        {
            ArticleId = v1.ArticleId, ExpectedVersion = v2.Version, Title = "Wall stretch", ChangeSummary = "Shorter title.",
        })).Value!;
    }

    [Fact]
    public async Task History_ListsEveryVersionWithAuthorAndWhatChanged_AndComparesTheNewestTwo()
    {
        var article = await ThreeVersionsAsync();

        var cut = Render<GuidanceHistoryPage>(p => p.Add(c => c.Id, article.ArticleId));

        var rows = cut.FindAll("[data-testid=versions] > li");
        Assert.Equal(3, rows.Count);
        Assert.Contains("Shorter title.", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("editor-2@example.org", rows[0].TextContent, StringComparison.Ordinal);
        var comparison = cut.Find("[data-testid=comparison]");
        Assert.Equal("What changed from version 2 to version 3", comparison.QuerySelector("h2")!.TextContent);
        Assert.Equal("calf", comparison.QuerySelector("del")!.TextContent.Replace("Removed: ", "", StringComparison.Ordinal).Trim());
        Assert.Null(comparison.QuerySelector("[data-testid=body-diff]")); // the text did not change
    }

    [Fact]
    public async Task History_ChoosingTwoVersions_ShowsTheTextChangeWordByWord()
    {
        var article = await ThreeVersionsAsync();
        var cut = Render<GuidanceHistoryPage>(p => p.Add(c => c.Id, article.ArticleId));

        cut.FindButton("From version 1").Click();
        cut.FindButton("To version 2").Click();

        var diff = cut.Find("[data-testid=body-diff]");
        Assert.Equal("Removed: 30", diff.QuerySelector("del")!.TextContent.Trim());
        Assert.Equal("Added: 60", diff.QuerySelector("ins")!.TextContent.Trim());
        Assert.Contains("Hold for", diff.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_RestoreAnOldVersion_MakesANewDraftAndOpensTheEditor()
    {
        var article = await ThreeVersionsAsync();
        var cut = Render<GuidanceHistoryPage>(p => p.Add(c => c.Id, article.ArticleId));

        cut.FindButton("Restore as a new draft: version 1").Click();

        var revisions = (await Store.FindAsync(article.ArticleId, CancellationToken.None))!.Value.Revisions;
        Assert.Equal(4, revisions.Count);
        Assert.Equal(("Wall calf stretch", "Restored version 1."), (revisions[3].Title, revisions[3].ChangeSummary));
        Assert.EndsWith($"/editor/guidance/{article.ArticleId}?restored=1", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
