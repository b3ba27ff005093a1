using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Tests.Shared;
using LegCrampCare.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LegCrampCare.Web.Tests.Components.Editor;

/// <summary>
/// The editor pages over the real <see cref="GuidanceEditorService"/> and an in-memory store, so the pages are tested
/// against the real workflow, validation and concurrency rules. <see cref="As"/> switches who is signed in.
/// </summary>
public abstract class GuidanceEditorTestBase : ComponentTestBase
{
    public const string TitleLabel = "Title (up to 200 characters, one line)";
    public const string SlugLabel = "Web address";
    public const string SummaryLabel = "Summary (one plain sentence of up to 300 characters, shown under the title and in the list)";
    public const string TopicLabel = "Topic";
    public const string BodyLabel = "Text (Markdown: ## for a heading, - for a list, [words](https://…) for a link)";
    public const string ChangeLabel = "What you changed and why (up to 500 characters, kept in the history)";

    protected GuidanceEditorTestBase() => As("editor-1", Roles.Editor);

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IGuidanceStore>(Store);
        services.AddSingleton<IStaffDirectory>(new Staff());
        services.AddSingleton<GuidanceRenderer>();
        services.AddScoped<IGuidanceEditorService>(sp => Service(sp.GetRequiredService<ICurrentUser>()));
    }

    protected InMemoryGuidanceStore Store { get; } = new();

    /// <summary>What is stored now (the in-memory store answers synchronously).</summary>
    protected IReadOnlyList<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)> Stored =>
        Store.ListAllAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The service as another user would call it (e.g. a second editor saving at the same time).</summary>
    protected GuidanceEditorService ServiceAs(string userId, params string[] roles) =>
        Service(new FixedUser(new CurrentUserInfo(userId, roles.ToHashSet())));

    protected void As(string userId, params string[] roles) => CurrentUser.User = new CurrentUserInfo(userId, roles.ToHashSet());

    protected static GuidanceDraft Draft(string body = "## Steps\n\nFace a wall.\n\nStep back with one leg.\n\nHold for 30 seconds.") => new()
    {
        Title = "Wall calf stretch",
        Slug = "wall-calf-stretch",
        Summary = "A stretch to do before bed.",
        Topic = "Stretches and exercises",
        BodyMarkdown = body,
        Sources = [new GuidanceSource("NHS: leg cramps", "https://www.nhs.uk/conditions/leg-cramps/")],
        ChangeSummary = "First version.",
    };

    /// <summary>An article written by editor-2 (so editor-1 and the approvers are free to approve it).</summary>
    protected async Task<EditorArticle> CreateAsync(GuidanceDraft? draft = null, bool submit = false)
    {
        var service = ServiceAs("editor-2", Roles.Editor);
        var created = await service.SaveDraftAsync(draft ?? Draft());
        Assert.Equal(ResultStatus.Ok, created.Status);
        return submit ? (await service.SubmitAsync(created.Value!.ArticleId, created.Value.Version)).Value! : created.Value!;
    }

    private GuidanceEditorService Service(ICurrentUser user) =>
        new(user, Store, new Staff(), Time, NullLogger<GuidanceEditorService>.Instance);

    private sealed class FixedUser(CurrentUserInfo user) : ICurrentUser
    {
        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(user);
    }

    /// <summary>Approvers have a public name ("Dr approver-1"); everyone has a sign-in name.</summary>
    private sealed class Staff : IStaffDirectory
    {
        public Task<StaffMember?> FindAsync(string userId, CancellationToken ct) => Task.FromResult<StaffMember?>(
            new StaffMember(userId + "@example.org", userId.StartsWith("approver", StringComparison.Ordinal) ? "Dr " + userId : null));

        public Task<string?> FindIdByEmailAsync(string email, string role, CancellationToken ct) => Task.FromResult<string?>(null);
    }
}
