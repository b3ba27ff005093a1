using Bunit;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Web.Components.Pages.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Components.Editor;

public sealed class GuidanceEditorPageTests : GuidanceEditorTestBase
{
    private IRenderedComponent<GuidanceEditorPage> Open(Guid? id = null) =>
        Render<GuidanceEditorPage>(p => p.Add(c => c.Id, id));

    private static void Fill(IRenderedComponent<GuidanceEditorPage> cut, GuidanceDraft d)
    {
        cut.FindByLabel(TitleLabel).Input(d.Title);
        cut.FindByLabel(SlugLabel).Input(d.Slug);
        cut.FindByLabel(SummaryLabel).Input(d.Summary);
        cut.FindByLabel(TopicLabel).Change(d.Topic);
        cut.FindByLabel(BodyLabel).Input(d.BodyMarkdown);
        for (var i = 0; i < d.Sources.Count; i++)
        {
            if (i > 0)
            {
                cut.FindButton("Add a source").Click();
            }

            cut.FindByLabel($"Source {i + 1}: title (up to 200 characters)").Input(d.Sources[i].Title);
            cut.FindByLabel($"Source {i + 1}: web address").Input(d.Sources[i].Url);
        }

        cut.FindByLabel(ChangeLabel).Input(d.ChangeSummary);
    }

