using LegCrampCare.Tests.Shared;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Guidance;

/// <summary>Editing guidance through the service: who may, revisions, concurrency, and the approval workflow.</summary>
public sealed class GuidanceEditorServiceTests
{
    private readonly FakeCurrentUser _user = new();
    private readonly InMemoryGuidanceStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly GuidanceEditorService _service;
    private readonly GuidanceService _readers;

    public GuidanceEditorServiceTests()
    {
        _service = new GuidanceEditorService(_user, _store, _names, _time, NullLogger<GuidanceEditorService>.Instance);
        _readers = new GuidanceService(_store, _time);
    }

    /// <summary>Every account has a sign-in name; approvers have a public name unless a test removes it.</summary>
    private sealed class Names : IStaffDirectory
    {
        public HashSet<string> WithoutPublicName { get; } = [];

        public Task<StaffMember?> FindAsync(string userId, CancellationToken ct) => Task.FromResult<StaffMember?>(new StaffMember(
            userId + "@example.org",
            userId.StartsWith("approver", StringComparison.Ordinal) && !WithoutPublicName.Contains(userId) ? "Name of " + userId : null));

        // The editor service never looks staff up by email.
        public Task<string?> FindIdByEmailAsync(string email, string role, CancellationToken ct) => Task.FromResult<string?>(null);
    }

    private readonly Names _names = new();

    private void As(string userId, params string[] roles) => _user.User = new CurrentUserInfo(userId, roles.ToHashSet());

    private static GuidanceDraft Draft(string slug = "wall-calf-stretch", string title = "Wall calf stretch") => new()
    {
        Title = title,
        Slug = slug,
        Summary = "A stretch to do before bed.",
        Topic = "Stretches and exercises",
        BodyMarkdown = "## Steps\n\n1. Face a wall.",
        Sources = [new GuidanceSource("NHS", "https://www.nhs.uk/")],
        ChangeSummary = "First version.",
    };

    private async Task<EditorArticle> CreateAsync(string editor = "editor-1")
    {
        As(editor, Roles.Editor);
        var created = await _service.SaveDraftAsync(Draft());
        Assert.Equal(ResultStatus.Ok, created.Status);
        return created.Value!;
    }

