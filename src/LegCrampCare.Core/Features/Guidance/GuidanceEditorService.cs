using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>Where an article stands, for the editors' list.</summary>
public enum EditorState
{
    ReviewOverdue = 0,
    AwaitingApproval = 1,
    Returned = 2,
    Draft = 3,
    Published = 4,
}

public sealed record EditorArticleRow(Guid ArticleId, string Slug, string Title, string Topic, EditorState State, DateOnly? NextReviewDue, bool IsSafetyCritical, int Version);

public sealed record RevisionSummary(Guid Id, int Number, RevisionState State, string AuthorName, DateTime CreatedAtUtc, string ChangeSummary, string? ReturnComment, string? ApprovedByName, DateTime? ApprovedAtUtc);

/// <summary>An article as an editor works on it: the newest revision as a draft to edit, and its history.</summary>
public sealed record EditorArticle(Guid ArticleId, int Version, RevisionState LatestState, GuidanceDraft Latest, IReadOnlyList<RevisionSummary> Revisions);

public interface IGuidanceEditorService
{
    Task<ServiceResult<IReadOnlyList<EditorArticleRow>>> ListAsync(CancellationToken ct = default);

    Task<ServiceResult<EditorArticle>> GetAsync(Guid articleId, CancellationToken ct = default);

    /// <summary>One revision's text and details (for comparing versions).</summary>
    Task<ServiceResult<GuidanceDraft>> GetRevisionAsync(Guid articleId, int revisionNumber, CancellationToken ct = default);

    /// <summary>Every save is a new draft revision. A stale <see cref="GuidanceDraft.ExpectedVersion"/> gives Conflict and saves nothing.</summary>
    Task<ServiceResult<EditorArticle>> SaveDraftAsync(GuidanceDraft draft, CancellationToken ct = default);

    Task<ServiceResult<EditorArticle>> SubmitAsync(Guid articleId, int expectedVersion, CancellationToken ct = default);

    /// <summary>
    /// Publishes the newest version. A version with plain http:// links (text or sources) needs
    /// <paramref name="confirmPlainHttpLinks"/>: the approver has checked that those sites have no https:// version.
    /// </summary>
    Task<ServiceResult<EditorArticle>> ApproveAsync(Guid articleId, int expectedVersion, bool confirmPlainHttpLinks = false, CancellationToken ct = default);

    Task<ServiceResult<EditorArticle>> ReturnAsync(Guid articleId, int expectedVersion, string comment, CancellationToken ct = default);

    /// <summary>An old revision's content as a new draft.</summary>
    Task<ServiceResult<EditorArticle>> RestoreAsync(Guid articleId, int revisionNumber, int expectedVersion, CancellationToken ct = default);
}