    [Theory]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.Midwife)]
    [InlineData(Roles.Admin)]
    public async Task Open_ByAnyoneButEditorsAndApprovers_IsNotFoundAndShowsNothingOfTheArticle(string role)
    {
        var article = await CreateAsync();
        As("someone", role);

        var existing = Open(article.ArticleId);
        var created = Open();

        Assert.Equal("Not found", existing.Find("h1").TextContent);
        Assert.DoesNotContain("Wall calf stretch", existing.Markup, StringComparison.Ordinal);
        Assert.Equal("Not found", created.Find("h1").TextContent);
        Assert.Empty(created.FindAll("textarea"));
    }

    [Fact]
    public void NewArticle_TypingATitle_SuggestsTheWebAddressAndThePreviewRendersAsReadersSeeIt()
    {
        var cut = Open();

        cut.FindByLabel(TitleLabel).Input("Sleep position (left side)");
        cut.FindByLabel(BodyLabel).Input("## Try this\n\n- a pillow **between** your knees\n\n<script>alert(1)</script>");

        Assert.Equal("sleep-position-left-side", cut.FindByLabel(SlugLabel).GetAttribute("value"));
        var preview = cut.Find("[data-testid=preview]");
        Assert.Equal("Sleep position (left side)", preview.QuerySelector("#preview-title")!.TextContent);
        Assert.Equal("Try this", preview.QuerySelector(".lcc-article-body h2")!.TextContent);
        Assert.Equal("between", preview.QuerySelector(".lcc-article-body li strong")!.TextContent);
        Assert.Null(preview.QuerySelector("script"));
        Assert.Contains("Awaiting approval by your organisation's clinical approver.", preview.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_EmptyForm_NamesEveryFieldAndSavesNothing()
    {
        var cut = Open();
        cut.FindByLabel("Source 1: title (up to 200 characters)").Input("NHS");

        cut.FindButton("Save draft").Click();

        var alert = cut.Find("[data-testid=errors]");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Contains("Nothing was saved or changed.", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Title: enter a title.", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sources: each source needs a web address starting with https:// or http://.", cut.Find("[data-testid=sources-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.FindByLabel(TitleLabel).GetAttribute("aria-invalid"));
        Assert.Equal("Title: enter a title.", cut.Find("#title-error").TextContent);
        Assert.Empty(Stored);
    }

    [Theory]
    [InlineData("wall calf", "Web address: only lower-case letters")]
    [InlineData("wall-calf-stretch\u200b", "Web address: only lower-case letters")]
    [InlineData("wаll-calf", "Web address: only lower-case letters")] // Cyrillic а
    public void Save_BadWebAddress_SaysWhatIsAllowedAndSavesNothing(string slug, string message)
    {
        var cut = Open();
        Fill(cut, Draft() with { Slug = slug });

        cut.FindButton("Save draft").Click();

        Assert.StartsWith(message, cut.Find("#slug-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(Stored);
    }

    [Fact]
    public async Task Save_DuplicateWebAddress_SaysSoAndSavesNothing()
    {
        await CreateAsync();
        var cut = Open();
        Fill(cut, Draft());

        cut.FindButton("Save draft").Click();

        Assert.Equal("Web address: another article already uses \"wall-calf-stretch\". Choose another.", cut.Find("#slug-error").TextContent);
        Assert.Single(Stored);
    }

    [Fact]
    public void Save_A200KilobyteText_IsRefusedWithTheLimitAndSavesNothing()
    {
        var cut = Open();
        Fill(cut, Draft(body: new string('a', 200 * 1024)));

        cut.FindButton("Save draft").Click();

        Assert.Equal("Text: at most 100,000 characters (this has 204,800).", cut.Find("#body-error").TextContent);
        Assert.Empty(Stored);
    }

    [Fact]
    public void Save_Valid_SavesADraftAndSendsItForApproval()
    {
        var cut = Open();
        Fill(cut, Draft());

        cut.FindButton("Save draft").Click();

        Assert.Contains("Saved as version 1, a draft.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Draft", cut.Find("[data-testid=state]").TextContent, StringComparison.Ordinal);

        cut.FindButton("Send for approval").Click();

        Assert.Contains("Sent for approval.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        var (article, revisions) = Stored.Single();
        Assert.Equal(RevisionState.AwaitingApproval, revisions.Single().State);
        Assert.Equal("editor-1@example.org", revisions.Single().AuthorName);
        Assert.Equal(("Wall calf stretch", "First version."), (revisions[0].Title, revisions[0].ChangeSummary));
        Assert.Empty(cut.QueryButtons("Approve and publish"));
        Assert.Contains("Waiting for a clinical approver.", cut.Find("[data-testid=approval]").TextContent, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, article.Id);
    }

    [Fact]
    public async Task Edit_ChangedThenSendForApproval_SavesTheChangeFirst()
    {
        var article = await CreateAsync();
        var cut = Open(article.ArticleId);

        cut.FindByLabel(TitleLabel).Input("Wall stretch for calves");
        cut.FindByLabel(ChangeLabel).Input("Clearer title.");
        cut.FindButton("Save and send for approval").Click();

        var revisions = (await Store.FindAsync(article.ArticleId, CancellationToken.None))!.Value.Revisions;
        Assert.Equal(2, revisions.Count);
        Assert.Equal(("Wall stretch for calves", RevisionState.AwaitingApproval), (revisions[1].Title, revisions[1].State));
    }

    [Fact]
    public async Task Approve_ByAnotherApprover_PublishesItForReaders()
    {
        var article = await CreateAsync(submit: true);
        As("approver-1", Roles.ClinicalApprover);
        var cut = Open(article.ArticleId);

        cut.FindButton("Approve and publish").Click();

        Assert.Contains("Approved and published.", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        var readable = await new GuidanceService(Store, Time).GetAsync("wall-calf-stretch");
        Assert.Equal(("Dr approver-1", "Clinical approver"), (readable!.ApprovedByName, readable.ApprovedByRole));
    }

    [Fact]
    public async Task Approve_ByTheApproverWhoWroteIt_IsRefusedWithTheReason()
    {
        var service = ServiceAs("approver-1", Roles.Editor, Roles.ClinicalApprover);
        var created = (await service.SaveDraftAsync(Draft())).Value!;
        await service.SubmitAsync(created.ArticleId, created.Version);
        As("approver-1", Roles.Editor, Roles.ClinicalApprover);
        var cut = Open(created.ArticleId);

        cut.FindButton("Approve and publish").Click();

        Assert.Contains("You wrote part of this version, so someone else must approve it.", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Null(await new GuidanceService(Store, Time).GetAsync("wall-calf-stretch"));
    }

    [Fact]
    public async Task Approve_VersionWithAnHttpLink_TheApproverConfirmsItFirst()
    {
        var article = await CreateAsync(Draft(body: "Read [the old leaflet](http://leaflets.example/cramps)."), submit: true);
        As("approver-1", Roles.ClinicalApprover);
        var approver = Open(article.ArticleId);
        Assert.Contains("without a secure connection: http://leaflets.example/cramps", approver.Find("[data-testid=http-links]").TextContent, StringComparison.Ordinal);

        approver.FindButton("Approve and publish").Click();

        Assert.Contains("Check that each site has no https:// version", approver.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Null(await new GuidanceService(Store, Time).GetAsync("wall-calf-stretch"));

        approver.Find("#confirm-http").Change(true);
        approver.FindButton("Approve and publish").Click();

        Assert.NotNull(await new GuidanceService(Store, Time).GetAsync("wall-calf-stretch"));
    }

    [Fact]
    public void Save_TextWithASlashlessLink_NamesTheLinkAndSavesNothing()
    {
        var cut = Open();
        Fill(cut, Draft(body: "Read [this](https:evil.example)."));

        cut.FindButton("Save draft").Click();

        Assert.StartsWith("Text: the link \"https:evil.example\" can't be used.", cut.Find("#body-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(Stored);
    }

    [Fact]
    public async Task Return_WithAComment_TheEditorSeesTheComment()
    {
        var article = await CreateAsync(submit: true);
        As("approver-1", Roles.ClinicalApprover);
        var approver = Open(article.ArticleId);

        approver.FindButton("Return with this comment").Click();
        Assert.Contains("write a comment", approver.Find("#return-error").TextContent, StringComparison.Ordinal);

        approver.FindByLabel("What needs to change (to return it; up to 2,000 characters)").Input("Say how long to hold the stretch.");
        approver.FindButton("Return with this comment").Click();

        As("editor-2", Roles.Editor);
        var editor = Open(article.ArticleId);
        var returned = editor.Find("[data-testid=returned]");
        Assert.Contains("Say how long to hold the stretch.", returned.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(editor.QueryButtons("Send for approval"));
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSavedDifferentParts_OffersToCombineAndKeepsBothChanges()
    {
        var article = await CreateAsync();
        var cut = Open(article.ArticleId);
        cut.FindByLabel(BodyLabel).Input("## Steps\n\nFace a wall, hands on it.\n\nStep back with one leg.\n\nHold for 30 seconds.");
        cut.FindByLabel(ChangeLabel).Input("Hands on the wall.");
        // Meanwhile a second editor changes the last step and the title.
        var theirs = await ServiceAs("editor-3", Roles.Editor).SaveDraftAsync(Draft(body: "## Steps\n\nFace a wall.\n\nStep back with one leg.\n\nHold for 30 to 60 seconds.") with
        {
            ArticleId = article.ArticleId, ExpectedVersion = article.Version, Title = "Wall stretch", ChangeSummary = "Longer hold.",
        });
        Assert.True(theirs.IsOk);

        cut.FindButton("Save draft").Click();

        var conflict = cut.Find("[data-testid=conflict]");
        Assert.Equal("alert", conflict.GetAttribute("role"));
        Assert.Contains("editor-3@example.org saved version 2", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("can be combined", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await Store.FindAsync(article.ArticleId, CancellationToken.None))!.Value.Revisions.Count);

        cut.FindButton("Combine them").Click();
        cut.FindButton("Save draft").Click();

        var revisions = (await Store.FindAsync(article.ArticleId, CancellationToken.None))!.Value.Revisions;
        Assert.Equal(3, revisions.Count);
        Assert.Equal("## Steps\n\nFace a wall, hands on it.\n\nStep back with one leg.\n\nHold for 30 to 60 seconds.", revisions[2].BodyMarkdown);
        Assert.Equal(("Wall stretch", "Hands on the wall."), (revisions[2].Title, revisions[2].ChangeSummary));
    }

    [Fact]
    public async Task Save_AfterSomeoneElseChangedTheSameLine_LetsTheEditorChooseAndLosesNothing()
    {
        var article = await CreateAsync();
        var cut = Open(article.ArticleId);
        cut.FindByLabel(BodyLabel).Input("## Steps\n\nFace a wall.\n\nStep back with one leg.\n\nHold for 45 seconds.");
        cut.FindByLabel(ChangeLabel).Input("My hold time.");
        await ServiceAs("editor-3", Roles.Editor).SaveDraftAsync(Draft(body: "## Steps\n\nFace a wall.\n\nStep back with one leg.\n\nHold for 60 seconds.") with
        {
            ArticleId = article.ArticleId, ExpectedVersion = article.Version, ChangeSummary = "Their hold time.",
        });

        cut.FindButton("Save draft").Click();

        var part = cut.FindQuestion("Text, part 1 of 1");
        Assert.Contains("Hold for 45 seconds.", part.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hold for 60 seconds.", part.TextContent, StringComparison.Ordinal);
        part.ButtonIn("Keep theirs").Click();
        cut.FindButton("Combine with my choices").Click();

        Assert.Equal("## Steps\n\nFace a wall.\n\nStep back with one leg.\n\nHold for 60 seconds.", cut.FindByLabel(BodyLabel).GetAttribute("value") ?? cut.FindByLabel(BodyLabel).TextContent);
        cut.FindButton("Save draft").Click();
        var revisions = (await Store.FindAsync(article.ArticleId, CancellationToken.None))!.Value.Revisions;
        Assert.Equal(3, revisions.Count);
        Assert.EndsWith("Hold for 60 seconds.", revisions[2].BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AfterARestore_SaysWhichVersionWasRestored()
    {
        var article = await CreateAsync();
        var second = (await ServiceAs("editor-2", Roles.Editor).SaveDraftAsync(Draft() with { ArticleId = article.ArticleId, ExpectedVersion = article.Version, Title = "Changed" })).Value!;
        await ServiceAs("editor-2", Roles.Editor).RestoreAsync(article.ArticleId, 1, second.Version);

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/editor/guidance/{article.ArticleId}?restored=1");
        var cut = Open(article.ArticleId);

        Assert.Contains("Version 1 was restored as a new draft (version 3).", cut.Find("[role=status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Wall calf stretch", cut.FindByLabel(TitleLabel).GetAttribute("value"));
    }
}