    [Theory]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.Midwife)]
    [InlineData(Roles.Admin)]
    public async Task EveryCall_ByAnyoneButEditorsAndApprovers_IsNotFound(string role)
    {
        var article = await CreateAsync();
        As("someone", role);

        Assert.Equal(ResultStatus.NotFound, (await _service.ListAsync()).Status);
        Assert.Equal(ResultStatus.NotFound, (await _service.GetAsync(article.ArticleId)).Status);
        Assert.Equal(ResultStatus.NotFound, (await _service.SaveDraftAsync(Draft() with { ArticleId = article.ArticleId, ExpectedVersion = article.Version })).Status);
        Assert.Equal(ResultStatus.NotFound, (await _service.SubmitAsync(article.ArticleId, article.Version)).Status);
        Assert.Equal(ResultStatus.NotFound, (await _service.ApproveAsync(article.ArticleId, article.Version)).Status);
        Assert.Equal(ResultStatus.NotFound, (await _service.ReturnAsync(article.ArticleId, article.Version, "no")).Status);
        Assert.Equal(ResultStatus.NotFound, (await _service.RestoreAsync(article.ArticleId, 1, article.Version)).Status);
        Assert.Equal(ResultStatus.NotFound, (await _service.GetRevisionAsync(article.ArticleId, 1)).Status);
        Assert.Single((await _store.FindAsync(article.ArticleId, CancellationToken.None))!.Value.Revisions);
    }

    [Fact]
    public async Task SaveDraft_EverySaveIsANewRevisionWithAuthorTimeAndWhatChanged()
    {
        var article = await CreateAsync();

        var second = await _service.SaveDraftAsync(Draft(title: "Wall stretch") with
        {
            ArticleId = article.ArticleId, ExpectedVersion = article.Version, ChangeSummary = "Shorter title.",
        });

        Assert.Equal(ResultStatus.Ok, second.Status);
        var revisions = second.Value!.Revisions;
        Assert.Equal([2, 1], revisions.Select(r => r.Number));
        Assert.Equal(("editor-1@example.org", "Shorter title.", RevisionState.Draft), (revisions[0].AuthorName, revisions[0].ChangeSummary, revisions[0].State));
        Assert.Equal("Wall stretch", second.Value.Latest.Title);
        Assert.Equal(article.Version + 1, second.Value.Version);
    }

    [Fact]
    public async Task SaveDraft_StartedFromAnOlderVersion_IsAConflictAndSavesNothing()
    {
        var article = await CreateAsync();
        As("editor-2", Roles.Editor);
        await _service.SaveDraftAsync(Draft(title: "Editor two") with { ArticleId = article.ArticleId, ExpectedVersion = article.Version, ChangeSummary = "Two." });
        As("editor-1", Roles.Editor);

        var late = await _service.SaveDraftAsync(Draft(title: "Editor one") with { ArticleId = article.ArticleId, ExpectedVersion = article.Version, ChangeSummary = "One." });

        Assert.Equal(ResultStatus.Conflict, late.Status);
        Assert.Equal(GuidanceEditorService.ConflictMessage, Assert.Single(late.Errors).Message);
        var stored = (await _service.GetAsync(article.ArticleId)).Value!;
        Assert.Equal("Editor two", stored.Latest.Title);
        Assert.Equal(2, stored.Revisions.Count);
    }

    [Fact]
    public async Task SaveDraft_InvalidOrDuplicateSlug_IsRefusedAndSavesNothing()
    {
        var article = await CreateAsync();
        var other = await _service.SaveDraftAsync(Draft(slug: "footwear", title: "Footwear"));

        var duplicate = await _service.SaveDraftAsync(Draft(slug: "wall-calf-stretch") with { ArticleId = other.Value!.ArticleId, ExpectedVersion = other.Value.Version });
        var invalid = await _service.SaveDraftAsync(Draft() with { ArticleId = article.ArticleId, ExpectedVersion = article.Version, Title = "" });

        Assert.Equal(ResultStatus.Invalid, duplicate.Status);
        Assert.Equal("Web address: another article already uses \"wall-calf-stretch\". Choose another.", duplicate.ErrorFor("Slug"));
        Assert.Equal(ResultStatus.Invalid, invalid.Status);
        Assert.Equal("Title: enter a title.", invalid.ErrorFor("Title"));
        Assert.Single((await _service.GetAsync(article.ArticleId)).Value!.Revisions);
        Assert.Single((await _service.GetAsync(other.Value.ArticleId)).Value!.Revisions);
    }

    [Fact]
    public async Task Workflow_DraftSubmittedThenApprovedByAnotherApprover_IsPublishedForReaders()
    {
        var article = await CreateAsync();
        var submitted = (await _service.SubmitAsync(article.ArticleId, article.Version)).Value!;
        Assert.Equal(RevisionState.AwaitingApproval, submitted.LatestState);
        Assert.Null(await _readers.GetAsync("wall-calf-stretch")); // nothing readable until approved

        As("approver-1", Roles.ClinicalApprover);
        var approved = await _service.ApproveAsync(article.ArticleId, submitted.Version);

        Assert.Equal(ResultStatus.Ok, approved.Status);
        Assert.Equal(RevisionState.Published, approved.Value!.LatestState);
        var read = (await _readers.GetAsync("wall-calf-stretch"))!;
        Assert.False(read.AwaitingApproval);
        Assert.Equal(("Name of approver-1", "Clinical approver"), (read.ApprovedByName, read.ApprovedByRole));
        Assert.Equal(new DateOnly(2026, 11, 26), read.ApprovedOn);
    }

    [Fact]
    public async Task Approve_VersionWithHttpLinks_NeedsTheApproversConfirmation()
    {
        As("editor-1", Roles.Editor);
        var article = (await _service.SaveDraftAsync(Draft() with
        {
            BodyMarkdown = "See [the old leaflet](http://leaflets.example/cramps).",
            Sources = [new GuidanceSource("Old site", "http://old.example/")],
        })).Value!;
        var submitted = (await _service.SubmitAsync(article.ArticleId, article.Version)).Value!;
        As("approver-1", Roles.ClinicalApprover);

        var refused = await _service.ApproveAsync(article.ArticleId, submitted.Version);

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(GuidanceEditorService.PlainHttpLinksMessage(["http://leaflets.example/cramps", "http://old.example/"]), refused.ErrorFor("Approval"));
        Assert.StartsWith("This version links to 2 pages without a secure connection: http://leaflets.example/cramps, http://old.example/.", refused.ErrorFor("Approval"), StringComparison.Ordinal);
        Assert.Null(await _readers.GetAsync("wall-calf-stretch"));

        var approved = await _service.ApproveAsync(article.ArticleId, submitted.Version, confirmPlainHttpLinks: true);

        Assert.Equal(RevisionState.Published, approved.Value!.LatestState);
    }

    [Fact]
    public async Task Save_TextWithAProtocolRelativeLink_IsRefusedNamingTheLinkAndNothingSaved()
    {
        As("editor-1", Roles.Editor);

        var result = await _service.SaveDraftAsync(Draft() with { BodyMarkdown = "See [this](//evil.example/cramps)." });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith("Text: the link \"//evil.example/cramps\" can't be used.", result.ErrorFor(nameof(GuidanceDraft.BodyMarkdown)), StringComparison.Ordinal);
        Assert.Empty((await _service.ListAsync()).Value!);
    }

    [Fact]
    public async Task GetRevision_AnyVersion_GivesItsTextAndDetails()
    {
        var article = await CreateAsync();
        await _service.SaveDraftAsync(Draft(title: "Wall stretch") with { ArticleId = article.ArticleId, ExpectedVersion = article.Version, BodyMarkdown = "New text." });

        var first = await _service.GetRevisionAsync(article.ArticleId, 1);
        var second = await _service.GetRevisionAsync(article.ArticleId, 2);

        Assert.Equal(("Wall calf stretch", "## Steps\n\n1. Face a wall."), (first.Value!.Title, first.Value.BodyMarkdown));
        Assert.Equal(("Wall stretch", "New text."), (second.Value!.Title, second.Value.BodyMarkdown));
        Assert.Equal(ResultStatus.NotFound, (await _service.GetRevisionAsync(article.ArticleId, 3)).Status);
    }

    [Fact]
    public async Task Approve_ApproverWithoutAPublicName_IsRefusedAndNothingIsPublished()
    {
        var article = await CreateAsync();
        var submitted = (await _service.SubmitAsync(article.ArticleId, article.Version)).Value!;
        As("approver-2", Roles.ClinicalApprover);
        _names.WithoutPublicName.Add("approver-2");

        var approved = await _service.ApproveAsync(article.ArticleId, submitted.Version);

        Assert.Equal(ResultStatus.Invalid, approved.Status);
        Assert.Equal(GuidanceEditorService.NoPublicNameMessage, approved.ErrorFor("Approval"));
        Assert.Null(await _readers.GetAsync("wall-calf-stretch"));
        Assert.Equal(RevisionState.AwaitingApproval, (await _service.GetAsync(article.ArticleId)).Value!.LatestState);
    }

    [Fact]
    public async Task Approve_ByAnApproverWhoWroteTheDraft_IsRefused()
    {
        As("approver-1", Roles.Editor, Roles.ClinicalApprover);
        var created = (await _service.SaveDraftAsync(Draft())).Value!;
        var submitted = (await _service.SubmitAsync(created.ArticleId, created.Version)).Value!;

        var approved = await _service.ApproveAsync(created.ArticleId, submitted.Version);

        Assert.Equal(ResultStatus.Invalid, approved.Status);
        Assert.Equal("You wrote part of this version, so someone else must approve it.", approved.ErrorFor("Approval"));
        Assert.Equal(RevisionState.AwaitingApproval, (await _service.GetAsync(created.ArticleId)).Value!.LatestState);
    }

    [Fact]
    public async Task SafetyCritical_AnEditorWithoutApproval_CannotPublishIt()
    {
        As("editor-1", Roles.Editor);
        var created = (await _service.SaveDraftAsync(Draft(slug: "when-to-get-help", title: "When to get help") with { IsSafetyCritical = true, Topic = "When to get help" })).Value!;
        var submitted = (await _service.SubmitAsync(created.ArticleId, created.Version)).Value!;

        var approved = await _service.ApproveAsync(created.ArticleId, submitted.Version);

        Assert.Equal(ResultStatus.Invalid, approved.Status);
        Assert.Null(await _readers.GetAsync("when-to-get-help"));
    }

    [Fact]
    public async Task Return_WithAComment_GoesBackToTheEditor()
    {
        var article = await CreateAsync();
        var submitted = (await _service.SubmitAsync(article.ArticleId, article.Version)).Value!;
        As("approver-1", Roles.ClinicalApprover);

        var returned = await _service.ReturnAsync(article.ArticleId, submitted.Version, "  Please cite the NHS page.  ");
        var refused = await _service.ReturnAsync(article.ArticleId, returned.Value!.Version, "");

        Assert.Equal(RevisionState.Returned, returned.Value.LatestState);
        Assert.Equal("Please cite the NHS page.", returned.Value.Revisions[0].ReturnComment);
        Assert.Equal(ResultStatus.Invalid, refused.Status);
    }

    [Fact]
    public async Task Restore_AnOldRevision_IsANewDraftWithItsContent()
    {
        var article = await CreateAsync();
        var edited = (await _service.SaveDraftAsync(Draft(title: "Changed") with { ArticleId = article.ArticleId, ExpectedVersion = article.Version, ChangeSummary = "c" })).Value!;

        var restored = await _service.RestoreAsync(article.ArticleId, 1, edited.Version);

        Assert.Equal(ResultStatus.Ok, restored.Status);
        Assert.Equal([3, 2, 1], restored.Value!.Revisions.Select(r => r.Number));
        Assert.Equal("Wall calf stretch", restored.Value.Latest.Title);
        Assert.Equal("Restored version 1.", restored.Value.Revisions[0].ChangeSummary);
        Assert.Equal(ResultStatus.Invalid, (await _service.RestoreAsync(article.ArticleId, 9, restored.Value.Version)).Status);
    }

    [Fact]
    public async Task List_OverdueAndAwaitingApprovalComeFirst()
    {
        _store.AddReadable("seeded-one"); // a seeded revision awaits approval
        var draft = await CreateAsync();
        As("editor-1", Roles.Editor);

        var rows = (await _service.ListAsync()).Value!;

        Assert.Equal(EditorState.AwaitingApproval, rows[0].State);
        Assert.Equal(EditorState.Draft, rows.Single(r => r.ArticleId == draft.ArticleId).State);
    }
}
