using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Stores;

/// <summary>Assessments on real SQLite: stored with their episode, only ever added, gone with the episode.</summary>
public sealed class AssessmentStoreTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateOnly Night = new(2026, 3, 1);

    private TestDatabase Database => fixture.Database;

    private IEpisodeStore Store => Database.Services.GetRequiredService<IEpisodeStore>();

    private static Episode NewEpisode(string patientId, Answer chestPain = Answer.No)
    {
        var started = Night.ToDateTime(new TimeOnly(23, 0), DateTimeKind.Utc);
        return new Episode
        {
            Id = Guid.NewGuid(),
            PatientId = patientId,
            StartedAtUtc = started,
            Night = Night,
            Side = Side.Left,
            DurationMinutes = 2,
            Answers = new EpisodeAnswers { ChestPain = chestPain },
            CreatedAtUtc = started,
            UpdatedAtUtc = started,
        };
    }

    [Fact]
    public async Task AddIfAbsent_StoresTheFirstAssessmentWithTheEpisode_AndARetryAddsNone()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient);
        var assessment = EpisodeStoreTestExtensions.AssessmentFor(episode);

        await Store.AddIfAbsentAsync(episode, assessment, CancellationToken.None);
        await Store.AddIfAbsentAsync(episode, EpisodeStoreTestExtensions.AssessmentFor(episode), CancellationToken.None);

        var stored = Assert.Single(await Store.ListAssessmentsAsync(patient, episode.Id, CancellationToken.None));
        Assert.Equal(assessment.Id, stored.Id);
        Assert.Equal(TriageLevel.Routine, stored.Level);
        Assert.Equal("FS-1", stored.FiredRules);
        Assert.True(stored.IsIncomplete);
        Assert.Equal("2026.2", stored.RuleSetVersion);
        Assert.Equal(assessment.InputsJson, stored.InputsJson);
        Assert.Equal(TriageCaseFile.ParseInput(assessment.InputsJson), TriageCaseFile.ParseInput(stored.InputsJson));
    }

    [Fact]
    public async Task Update_AddsANewAssessment_OldOnesStay_NewestFirst()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient);
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        episode.Answers = episode.Answers with { ChestPain = Answer.Yes };
        episode.UpdatedAtUtc = episode.UpdatedAtUtc.AddMinutes(5);
        var second = EpisodeStoreTestExtensions.AssessmentFor(episode, AssessmentReason.Edited);
        Assert.True(await Store.UpdateAsync(episode, second, CancellationToken.None));

        var all = await Store.ListAssessmentsAsync(patient, episode.Id, CancellationToken.None);
        Assert.Equal(2, all.Count);
        Assert.Equal(second.Id, all[0].Id);
        Assert.Equal(TriageLevel.Emergency, all[0].Level);
        Assert.Equal(TriageLevel.Routine, all[1].Level);

        var latest = await Store.LatestAssessmentsAsync(patient, [episode.Id], CancellationToken.None);
        Assert.Equal(second.Id, latest[episode.Id].Id);
    }

    [Fact]
    public async Task ListEpisodesAssessedSince_HerEpisodesWithThatReasonFromThatTime_EachOnce()
    {
        var patient = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        var measured = NewEpisode(patient);
        var measuredLongAgo = NewEpisode(patient);
        var edited = NewEpisode(patient);
        var someoneElses = NewEpisode(other);
        foreach (var episode in new[] { measured, measuredLongAgo, edited, someoneElses })
        {
            await Store.AddIfAbsentAsync(episode, CancellationToken.None);
        }

        async Task ReassessAsync(Episode episode, AssessmentReason reason, int daysLater)
        {
            episode.UpdatedAtUtc = episode.StartedAtUtc.AddDays(daysLater);
            var assessment = EpisodeStoreTestExtensions.AssessmentFor(episode, reason);
            Assert.True(reason == AssessmentReason.MidwifeMeasurement
                ? await Store.RecordMidwifeCalfDifferenceAsync(episode.PatientId, episode.Id, 3.5m, assessment, CancellationToken.None)
                : await Store.UpdateAsync(episode, assessment, CancellationToken.None));
        }

        await ReassessAsync(measured, AssessmentReason.MidwifeMeasurement, 10);
        await ReassessAsync(measured, AssessmentReason.MidwifeMeasurement, 11);
        await ReassessAsync(measuredLongAgo, AssessmentReason.MidwifeMeasurement, 2);
        await ReassessAsync(edited, AssessmentReason.Edited, 10);
        await ReassessAsync(someoneElses, AssessmentReason.MidwifeMeasurement, 10);

        var since = Night.ToDateTime(new TimeOnly(23, 0), DateTimeKind.Utc).AddDays(5);
        var found = await Store.ListEpisodesAssessedSinceAsync(patient, AssessmentReason.MidwifeMeasurement, since, CancellationToken.None);

        Assert.Equal([measured.Id], found);
    }

    [Fact]
    public async Task Assessments_AreScopedToTheirPatient()
    {
        var patient = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        var episode = NewEpisode(patient);
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        Assert.Empty(await Store.ListAssessmentsAsync(other, episode.Id, CancellationToken.None));
        Assert.Empty(await Store.LatestAssessmentsAsync(other, [episode.Id], CancellationToken.None));
    }

    [Fact]
    public async Task Update_OfAStoredAssessment_IsRefusedByTheDatabase()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient);
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        await using var db = await Database.Contexts.CreateDbContextAsync();
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"Assessments\" SET \"Level\" = 0 WHERE \"EpisodeId\" = {0}", episode.Id));

        Assert.Contains("immutable", error.Message, StringComparison.Ordinal);
        var stored = Assert.Single(await Store.ListAssessmentsAsync(patient, episode.Id, CancellationToken.None));
        Assert.Equal(TriageLevel.Routine, stored.Level);
    }

    [Fact]
    public async Task DeletingTheEpisode_DeletesItsAssessments()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient);
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        Assert.True(await Store.DeleteAsync(patient, episode.Id, CancellationToken.None));

        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.False(await db.Assessments.AnyAsync(a => a.EpisodeId == episode.Id));
    }

    [Fact]
    public async Task ListWithOngoingPain_OnlyHerEpisodesWithPainNotGone()
    {
        var patient = await Database.CreateUserAsync();
        var ongoing = NewEpisode(patient);
        ongoing.Answers = ongoing.Answers with { PainStillThere = Answer.Yes };
        var gone = NewEpisode(patient);
        gone.Answers = gone.Answers with { PainStillThere = Answer.Yes };
        gone.PainGoneAtUtc = gone.StartedAtUtc.AddHours(3);
        var none = NewEpisode(patient);
        foreach (var e in new[] { ongoing, gone, none })
        {
            await Store.AddIfAbsentAsync(e, CancellationToken.None);
        }

        var list = await Store.ListWithOngoingPainAsync(patient, Night.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), CancellationToken.None);

        Assert.Equal(ongoing.Id, Assert.Single(list).Id);
        Assert.Empty(await Store.ListWithOngoingPainAsync(patient, ongoing.StartedAtUtc.AddMinutes(1), CancellationToken.None));
    }
}
