using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Guidance;

/// <summary>The shipped guidance: applied once on start as data, honest about approval, never overwriting editors.</summary>
public sealed class GuidanceSeedTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly string[] Slugs =
    [
        "during-a-cramp", "wall-calf-stretch", "seated-stretches-and-foot-exercises", "hydration", "sleep-position",
        "massage-and-warmth", "daytime-activity-and-journeys", "footwear", "diet-and-supplements", "when-to-seek-help",
    ];

    private TestDatabase Database => fixture.Database;

    private IGuidanceStore Store => Database.Services.GetRequiredService<IGuidanceStore>();

    [Fact]
    public void Manifest_HasTheTenTopicsOfTheIssue_EachWithTextAndHttpsSources()
    {
        var manifest = GuidanceSeeder.LoadManifest();

        Assert.Equal(Slugs, manifest.Articles.Select(a => a.Slug));
        Assert.All(manifest.Articles, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(GuidanceSeeder.ReadBody(a)));
            Assert.NotEmpty(a.Sources);
            Assert.True(a.Summary.Length <= 300);
        });
        Assert.Equal(["when-to-seek-help"], manifest.Articles.Where(a => a.SafetyCritical).Select(a => a.Slug));
    }

    [Fact]
    public async Task Start_SeedsEveryArticleOnce_AsAwaitingApprovalWithNoApprover()
    {
        // The fixture's database was initialised as at app start, which applied the seed.
        var seeder = Database.Services.GetRequiredService<GuidanceSeeder>();
        Assert.Equal(0, await seeder.SeedAsync());

        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(Slugs.Order(), (await db.GuidanceArticles.Select(a => a.Slug).ToListAsync()).Order());
        var revisions = await db.GuidanceRevisions.Where(r => r.Number == 1).ToListAsync(); // other tests here add later ones
        Assert.Equal(10, revisions.Count);
        Assert.All(revisions, r =>
        {
            Assert.Equal(RevisionState.Seeded, r.State);
            Assert.Null(r.ApprovedByName);
            Assert.Null(r.ApprovedAtUtc);
            Assert.Equal(new DateOnly(2026, 11, 26), r.EvidenceCheckedOn);
            Assert.StartsWith("LegCrampCare seed ", r.AuthorName, StringComparison.Ordinal);
        });
        Assert.True((await db.GuidanceArticles.SingleAsync(a => a.Slug == "when-to-seek-help")).IsSafetyCritical);
    }

    [Fact]
    public async Task Seed_AgainAfterAnEditorPublished_ChangesNothing()
    {
        var found = await Store.FindReadableAsync("footwear", CancellationToken.None);
        var (article, seeded) = found!.Value;
        var published = new GuidanceRevision
        {
            Id = Guid.NewGuid(), ArticleId = article.Id, Number = 2, Title = "Shoes that help", Slug = "footwear", Summary = "s",
            Topic = seeded.Topic, BodyMarkdown = "Edited.", SourcesJson = seeded.SourcesJson, ReviewIntervalMonths = 12,
            AuthorName = "An Editor", ChangeSummary = "Edited", State = RevisionState.Published, ApprovedByName = "Approver",
            ApprovedByRole = "Consultant midwife", ApprovedAtUtc = DateTime.UtcNow,
        };
        await using (var db = await Database.Contexts.CreateDbContextAsync())
        {
            db.GuidanceRevisions.Add(published);
            await db.SaveChangesAsync();
        }

        await Database.Services.GetRequiredService<GuidanceSeeder>().SeedAsync();

        var readable = await Store.FindReadableAsync("footwear", CancellationToken.None);
        Assert.Equal("Shoes that help", readable!.Value.Revision.Title);
    }

    [Fact]
    public async Task Readable_NeverADraftOrAnUnapprovedSubmission()
    {
        var (article, _) = (await Store.FindReadableAsync("hydration", CancellationToken.None))!.Value;
        await using (var db = await Database.Contexts.CreateDbContextAsync())
        {
            foreach (var (number, state) in new[] { (5, RevisionState.Draft), (6, RevisionState.AwaitingApproval), (7, RevisionState.Returned) })
            {
                db.GuidanceRevisions.Add(new GuidanceRevision
                {
                    Id = Guid.NewGuid(), ArticleId = article.Id, Number = number, Title = "Not for readers " + number, Slug = "hydration",
                    Summary = "s", Topic = "Everyday habits", BodyMarkdown = "draft", ReviewIntervalMonths = 12, AuthorName = "E",
                    ChangeSummary = "c", State = state,
                });
            }

            await db.SaveChangesAsync();
        }

        var readable = (await Store.FindReadableAsync("hydration", CancellationToken.None))!.Value.Revision;
        Assert.Equal(RevisionState.Seeded, readable.State);
        Assert.DoesNotContain((await Store.ListReadableAsync(CancellationToken.None)), r => r.Revision.Title.StartsWith("Not for readers", StringComparison.Ordinal));
    }

    // ---- The seeded text itself: none of the source article's known errors (clinical README §6) ----

    private static string AllText() => string.Join("\n", GuidanceSeeder.LoadManifest().Articles.Select(a => a.Title + "\n" + a.Summary + "\n" + GuidanceSeeder.ReadBody(a)));

    [Theory]
    [InlineData("tonic-colonic")]
    [InlineData("weight loss")]
    [InlineData("arteries")]
    [InlineData("permission to fly")]
    [InlineData("left side only")]
    [InlineData("<")] // no raw HTML in the seeded Markdown
    public void SeededText_HasNoneOfTheSourceArticlesErrors(string phrase)
    {
        Assert.DoesNotContain(phrase, AllText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SeededText_SaysNeverQuinine_NoDieting_EitherSide_AndTheMassageCaveat()
    {
        string Body(string slug) => GuidanceSeeder.ReadBody(GuidanceSeeder.LoadManifest().Articles.Single(a => a.Slug == slug));

        Assert.Contains("Never take quinine", Body("diet-and-supplements"), StringComparison.Ordinal);
        Assert.Contains("Do not diet in pregnancy", Body("diet-and-supplements"), StringComparison.Ordinal);
        Assert.Matches("(?i)left or right|either side", Body("sleep-position"));
        Assert.Matches("(?i)never massage|do not rub, massage or heat", Body("massage-and-warmth"));
    }

    [Fact]
    public void WhenToGetHelp_HasTheEnginesThreeLevels_AndTheConfiguredEmergencyNumber()
    {
        var body = GuidanceSeeder.ReadBody(GuidanceSeeder.LoadManifest().Articles.Single(a => a.Slug == "when-to-seek-help"));

        Assert.Contains("## Call {emergency} now", body, StringComparison.Ordinal);
        Assert.Contains("## Get checked today", body, StringComparison.Ordinal);
        Assert.Contains("## Mention it at your next appointment", body, StringComparison.Ordinal);
        Assert.Contains("Do not drive yourself", body, StringComparison.Ordinal);
        Assert.DoesNotContain("999", body, StringComparison.Ordinal);
    }
}