/// <summary>
/// Editing guidance. Only editors and clinical approvers reach it; anyone else gets "not found". Approving and
/// returning follow <see cref="GuidanceWorkflow"/>, the only way anything is published.
/// </summary>
public sealed class GuidanceEditorService(
    ICurrentUser currentUser,
    IGuidanceStore store,
    IStaffDirectory staff,
    TimeProvider time,
    ILogger<GuidanceEditorService> logger) : IGuidanceEditorService
{
    /// <summary>
    /// A link no version may be published with (saved before the link rule, or seeded): the approver returns it.
    /// </summary>
    private static string? LinkProblemForPublishing(string body, IReadOnlyList<GuidanceSource> sources)
    {
        var problem = GuidanceDraftValidator.LinkProblem(body) ??
                      (sources.FirstOrDefault(s => GuidanceLinkRules.Classify(s.Url) is not (GuidanceLinkKind.Secure or GuidanceLinkKind.PlainHttp)) is { } bad
                          ? $"the source address \"{GuidanceLinkRules.Shown(bad.Url)}\" can't be used: a source starts with https://."
                          : null);
        return problem is null ? null : "This version can't be published: " + problem + " Return it so the editor can change it.";
    }

    /// <summary>Why a version with http:// links waits for the approver's confirmation, naming them.</summary>
    public static string PlainHttpLinksMessage(IReadOnlyList<string> links) =>
        $"This version links to {(links.Count == 1 ? "a page" : $"{links.Count} pages")} without a secure connection: " +
        string.Join(", ", links.Select(GuidanceLinkRules.Shown)) +
        ". Check that each site has no https:// version, then tick \"I have checked the http:// links\" and approve; or return it so the editor changes them to https://.";

    /// <summary>The field of the approver's comment when she returns a version.</summary>
    public const string ReturnCommentField = "Return";

    public const string ConflictMessage =
        "Someone else saved this article after you opened it. Nothing you typed is lost: compare your text with theirs, then save again.";

    /// <summary>Readers see the approver's name on the page, so it must be a name set for that purpose, never a sign-in email.</summary>
    public const string NoPublicNameMessage =
        "Readers see the approver's name on the page, and yours has not been set. Ask an admin to set your name for approved guidance (Users → your account), then approve.";

    public async Task<ServiceResult<IReadOnlyList<EditorArticleRow>>> ListAsync(CancellationToken ct = default)
    {
        if (await EditorAsync(ct) is null)
        {
            return ServiceResult<IReadOnlyList<EditorArticleRow>>.NotFound();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = (await store.ListAllAsync(ct))
            .Where(a => a.Revisions.Count > 0)
            .Select(a => Row(a.Article, a.Revisions, today))
            .OrderBy(r => r.State)
            .ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return ServiceResult<IReadOnlyList<EditorArticleRow>>.Ok(rows);
    }

    public async Task<ServiceResult<EditorArticle>> GetAsync(Guid articleId, CancellationToken ct = default)
    {
        if (await EditorAsync(ct) is null || await store.FindAsync(articleId, ct) is not { } found)
        {
            return ServiceResult<EditorArticle>.NotFound();
        }

        return ServiceResult<EditorArticle>.Ok(View(found.Article, found.Revisions));
    }

    public async Task<ServiceResult<GuidanceDraft>> GetRevisionAsync(Guid articleId, int revisionNumber, CancellationToken ct = default)
    {
        if (await EditorAsync(ct) is null || await store.FindAsync(articleId, ct) is not { } found)
        {
            return ServiceResult<GuidanceDraft>.NotFound();
        }

        return found.Revisions.FirstOrDefault(r => r.Number == revisionNumber) is { } revision
            ? ServiceResult<GuidanceDraft>.Ok(ToDraft(found.Article, revision))
            : ServiceResult<GuidanceDraft>.NotFound();
    }

    public async Task<ServiceResult<EditorArticle>> SaveDraftAsync(GuidanceDraft draft, CancellationToken ct = default)
    {
        if (await EditorAsync(ct) is not { } user)
        {
            return ServiceResult<EditorArticle>.NotFound();
        }

        var validation = new GuidanceDraftValidator().Validate(draft);
        if (!validation.IsValid)
        {
            return ServiceResult<EditorArticle>.Invalid(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
        }

        if (await store.SlugTakenAsync(draft.Slug, draft.ArticleId, ct))
        {
            return ServiceResult<EditorArticle>.Invalid(nameof(GuidanceDraft.Slug), $"Web address: another article already uses \"{draft.Slug}\". Choose another.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var author = (await staff.FindAsync(user.UserId!, ct))?.WorkName ?? "Unknown editor";
        if (draft.ArticleId is not { } articleId)
        {
            var article = new GuidanceArticle { Id = Guid.NewGuid(), Slug = draft.Slug, IsSafetyCritical = draft.IsSafetyCritical, CreatedAtUtc = now, Version = 1 };
            var first = NewRevision(article.Id, 1, draft, user.UserId!, author, now);
            if (!await store.AddIfAbsentAsync(article, first, ct))
            {
                return ServiceResult<EditorArticle>.Invalid(nameof(GuidanceDraft.Slug), $"Web address: another article already uses \"{draft.Slug}\". Choose another.");
            }

            logger.LogInformation("Guidance article {ArticleId} created", article.Id);
            return await GetAsync(article.Id, ct);
        }

        if (await store.FindAsync(articleId, ct) is not { } found)
        {
            return ServiceResult<EditorArticle>.NotFound();
        }

        var next = NewRevision(articleId, found.Revisions.Max(r => r.Number) + 1, draft, user.UserId!, author, now);
        // The web address and the safety-critical mark are the article's; a published address only changes on publication.
        var changed = new GuidanceArticle { Id = articleId, Slug = found.Article.Slug, IsSafetyCritical = found.Article.IsSafetyCritical || draft.IsSafetyCritical };
        if (!await store.SaveAsync(changed, draft.ExpectedVersion, next, null, ct))
        {
            return ServiceResult<EditorArticle>.Conflict(ConflictMessage);
        }

        logger.LogInformation("Guidance article {ArticleId} revision {Number} saved as a draft", articleId, next.Number);
        return await GetAsync(articleId, ct);
    }

    public Task<ServiceResult<EditorArticle>> SubmitAsync(Guid articleId, int expectedVersion, CancellationToken ct = default) =>
        ChangeLatestAsync(articleId, expectedVersion, requireApprover: false, ct: ct, change: (latest, revisions, _, _) =>
        {
            var why = GuidanceWorkflow.WhyCannotSubmit(latest, revisions);
            if (why is null)
            {
                latest.State = RevisionState.AwaitingApproval;
            }

            return Task.FromResult(why);
        });

    public Task<ServiceResult<EditorArticle>> ApproveAsync(Guid articleId, int expectedVersion, bool confirmPlainHttpLinks = false, CancellationToken ct = default) =>
        ChangeLatestAsync(articleId, expectedVersion, requireApprover: true, ct: ct, change: async (latest, revisions, user, article) =>
        {
            var why = GuidanceWorkflow.WhyCannotApprove(latest, revisions, new CurrentApprover(user.UserId!, user.IsInRole(Roles.ClinicalApprover)));
            var sources = GuidanceService.ParseSources(latest.SourcesJson);
            why ??= LinkProblemForPublishing(latest.BodyMarkdown, sources);

            if (why is null && !confirmPlainHttpLinks &&
                GuidanceLinkRules.PlainHttpLinks(latest.BodyMarkdown, sources) is { Count: > 0 } plain)
            {
                why = PlainHttpLinksMessage(plain);
            }

            var publicName = (await staff.FindAsync(user.UserId!, ct))?.PublicName;
            if (why is null && string.IsNullOrWhiteSpace(publicName))
            {
                why = NoPublicNameMessage;
            }

            if (why is null)
            {
                latest.State = RevisionState.Published;
                latest.ApprovedById = user.UserId;
                latest.ApprovedByName = publicName;
                latest.ApprovedByRole = "Clinical approver";
                latest.ApprovedAtUtc = time.GetUtcNow().UtcDateTime;
                article.Slug = latest.Slug;
            }

            return why;
        });

    public async Task<ServiceResult<EditorArticle>> ReturnAsync(Guid articleId, int expectedVersion, string comment, CancellationToken ct = default)
    {
        if (TextInput.Problem(comment, GuidanceDraftValidator.MaxReturnComment, TextKind.MultiLine) is { } problem)
        {
            return await EditorAsync(ct) is null
                ? ServiceResult<EditorArticle>.NotFound()
                : ServiceResult<EditorArticle>.Invalid(ReturnCommentField, "What needs to change: " + problem);
        }

        return await ChangeLatestAsync(articleId, expectedVersion, requireApprover: true, ct: ct, change: (latest, revisions, user, _) =>
        {
            var why = GuidanceWorkflow.WhyCannotReturn(latest, revisions, new CurrentApprover(user.UserId!, user.IsInRole(Roles.ClinicalApprover)), comment);
            if (why is null)
            {
                latest.State = RevisionState.Returned;
                latest.ReturnComment = TextInput.Clean(comment);
            }

            return Task.FromResult(why);
        });
    }

    public async Task<ServiceResult<EditorArticle>> RestoreAsync(Guid articleId, int revisionNumber, int expectedVersion, CancellationToken ct = default)
    {
        if (await EditorAsync(ct) is null || await store.FindAsync(articleId, ct) is not { } found)
        {
            return ServiceResult<EditorArticle>.NotFound();
        }

        if (found.Revisions.FirstOrDefault(r => r.Number == revisionNumber) is not { } old)
        {
            return ServiceResult<EditorArticle>.Invalid("Revision", $"There is no version {revisionNumber} of this article.");
        }

        var draft = ToDraft(found.Article, old) with { ExpectedVersion = expectedVersion, ChangeSummary = $"Restored version {revisionNumber}." };
        return await SaveDraftAsync(draft, ct);
    }

    private async Task<ServiceResult<EditorArticle>> ChangeLatestAsync(
        Guid articleId,
        int expectedVersion,
        bool requireApprover,
        Func<GuidanceRevision, IReadOnlyList<GuidanceRevision>, CurrentUserInfo, GuidanceArticle, Task<string?>> change,
        CancellationToken ct)
    {
        if (await EditorAsync(ct) is not { } user || await store.FindAsync(articleId, ct) is not { } found || found.Revisions.Count == 0)
        {
            return ServiceResult<EditorArticle>.NotFound();
        }

        if (requireApprover && !user.IsInRole(Roles.ClinicalApprover))
        {
            return ServiceResult<EditorArticle>.Invalid("Approval", "Only a clinical approver can approve or return guidance.");
        }

        if (found.Article.Version != expectedVersion)
        {
            return ServiceResult<EditorArticle>.Conflict(ConflictMessage);
        }

        var latest = found.Revisions.MaxBy(r => r.Number)!;
        var article = new GuidanceArticle { Id = articleId, Slug = found.Article.Slug, IsSafetyCritical = found.Article.IsSafetyCritical };
        var why = await change(latest, found.Revisions, user, article);
        if (why is not null)
        {
            return ServiceResult<EditorArticle>.Invalid("Approval", why);
        }

        if (!await store.SaveAsync(article, expectedVersion, null, latest, ct))
        {
            return ServiceResult<EditorArticle>.Conflict(ConflictMessage);
        }

        logger.LogInformation("Guidance article {ArticleId} revision {Number} is now {State}", articleId, latest.Number, latest.State);
        return await GetAsync(articleId, ct);
    }

    /// <summary>The caller when they are an editor or a clinical approver; null for everyone else (who get "not found").</summary>
    private async Task<CurrentUserInfo?> EditorAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        return user.UserId is not null && (user.IsInRole(Roles.Editor) || user.IsInRole(Roles.ClinicalApprover)) ? user : null;
    }

    private static GuidanceRevision NewRevision(Guid articleId, int number, GuidanceDraft d, string authorId, string authorName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        ArticleId = articleId,
        Number = number,
        Title = TextInput.Clean(d.Title),
        Slug = d.Slug,
        Summary = TextInput.Clean(d.Summary),
        Topic = d.Topic,
        BodyMarkdown = TextInput.Clean(d.BodyMarkdown),
        SourcesJson = GuidanceService.SourcesToJson(d.Sources.Select(s => new GuidanceSource(TextInput.Clean(s.Title), s.Url.Trim()))),
        ReviewIntervalMonths = d.ReviewIntervalMonths,
        EvidenceCheckedOn = DateOnly.FromDateTime(now),
        AuthorId = authorId,
        AuthorName = authorName,
        CreatedAtUtc = now,
        ChangeSummary = TextInput.Clean(d.ChangeSummary),
        State = RevisionState.Draft,
    };

    private static GuidanceDraft ToDraft(GuidanceArticle article, GuidanceRevision r) => new()
    {
        ArticleId = article.Id,
        ExpectedVersion = article.Version,
        Title = r.Title,
        Slug = r.Slug,
        Summary = r.Summary,
        Topic = r.Topic,
        BodyMarkdown = r.BodyMarkdown,
        Sources = GuidanceService.ParseSources(r.SourcesJson).ToList(),
        ReviewIntervalMonths = r.ReviewIntervalMonths,
        IsSafetyCritical = article.IsSafetyCritical,
    };

    private static EditorArticle View(GuidanceArticle article, IReadOnlyList<GuidanceRevision> revisions)
    {
        var latest = revisions.MaxBy(r => r.Number)!;
        return new EditorArticle(
            article.Id,
            article.Version,
            latest.State,
            ToDraft(article, latest),
            revisions.OrderByDescending(r => r.Number)
                .Select(r => new RevisionSummary(r.Id, r.Number, r.State, r.AuthorName, r.CreatedAtUtc, r.ChangeSummary, r.ReturnComment, r.ApprovedByName, r.ApprovedAtUtc))
                .ToList());
    }

    private static EditorArticleRow Row(GuidanceArticle article, IReadOnlyList<GuidanceRevision> revisions, DateOnly today)
    {
        var latest = revisions.MaxBy(r => r.Number)!;
        var published = revisions.Where(r => r.State == RevisionState.Published).MaxBy(r => r.Number);
        var reviewed = published?.ApprovedAtUtc is { } at ? DateOnly.FromDateTime(at) : revisions.Where(r => r.State == RevisionState.Seeded).MaxBy(r => r.Number)?.EvidenceCheckedOn;
        var due = reviewed?.AddMonths((published ?? latest).ReviewIntervalMonths);
        var state = due is { } d && today > d ? EditorState.ReviewOverdue
            : latest.State switch
            {
                RevisionState.AwaitingApproval or RevisionState.Seeded => EditorState.AwaitingApproval,
                RevisionState.Returned => EditorState.Returned,
                RevisionState.Draft => EditorState.Draft,
                _ => EditorState.Published,
            };
        return new EditorArticleRow(article.Id, article.Slug, latest.Title, latest.Topic, state, due, article.IsSafetyCritical, article.Version);
    }
}
