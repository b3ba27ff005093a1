using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Guidance;

public sealed class GuidanceServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly Store _store = new();
    private readonly GuidanceService _service;

    public GuidanceServiceTests() => _service = new GuidanceService(_store, _time);

    private sealed class Store : IGuidanceStore
    {
        public List<(GuidanceArticle Article, GuidanceRevision Revision)> Readable { get; } = [];

        public Task<IReadOnlyList<(GuidanceArticle Article, GuidanceRevision Revision)>> ListReadableAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<(GuidanceArticle, GuidanceRevision)>>(Readable);

        public Task<(GuidanceArticle Article, GuidanceRevision Revision)?> FindReadableAsync(string slug, CancellationToken ct) =>
            Task.FromResult(Readable.Where(r => r.Article.Slug == slug).Select(r => ((GuidanceArticle, GuidanceRevision)?)r).FirstOrDefault());

        public Task<IReadOnlyDictionary<string, Guid>> FindReadableRevisionIdsAsync(IReadOnlyCollection<string> slugs, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> AddIfAbsentAsync(GuidanceArticle article, GuidanceRevision revision, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)>> ListAllAsync(CancellationToken ct) => throw new NotSupportedException();

        public Task<(GuidanceArticle Article, IReadOnlyList<GuidanceRevision> Revisions)?> FindAsync(Guid articleId, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> SlugTakenAsync(string slug, Guid? exceptArticleId, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> SaveAsync(GuidanceArticle article, int expectedVersion, GuidanceRevision? newRevision, GuidanceRevision? changedRevision, CancellationToken ct) => throw new NotSupportedException();
    }

    private void Add(string slug, string title, string topic, string body = "Text.", RevisionState state = RevisionState.Seeded,
        DateOnly? evidence = null, int months = 12, DateTime? approvedAt = null)
    {
        var article = new GuidanceArticle { Id = Guid.NewGuid(), Slug = slug };
        _store.Readable.Add((article, new GuidanceRevision
        {
            Id = Guid.NewGuid(),
            ArticleId = article.Id,
            Number = 1,
            Title = title,
            Slug = slug,
            Summary = "Summary of " + title,
            Topic = topic,
            BodyMarkdown = body,
            SourcesJson = """[{"title":"NHS","url":"https://www.nhs.uk/"}]""",
            ReviewIntervalMonths = months,
            EvidenceCheckedOn = evidence ?? new DateOnly(2026, 11, 26),
            State = state,
            ApprovedByName = state == RevisionState.Published ? "Dr Ada Lovelace" : null,
            ApprovedByRole = state == RevisionState.Published ? "Consultant midwife" : null,
            ApprovedAtUtc = approvedAt,
        }));
    }

    [Fact]
    public async Task List_OrdersByTopicThenTitle()
    {
        Add("when", "When to get help", "When to get help");
        Add("wall", "Wall calf stretch", "Stretches and exercises");
        Add("during", "What to do during a cramp", "During a cramp");
        Add("footwear", "Footwear", "Everyday habits");
        Add("hydration", "Drinking enough", "Everyday habits");

        var list = await _service.ListAsync();

        Assert.Equal(["during", "wall", "hydration", "footwear", "when"], list.Select(a => a.Slug));
    }

    [Fact]
    public async Task List_WithQuery_KeepsArticlesContainingEveryWord_InTitleSummaryOrText()
    {
        Add("diet", "Diet and supplements", "Everyday habits", body: "Never take quinine for cramps.");
        Add("hydration", "Drinking enough", "Everyday habits", body: "Drink through the day.");

        Assert.Equal(["diet"], (await _service.ListAsync("QUININE cramps")).Select(a => a.Slug));
        Assert.Equal(["hydration"], (await _service.ListAsync("drinking")).Select(a => a.Slug));
        Assert.Empty(await _service.ListAsync("quinine drink"));
        Assert.Equal(2, (await _service.ListAsync("   ")).Count);
    }

    [Fact]
    public void Words_LongQuery_IsCutTo100Characters()
    {
        var words = GuidanceService.Words(new string('a', 250));

        Assert.Equal(100, Assert.Single(words).Length);
    }

    [Fact]
    public async Task Get_SeededRevision_IsAwaitingApprovalWithNoApprover_ReviewDueFromTheEvidenceCheck()
    {
        Add("when", "When to get help", "When to get help", evidence: new DateOnly(2026, 11, 26), months: 6);

        var view = (await _service.GetAsync("when"))!;

        Assert.True(view.AwaitingApproval);
        Assert.Null(view.ApprovedByName);
        Assert.Null(view.ApprovedByRole);
        Assert.Equal(new DateOnly(2026, 11, 26), view.LastReviewedOn);
        Assert.Equal(new DateOnly(2027, 5, 26), view.NextReviewDue);
        Assert.False(view.ReviewOverdue);
        Assert.Equal("https://www.nhs.uk/", Assert.Single(view.Sources).Url);
    }

    [Fact]
    public async Task Get_PublishedRevision_ShowsItsApproverAndReviewsFromTheApproval()
    {
        Add("wall", "Wall calf stretch", "Stretches and exercises", state: RevisionState.Published,
            evidence: new DateOnly(2026, 1, 1), approvedAt: new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc));

        var view = (await _service.GetAsync("wall"))!;

        Assert.False(view.AwaitingApproval);
        Assert.Equal(("Dr Ada Lovelace", "Consultant midwife"), (view.ApprovedByName, view.ApprovedByRole));
        Assert.Equal(new DateOnly(2026, 3, 2), view.LastReviewedOn);
        Assert.Equal(new DateOnly(2027, 3, 2), view.NextReviewDue);
    }

    [Fact]
    public async Task Get_ReviewDatePassed_IsOverdueButStillShown()
    {
        Add("old", "Footwear", "Everyday habits", evidence: new DateOnly(2025, 11, 25), months: 12);

        var view = await _service.GetAsync("old");

        Assert.NotNull(view);
        Assert.True(view.ReviewOverdue);
        Assert.Equal(new DateOnly(2026, 11, 25), view.NextReviewDue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-page")]
    public async Task Get_UnknownSlug_IsNull(string slug)
    {
        Add("wall", "Wall calf stretch", "Stretches and exercises");

        Assert.Null(await _service.GetAsync(slug));
    }

    [Fact]
    public async Task Get_SlugInAnotherCase_FindsTheArticle()
    {
        Add("wall-calf-stretch", "Wall calf stretch", "Stretches and exercises");

        Assert.NotNull(await _service.GetAsync("Wall-Calf-Stretch"));
    }
}
