using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Review;

/// <summary>
/// The caseload summaries on real SQLite: right (equal to what the raw rows say) after every kind of write: insert,
/// update, moving an episode to another night, delete, delete all, a review, a midwife's measurement, erasing accounts.
/// </summary>
public sealed class PatientSummaryTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    // 23:00 UTC on 9 June 2026 is midnight in London: the night of the 9th.
    private static readonly DateTime T0 = new(2026, 6, 9, 23, 0, 0, DateTimeKind.Utc);

    private TestDatabase Database => fixture.Database;

    private ReviewData Data => new(Database);

    private IEpisodeStore Store => Data.Episodes;

    [Fact]
    public async Task AddIfAbsentAsync_NewEpisodes_CountTheirNightsOnceEachAndTheLatestEpisode()
    {
        var patient = await Data.PatientAsync();

        await Data.LogAsync(patient, T0, TriageLevel.None);
        await Data.LogAsync(patient, T0.AddHours(2), TriageLevel.None);
        await Data.LogAsync(patient, T0.AddDays(-3), TriageLevel.None);

        var stored = await Data.StoredAsync(patient);
        Assert.Equal([(new DateOnly(2026, 6, 6), 1), (new DateOnly(2026, 6, 9), 2)], stored.Nights);
        Assert.Equal(T0.AddHours(2), stored.Activity!.LastEpisodeAtUtc);
        Assert.Null(stored.Activity.HighestUnreviewed);
        Assert.Equal((new DateOnly(2026, 6, 9), 0b1001L), (stored.Activity.LatestNight!.Value, stored.Activity.RecentNights));
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task AddIfAbsentAsync_FlaggedAssessment_CountsAnUnreviewedFlagButIncompleteDoesNot()
    {
        var patient = await Data.PatientAsync();

        var (_, urgent) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        await Data.LogAsync(patient, T0.AddHours(1), TriageLevel.Routine, incomplete: true);

        var activity = (await Data.StoredAsync(patient)).Activity!;
        Assert.Equal((1, 0, 0, TriageLevel.Urgent, urgent.AssessedAtUtc), (activity.UnreviewedUrgent, activity.UnreviewedRoutine, activity.UnreviewedEmergency, activity.HighestUnreviewed!.Value, activity.OldestAtHighestUtc!.Value));
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task UpdateAsync_StartMovedToAnotherNight_MovesItsNight()
    {
        var patient = await Data.PatientAsync();
        var (episode, _) = await Data.LogAsync(patient, T0, TriageLevel.None);
        await Data.LogAsync(patient, T0.AddDays(-1), TriageLevel.None);

        episode.StartedAtUtc = T0.AddDays(-5);
        episode.Night = PregnancyCalendar.NightOf(episode.StartedAtUtc, ReviewData.London);
        Assert.True(await Store.UpdateAsync(episode, ReviewData.NewAssessment(episode, TriageLevel.None, T0.AddHours(1)), CancellationToken.None));

        var stored = await Data.StoredAsync(patient);
        Assert.Equal([new DateOnly(2026, 6, 4), new DateOnly(2026, 6, 8)], stored.Nights.Select(n => n.Night));
        Assert.Equal(T0.AddDays(-1), stored.Activity!.LastEpisodeAtUtc);
        Assert.Equal((new DateOnly(2026, 6, 8), 0b10001L), (stored.Activity.LatestNight!.Value, stored.Activity.RecentNights));
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task UpdateAsync_FlagThenNone_AddsThenClearsTheUnreviewedFlag()
    {
        var patient = await Data.PatientAsync();
        var (episode, _) = await Data.LogAsync(patient, T0, TriageLevel.Routine, incomplete: true);

        await Store.UpdateAsync(episode, ReviewData.NewAssessment(episode, TriageLevel.Emergency, T0.AddMinutes(10)), CancellationToken.None);
        var flagged = (await Data.StoredAsync(patient)).Activity!;
        await Store.UpdateAsync(episode, ReviewData.NewAssessment(episode, TriageLevel.None, T0.AddMinutes(20)), CancellationToken.None);
        var cleared = (await Data.StoredAsync(patient)).Activity!;

        Assert.Equal((TriageLevel.Emergency, T0.AddMinutes(10)), (flagged.HighestUnreviewed!.Value, flagged.OldestAtHighestUtc!.Value));
        Assert.Equal(0, cleared.UnreviewedCount);
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task UpdateAsync_StillFlaggedAfterReassessment_KeepsTheTimeItStartedWaiting()
    {
        var patient = await Data.PatientAsync();
        var (episode, first) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);

        await Store.UpdateAsync(episode, ReviewData.NewAssessment(episode, TriageLevel.Emergency, T0.AddHours(3)), CancellationToken.None);

        var activity = (await Data.StoredAsync(patient)).Activity!;
        Assert.Equal((0, 1, first.AssessedAtUtc), (activity.UnreviewedUrgent, activity.UnreviewedEmergency, activity.OldestAtHighestUtc!.Value));
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task UpdateAsync_WithoutAssessment_KeepsFlagsAndRecountsNights()
    {
        var patient = await Data.PatientAsync();
        var (episode, _) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        episode.ReviewedAtUtc = T0.AddHours(8);

        Assert.True(await Store.UpdateAsync(episode, null, CancellationToken.None));

        Assert.Equal(1, (await Data.StoredAsync(patient)).Activity!.UnreviewedUrgent);
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task DeleteAsync_LastEpisodeOfItsNightWithAReviewedFlag_RemovesNightFlagReviewAndRecomputesLatest()
    {
        var patient = await Data.PatientAsync();
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        await Data.LogAsync(patient, T0.AddDays(-2), TriageLevel.None);
        var (reviewed, reviewedAssessment) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        await Store.AddReviewAsync(ReviewData.NewReview(reviewedAssessment, midwife, T0.AddHours(1)), CancellationToken.None);
        var (open, _) = await Data.LogAsync(patient, T0.AddHours(2), TriageLevel.Emergency);

        Assert.True(await Store.DeleteAsync(patient, open.Id, CancellationToken.None));
        Assert.True(await Store.DeleteAsync(patient, reviewed.Id, CancellationToken.None));

        var stored = await Data.StoredAsync(patient);
        Assert.Equal([new DateOnly(2026, 6, 7)], stored.Nights.Select(n => n.Night));
        Assert.Equal((T0.AddDays(-2), 0), (stored.Activity!.LastEpisodeAtUtc!.Value, stored.FlagRows));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.False(await db.FlagReviews.AnyAsync(r => r.PatientId == patient));
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task DeleteAsync_HerOnlyEpisode_LeavesNoSummaryRow()
    {
        var patient = await Data.PatientAsync();
        var (episode, _) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);

        Assert.True(await Store.DeleteAsync(patient, episode.Id, CancellationToken.None));

        AssertNothingStored(await Data.StoredAsync(patient));
    }

    [Fact]
    public async Task DeleteAsync_AnotherPatientsEpisode_ChangesNothing()
    {
        var patient = await Data.PatientAsync();
        var other = await Data.PatientAsync("Bea Other");
        var (episode, _) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        var before = await Data.StoredAsync(patient);

        Assert.False(await Store.DeleteAsync(other, episode.Id, CancellationToken.None));

        Assert.Equal(before.Nights, (await Data.StoredAsync(patient)).Nights);
        Assert.Equal(before.Activity, (await Data.StoredAsync(patient)).Activity);
    }

    [Fact]
    public async Task DeleteAllAsync_RemovesEveryNightFlagAndActivityOfHersOnly()
    {
        var patient = await Data.PatientAsync();
        var other = await Data.PatientAsync("Bea Other");
        await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        await Data.LogAsync(patient, T0.AddDays(-1), TriageLevel.None);
        await Data.LogAsync(other, T0, TriageLevel.Emergency);

        Assert.Equal(2, await Store.DeleteAllAsync(patient, CancellationToken.None));

        AssertNothingStored(await Data.StoredAsync(patient));
        Assert.Equal(1, (await Data.StoredAsync(other)).Activity!.UnreviewedEmergency);
        await Data.AssertSummariesRightAsync(other);
    }

    [Fact]
    public async Task AddReviewAsync_CurrentFlag_ClearsItAndASecondReviewAnswersWithTheFirst()
    {
        var patient = await Data.PatientAsync();
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var (_, assessment) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        var first = ReviewData.NewReview(assessment, midwife, T0.AddHours(1), "Scan booked.");

        var added = await Store.AddReviewAsync(first, CancellationToken.None);
        var again = await Store.AddReviewAsync(ReviewData.NewReview(assessment, midwife, T0.AddHours(2), "Other note."), CancellationToken.None);

        Assert.Equal(ReviewWriteStatus.Added, added.Status);
        Assert.Equal(ReviewWriteStatus.AlreadyReviewed, again.Status);
        Assert.Equal((first.Id, "Scan booked."), (again.Review!.Id, again.Review.Note));
        Assert.Equal(0, (await Data.StoredAsync(patient)).Activity!.UnreviewedCount);
        var reviews = await Store.ReviewsForAsync(patient, [assessment.Id], CancellationToken.None);
        Assert.Equal(first.Id, Assert.Single(reviews).Value.Id);
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task AddReviewAsync_OlderAssessmentOrAnotherPatient_StoresNothing()
    {
        var patient = await Data.PatientAsync();
        var other = await Data.PatientAsync("Bea Other");
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var (episode, older) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        await Store.UpdateAsync(episode, ReviewData.NewAssessment(episode, TriageLevel.Urgent, T0.AddHours(1)), CancellationToken.None);
        var notHers = ReviewData.NewReview(older, midwife, T0.AddHours(2));

        var stale = await Store.AddReviewAsync(ReviewData.NewReview(older, midwife, T0.AddHours(2)), CancellationToken.None);
        var wrongPatient = await Store.AddReviewAsync(new FlagReview
        {
            Id = Guid.NewGuid(), PatientId = other, EpisodeId = notHers.EpisodeId, AssessmentId = notHers.AssessmentId,
            MidwifeId = midwife, ReviewerName = "Mary Midwife", Note = "x", AtUtc = T0,
        }, CancellationToken.None);

        Assert.Equal(ReviewWriteStatus.NotCurrent, stale.Status);
        Assert.Equal(ReviewWriteStatus.NotFound, wrongPatient.Status);
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.False(await db.FlagReviews.AnyAsync(r => r.EpisodeId == episode.Id));
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task AddReviewAsync_SameFlagFromConcurrentTasks_StoresExactlyOneReview()
    {
        var patient = await Data.PatientAsync();
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var (_, assessment) = await Data.LogAsync(patient, T0, TriageLevel.Emergency);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await Store.AddReviewAsync(ReviewData.NewReview(assessment, midwife, T0.AddMinutes(i), $"Note {i}"), CancellationToken.None);
        })).ToArray();
        start.SetResult();

        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r.Status == ReviewWriteStatus.Added);
        Assert.Single(results.Select(r => r.Review!.Id).Distinct());
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.FlagReviews.CountAsync(r => r.AssessmentId == assessment.Id));
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task FlagReview_ChangedInTheDatabase_IsRefusedByTheTrigger()
    {
        var patient = await Data.PatientAsync();
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var (_, assessment) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        var review = ReviewData.NewReview(assessment, midwife, T0.AddHours(1));
        await Store.AddReviewAsync(review, CancellationToken.None);
        await using var db = await Database.Contexts.CreateDbContextAsync();

        var change = () => db.FlagReviews.Where(r => r.Id == review.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Note, "rewritten"));

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(change);
        Assert.Contains("never changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordMidwifeCalfDifferenceAsync_StoresHerValueAndTheNewAssessmentAndHerLaterEditKeepsIt()
    {
        var patient = await Data.PatientAsync();
        var (episode, _) = await Data.LogAsync(patient, T0, TriageLevel.None);
        var measured = ReviewData.NewAssessment(episode, TriageLevel.Urgent, T0.AddHours(1));

        Assert.True(await Store.RecordMidwifeCalfDifferenceAsync(patient, episode.Id, 3.5m, measured, CancellationToken.None));
        episode.PainScore = 6;
        episode.MidwifeCalfDifferenceCm = null;
        await Store.UpdateAsync(episode, null, CancellationToken.None);

        var stored = await Store.FindAsync(patient, episode.Id, CancellationToken.None);
        Assert.Equal((3.5m, 6), (stored!.MidwifeCalfDifferenceCm, stored.PainScore!.Value));
        Assert.Equal(2, (await Store.ListAssessmentsAsync(patient, episode.Id, CancellationToken.None)).Count);
        Assert.Equal(1, (await Data.StoredAsync(patient)).Activity!.UnreviewedUrgent);
        await Data.AssertSummariesRightAsync(patient);
    }

    [Fact]
    public async Task RecordMidwifeCalfDifferenceAsync_AnotherPatientsEpisode_ReturnsFalseAndStoresNothing()
    {
        var patient = await Data.PatientAsync();
        var other = await Data.PatientAsync("Bea Other");
        var (episode, _) = await Data.LogAsync(patient, T0, TriageLevel.None);
        var measured = ReviewData.NewAssessment(episode, TriageLevel.Urgent, T0.AddHours(1));

        Assert.False(await Store.RecordMidwifeCalfDifferenceAsync(other, episode.Id, 3m, measured, CancellationToken.None));

        Assert.Null((await Store.FindAsync(patient, episode.Id, CancellationToken.None))!.MidwifeCalfDifferenceCm);
        Assert.Single(await Store.ListAssessmentsAsync(patient, episode.Id, CancellationToken.None));
    }

    [Fact]
    public async Task EraseAsync_Patient_HerReviewsAndSummariesGoWithHerAccount()
    {
        var patient = await Data.PatientAsync();
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var (_, reviewed) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        await Store.AddReviewAsync(ReviewData.NewReview(reviewed, midwife, T0.AddHours(1)), CancellationToken.None);
        await Data.LogAsync(patient, T0.AddDays(-1), TriageLevel.Emergency);

        Assert.True(await Database.Services.GetRequiredService<AccountEraser>().EraseAsync(patient, CancellationToken.None));

        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.False(await db.FlagReviews.AnyAsync(r => r.PatientId == patient));
        Assert.False(await db.PatientNights.AnyAsync(n => n.PatientId == patient));
        Assert.False(await db.PatientActivity.AnyAsync(a => a.PatientId == patient));
        Assert.False(await db.UnreviewedFlags.AnyAsync(f => f.PatientId == patient));
    }

    [Fact]
    public async Task EraseAsync_Midwife_HerReviewsStayOnThePatientsLogUnderAPseudonym()
    {
        var patient = await Data.PatientAsync();
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var (_, assessment) = await Data.LogAsync(patient, T0, TriageLevel.Urgent);
        var review = ReviewData.NewReview(assessment, midwife, T0.AddHours(1));
        await Store.AddReviewAsync(review, CancellationToken.None);

        Assert.True(await Database.Services.GetRequiredService<AccountEraser>().EraseAsync(midwife, CancellationToken.None));

        await using var db = await Database.Contexts.CreateDbContextAsync();
        var kept = await db.FlagReviews.AsNoTracking().SingleAsync(r => r.Id == review.Id);
        Assert.Equal((AccountEraser.Pseudonym(midwife), "Seen on the ward."), (kept.MidwifeId, kept.Note));
        await Data.AssertSummariesRightAsync(patient);
    }

    private static void AssertNothingStored(ReviewData.Stored stored)
    {
        Assert.Empty(stored.Nights);
        Assert.Null(stored.Activity);
        Assert.Equal(0, stored.FlagRows);
    }

    [Fact]
    public async Task Summary_FlagAndCrampFromAnEarlierPregnancy_AreNotCountedAndAProfileSaveRecountsAtOnce()
    {
        // Due 1 October 2026: this pregnancy began on 25 December 2025. An EMERGENCY flag from June 2025 is from the one before.
        var patient = await Data.PatientAsync();
        await Data.LogAsync(patient, new DateTime(2025, 6, 1, 22, 0, 0, DateTimeKind.Utc), TriageLevel.Emergency);
        var (_, routine) = await Data.LogAsync(patient, T0, TriageLevel.Routine);

        var current = (await Data.StoredAsync(patient)).Activity!;
        Assert.Equal((0, 1, T0, routine.AssessedAtUtc), (current.UnreviewedEmergency, current.UnreviewedRoutine, current.LastEpisodeAtUtc!.Value, current.OldestAtHighestUtc!.Value));
        Assert.Equal((new DateOnly(2026, 6, 9), 1L), (current.LatestNight!.Value, current.RecentNights));
        await Data.AssertSummariesRightAsync(patient);

        // She enters a new due date (a new pregnancy from 25 June 2026): nothing logged so far is in it.
        var profiles = Database.Services.GetRequiredService<IProfileStore>();
        var profile = (await profiles.FindAsync(patient, CancellationToken.None))!;
        profile.DueDate = new DateOnly(2027, 4, 1);
        await profiles.SaveAsync(profile, CancellationToken.None);
        Assert.Null((await Data.StoredAsync(patient)).Activity);
        await Data.AssertSummariesRightAsync(patient);

        // She puts the due date back: this pregnancy's flag and cramp count again.
        profile.DueDate = new DateOnly(2026, 10, 1);
        await profiles.SaveAsync(profile, CancellationToken.None);
        Assert.Equal(current, (await Data.StoredAsync(patient)).Activity);
        await Data.AssertSummariesRightAsync(patient);
    }
}
