using System.Text.RegularExpressions;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
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
    public void Manifest_EveryArticle_PassesTheEditorsRules_SoItCanBeSavedUnchanged()
    {
        foreach (var article in GuidanceSeeder.LoadManifest().Articles)
        {
            var draft = new Core.Features.Guidance.GuidanceDraft
            {
                Title = article.Title, Slug = article.Slug, Summary = article.Summary, Topic = article.Topic, BodyMarkdown = GuidanceSeeder.ReadBody(article),
                Sources = [.. article.Sources], ReviewIntervalMonths = article.ReviewIntervalMonths, ChangeSummary = "Checked.", IsSafetyCritical = article.SafetyCritical,
            };

            var result = new Core.Features.Guidance.GuidanceDraftValidator().Validate(draft);

            Assert.True(result.IsValid, $"{article.Slug}: {string.Join(" ", result.Errors.Select(e => e.ErrorMessage))}");
        }
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

    private static string Body(string slug) => GuidanceSeeder.ReadBody(GuidanceSeeder.LoadManifest().Articles.Single(a => a.Slug == slug));

    /// <summary>Clinical README §5: the quinine sentence, exactly as written.</summary>
    private const string QuinineSentence =
        "Do not take quinine for leg cramps. It is not safe in pregnancy, and after the birth it is only for a doctor to decide.";

    [Fact]
    public void SeededText_SaysNeverQuinine_NoDieting_EitherSide_AndTheMassageCaveat()
    {
        Assert.Contains(QuinineSentence, Body("diet-and-supplements"), StringComparison.Ordinal);
        Assert.Contains("Do not diet in pregnancy", Body("diet-and-supplements"), StringComparison.Ordinal);
        Assert.Matches("(?i)left or right|either side", Body("sleep-position"));
        Assert.Matches("(?i)never massage|do not rub, massage or heat", Body("massage-and-warmth"));
    }

    [Fact]
    public void SeededText_QuinineSentence_ExactlyAsTheClinicalModelWordsIt()
    {
        var text = AllText();

        // Exactly once, word for word, and no other (shorter or stronger) sentence about quinine beside it.
        Assert.Single(Regex.Matches(text, Regex.Escape(QuinineSentence)));
        Assert.DoesNotContain("Never take quinine", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("It is not safe in pregnancy.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Get checked today")] // W2: never a heading or a label; it can be read as "wait until the surgery opens"
    [InlineData("maternity unit")] // W1: always "maternity triage"
    [InlineData("cannot reach them")] // W1: the fallback is worded "if you can't reach them"
    public void SeededText_NeverUsesWordsW1AndW2Forbid(string phrase)
    {
        Assert.DoesNotContain(phrase, AllText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SeededText_EveryMaternityTriageAdvice_HasTheFallback_AndWhoToCallAfterSixWeeks()
    {
        foreach (var article in GuidanceSeeder.LoadManifest().Articles)
        {
            var body = GuidanceSeeder.ReadBody(article);
            if (!body.Contains("maternity triage now", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // W1: maternity triage always with the fallback; after day 42 the GP, or NHS 111.
            Assert.True(body.Contains("maternity triage now, or your GP or NHS 111 if you can't reach them.", StringComparison.OrdinalIgnoreCase),
                $"{article.Slug}: says to call maternity triage without the fallback");
            Assert.True(body.Contains("More than 6 weeks after your pregnancy ended", StringComparison.Ordinal),
                $"{article.Slug}: does not say whom to call more than 6 weeks after the pregnancy ended");
            Assert.True(body.Contains("call your GP now, or NHS 111 if you can't reach them.", StringComparison.Ordinal)
                        || body.Contains("call your GP or NHS 111 now", StringComparison.Ordinal),
                $"{article.Slug}: does not name the GP or NHS 111 for after 6 weeks");
        }
    }

    [Fact]
    public void WhenToGetHelp_HasTheEnginesThreeLevels_AndTheConfiguredEmergencyNumber()
    {
        var body = Body("when-to-seek-help");

        Assert.Contains("## Call {emergency} now", body, StringComparison.Ordinal);
        Assert.Contains("## Call maternity triage now\n", body, StringComparison.Ordinal); // W2: starts with "Call", names who, ends with "now"
        Assert.Contains("## Call maternity triage now – don't wait until the morning", body, StringComparison.Ordinal); // W3
        Assert.Contains("## Mention it at your next appointment", body, StringComparison.Ordinal);
        Assert.Contains("Do not drive yourself", body, StringComparison.Ordinal);
        Assert.DoesNotContain("999", body, StringComparison.Ordinal);
        Assert.DoesNotContain("## Get checked today", body, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenToGetHelp_SaysWhoToCallInTheMaternityPeriodAndAfterSixWeeks()
    {
        var body = Body("when-to-seek-help");

        // W1, URGENT: maternity triage with the fallback; after day 42 the GP, or NHS 111; never "maternity unit".
        Assert.Contains(
            "In pregnancy, and up to 6 weeks after your pregnancy ended: call maternity triage now, or your GP or NHS 111 if you can't reach them.",
            body, StringComparison.Ordinal);
        Assert.Contains("More than 6 weeks after your pregnancy ended: call your GP now, or NHS 111 if you can't reach them.", body, StringComparison.Ordinal);
        Assert.Contains("More than 6 weeks after your pregnancy ended: call your GP or NHS 111 now – don't wait until the morning.", body, StringComparison.Ordinal);

        // W1, ROUTINE: the midwife; after day 42 the health visitor or GP (after a loss, the GP).
        Assert.Contains("Mention these to your midwife", body, StringComparison.Ordinal);
        Assert.Contains("mention them to your health visitor or GP (to your GP if your pregnancy ended without a birth)", body, StringComparison.Ordinal);

        // W10: the page is linked from every URGENT and EMERGENCY result, whatever her stage: no "baby", no "the birth".
        Assert.DoesNotContain("baby", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("the birth", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("leg pain that has lasted 6 hours or more since the cramp and is not getting better, in either leg or both")] // UR-6 (2026.2)
    [InlineData("leg pain that has lasted 4 hours or more since the cramp and is not getting better, with calf measurements 1.5 cm or more apart")] // UR-14
    [InlineData("leg pain that has lasted 2 hours or more, even if it is getting better, when your chance of a clot is higher")] // UR-7, any leg
    [InlineData("a fever (a temperature above 37.5 °C) or feeling unwell, in pregnancy or in the 6 weeks after your pregnancy ended")] // UR-12, UR-13
    [InlineData("a racing or pounding heart with breathlessness that came on gradually")] // UR-15
    [InlineData("a racing or pounding heart with leg pain, however long it has lasted")] // UR-16
    [InlineData("breathlessness that came on gradually, with feeling light-headed, in pregnancy or in the 6 weeks after your pregnancy ended")] // UR-17
    [InlineData("breathlessness that came on gradually, with leg pain")] // UR-18
    [InlineData("feeling light-headed, with leg pain")] // UR-19
    [InlineData("sudden swelling of your face, hands or feet")] // UR-11, UR-20
    [InlineData("your leg is still sore more than 24 hours after a cramp, but it is getting better")] // RO-8
    public void WhenToGetHelp_ListsTheSignsOfRuleSet2026Point2(string sign)
    {
        Assert.Contains(sign, Body("when-to-seek-help"), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenToGetHelp_NoLongerSaysTheThresholdsOf2026Point1()
    {
        var body = Body("when-to-seek-help");

        Assert.DoesNotContain("for over 24 hours, not getting better", body, StringComparison.Ordinal); // UR-6 is 6 hours now
        Assert.DoesNotContain("pain in one leg", body, StringComparison.OrdinalIgnoreCase); // UR-6 and UR-7 fire for either leg
        Assert.DoesNotContain("first five leg signs", body, StringComparison.Ordinal); // EM-5 counts UR-6, UR-7 and UR-14 too
    }
}
