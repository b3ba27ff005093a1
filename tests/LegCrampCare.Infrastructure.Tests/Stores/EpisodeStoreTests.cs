using System.Reflection;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Stores;

public sealed class EpisodeStoreTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateOnly FirstNight = new(2026, 3, 1);

    private TestDatabase Database => fixture.Database;

    private IEpisodeStore Store => Database.Services.GetRequiredService<IEpisodeStore>();

    [Fact]
    public async Task AddIfAbsentAsync_SameIdTwice_StoresOneRowAndReturnsTheStoredValues()
    {
        var patient = await Database.CreateUserAsync();
        var first = NewEpisode(patient, FirstNight, painScore: 7);
        var retry = NewEpisode(patient, FirstNight.AddDays(1), painScore: 2);
        retry.Id = first.Id;

        var (_, firstCreated) = await Store.AddIfAbsentAsync(first, CancellationToken.None);
        var (stored, secondCreated) = await Store.AddIfAbsentAsync(retry, CancellationToken.None);

        Assert.True(firstCreated);
        Assert.False(secondCreated);
        Assert.Equal(first.Id, stored.Id);
        Assert.Equal(7, stored.PainScore);
        Assert.Equal(FirstNight, stored.Night);
        Assert.Equal(1, await CountRowsAsync(first.Id));
    }

    [Fact]
    public async Task AddIfAbsentAsync_SameIdFromConcurrentTasks_StoresExactlyOneRow()
    {
        // Retries of one log action racing each other: all start together, several rounds so the check-then-insert
        // window is really hit. Every call must succeed and agree on the one stored row.
        var patient = await Database.CreateUserAsync();
        const int rounds = 10;
        const int attempts = 8;
        for (var round = 0; round < rounds; round++)
        {
            var id = Guid.NewGuid();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var calls = Enumerable.Range(0, attempts).Select(i => Task.Run(async () =>
            {
                var episode = NewEpisode(patient, FirstNight, painScore: i);
                episode.Id = id;
                await start.Task;
                return await Store.AddIfAbsentAsync(episode, CancellationToken.None);
            })).ToArray();
            start.SetResult();

            var results = await Task.WhenAll(calls);

            Assert.Equal(1, await CountRowsAsync(id));
            var created = Assert.Single(results, r => r.Created);
            Assert.All(results, r => Assert.Equal((id, created.Episode.PainScore), (r.Episode.Id, r.Episode.PainScore)));
        }
    }

    [Fact]
    public async Task FindAsync_AnotherPatientsId_ReturnsNull()
    {
        var owner = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        var episode = NewEpisode(owner, FirstNight);
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        Assert.Null(await Store.FindAsync(other, episode.Id, CancellationToken.None));
        Assert.NotNull(await Store.FindAsync(owner, episode.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_UnknownId_ReturnsNull()
    {
        var patient = await Database.CreateUserAsync();

        Assert.Null(await Store.FindAsync(patient, Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_OwnEpisode_ReplacesTheStoredValues()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient, FirstNight, painScore: 3);
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);
        var changed = (await Store.FindAsync(patient, episode.Id, CancellationToken.None))!;
        changed.PainScore = 9;
        changed.Notes = "Woke twice.";
        changed.Answers = changed.Answers with { Fever = Answer.Yes };

        Assert.True(await Store.UpdateAsync(changed, CancellationToken.None));

        var stored = await Store.FindAsync(patient, episode.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(9, stored.PainScore);
        Assert.Equal("Woke twice.", stored.Notes);
        Assert.Equal(Answer.Yes, stored.Answers.Fever);
        Assert.Equal(1, await CountRowsAsync(episode.Id));
    }

    [Fact]
    public async Task UpdateAsync_AnotherPatientsEpisode_ReturnsFalseAndChangesNothing()
    {
        var owner = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        var episode = NewEpisode(owner, FirstNight, painScore: 3);
        episode.Notes = "Hers.";
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);
        var forged = NewEpisode(other, FirstNight.AddDays(2), painScore: 10);
        forged.Id = episode.Id;
        forged.Notes = "Not hers.";

        Assert.False(await Store.UpdateAsync(forged, CancellationToken.None));

        var stored = await Store.FindAsync(owner, episode.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(owner, stored.PatientId);
        Assert.Equal(3, stored.PainScore);
        Assert.Equal("Hers.", stored.Notes);
        Assert.Equal(FirstNight, stored.Night);
        Assert.Null(await Store.FindAsync(other, episode.Id, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_UnknownId_ReturnsFalseAndInsertsNothing()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient, FirstNight);

        Assert.False(await Store.UpdateAsync(episode, CancellationToken.None));
        Assert.Equal(0, await CountRowsAsync(episode.Id));
    }

    [Fact]
    public async Task DeleteAsync_AnotherPatientsEpisode_ReturnsFalseAndKeepsIt()
    {
        var owner = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        var episode = NewEpisode(owner, FirstNight);
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        Assert.False(await Store.DeleteAsync(other, episode.Id, CancellationToken.None));
        Assert.NotNull(await Store.FindAsync(owner, episode.Id, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_OwnEpisode_ReturnsTrueAndRemovesIt()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient, FirstNight);
        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        Assert.True(await Store.DeleteAsync(patient, episode.Id, CancellationToken.None));
        Assert.Equal(0, await CountRowsAsync(episode.Id));
        Assert.False(await Store.DeleteAsync(patient, episode.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AddIfAbsentAsync_EveryAnswerValue_RoundTripsExactly()
    {
        // Every property takes every value across the episodes; NotAnswered must never come back as No (or as None).
        var patient = await Database.CreateUserAsync();
        var answerProperties = AnswerProperties();
        var swellings = Enum.GetValues<Swelling>();
        var answers = Enum.GetValues<Answer>();
        Assert.Equal(26, answerProperties.Length);
        var expected = new List<Episode>();
        for (var rotation = 0; rotation < swellings.Length; rotation++)
        {
            var values = new EpisodeAnswers { Swelling = swellings[rotation], PainSide = rotation % 4 == 0 ? null : (Side)(rotation % 3 + 1) };
            for (var i = 0; i < answerProperties.Length; i++)
            {
                answerProperties[i].SetValue(values, answers[(i + rotation) % answers.Length]);
            }

            var episode = NewEpisode(patient, FirstNight.AddDays(rotation));
            episode.Answers = values;
            await Store.AddIfAbsentAsync(episode, CancellationToken.None);
            expected.Add(episode);
        }

        foreach (var episode in expected)
        {
            var stored = await Store.FindAsync(patient, episode.Id, CancellationToken.None);
            Assert.NotNull(stored);
            Assert.Equal(episode.Answers.Swelling, stored.Answers.Swelling);
            Assert.Equal(episode.Answers.PainSide, stored.Answers.PainSide);
            foreach (var property in answerProperties)
            {
                Assert.Equal((property.Name, property.GetValue(episode.Answers)), (property.Name, property.GetValue(stored.Answers)));
            }

            Assert.Equal(episode.Answers, stored.Answers);
        }
    }

    [Fact]
    public async Task AddIfAbsentAsync_DefaultAnswers_StayNotAnswered()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient, FirstNight);
        episode.Answers = new EpisodeAnswers();

        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        var stored = await Store.FindAsync(patient, episode.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.All(AnswerProperties(), p => Assert.Equal(Answer.NotAnswered, p.GetValue(stored.Answers)));
        Assert.Equal(Swelling.NotAnswered, stored.Answers.Swelling);
        Assert.True(stored.Answers.HasUnansweredRedFlag);
    }

    [Fact]
    public async Task AddIfAbsentAsync_EveryEpisodeField_RoundTrips()
    {
        var patient = await Database.CreateUserAsync();
        var notes = string.Concat(Enumerable.Repeat("Cramp in the left calf, eased by stretching; é ✓ ", 50))[..2000];
        var episode = new Episode
        {
            Id = Guid.NewGuid(),
            PatientId = patient,
            StartedAtUtc = new DateTime(2026, 3, 2, 2, 30, 15, DateTimeKind.Utc),
            Night = FirstNight,
            Side = Side.Both,
            DurationMinutes = 12,
            Locations = CrampLocations.Calf | CrampLocations.Thigh,
            PainScore = 8,
            HelpedBy = ReliefMethods.Stretching | ReliefMethods.Warmth | ReliefMethods.Nothing,
            PainAfterHours = 2.5m,
            ContinuousPainMinutes = 45,
            CalfDifferenceCm = 1.9m,
            Notes = notes,
            CreatedAtUtc = new DateTime(2026, 3, 2, 2, 31, 0, DateTimeKind.Utc),
            UpdatedAtUtc = new DateTime(2026, 3, 2, 2, 35, 0, DateTimeKind.Utc),
        };
        Assert.Equal(2000, notes.Length);

        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        var stored = await Store.FindAsync(patient, episode.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(notes, stored.Notes);
        Assert.Equal(1.9m, stored.CalfDifferenceCm);
        Assert.Equal(2.5m, stored.PainAfterHours);
        Assert.Equal(episode.StartedAtUtc, stored.StartedAtUtc);
        Assert.Equal(episode.Night, stored.Night);
        Assert.Equal(Side.Both, stored.Side);
        Assert.Equal(12, stored.DurationMinutes);
        Assert.Equal(CrampLocations.Calf | CrampLocations.Thigh, stored.Locations);
        Assert.Equal(8, stored.PainScore);
        Assert.Equal(ReliefMethods.Stretching | ReliefMethods.Warmth | ReliefMethods.Nothing, stored.HelpedBy);
        Assert.Equal(45, stored.ContinuousPainMinutes);
        Assert.Equal(episode.CreatedAtUtc, stored.CreatedAtUtc);
        Assert.Equal(episode.UpdatedAtUtc, stored.UpdatedAtUtc);
    }

    [Fact]
    public async Task AddIfAbsentAsync_OptionalFieldsEmpty_RoundTripAsNull()
    {
        var patient = await Database.CreateUserAsync();
        var episode = NewEpisode(patient, FirstNight);
        episode.DurationMinutes = null;
        episode.PainScore = null;
        episode.PainAfterHours = null;
        episode.ContinuousPainMinutes = null;
        episode.CalfDifferenceCm = null;
        episode.Notes = null;

        await Store.AddIfAbsentAsync(episode, CancellationToken.None);

        var stored = await Store.FindAsync(patient, episode.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Null(stored.DurationMinutes);
        Assert.Null(stored.PainScore);
        Assert.Null(stored.PainAfterHours);
        Assert.Null(stored.ContinuousPainMinutes);
        Assert.Null(stored.CalfDifferenceCm);
        Assert.Null(stored.Notes);
    }

    [Fact]
    public async Task ListNightsAsync_SeveralEpisodesPerNight_ReturnsDistinctNightsNewestFirstWithPaging()
    {
        var patient = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        var nights = new[] { FirstNight, FirstNight.AddDays(3), FirstNight, FirstNight.AddDays(1), FirstNight.AddDays(3) };
        foreach (var night in nights)
        {
            await Store.AddIfAbsentAsync(NewEpisode(patient, night), CancellationToken.None);
        }

        await Store.AddIfAbsentAsync(NewEpisode(other, FirstNight.AddDays(2)), CancellationToken.None);

        Assert.Equal(
            new[] { FirstNight.AddDays(3), FirstNight.AddDays(1), FirstNight },
            await Store.ListNightsAsync(patient, 0, 10, CancellationToken.None));
        Assert.Equal(
            new[] { FirstNight.AddDays(3), FirstNight.AddDays(1) },
            await Store.ListNightsAsync(patient, 0, 2, CancellationToken.None));
        Assert.Equal(new[] { FirstNight }, await Store.ListNightsAsync(patient, 2, 2, CancellationToken.None));
        Assert.Empty(await Store.ListNightsAsync(patient, 3, 2, CancellationToken.None));
    }

    [Fact]
    public async Task ListNightsAsync_NightsAcrossMonthsAndYears_OrdersByDateNotText()
    {
        var patient = await Database.CreateUserAsync();
        var nights = new[] { new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 9), new DateOnly(2026, 1, 10), new DateOnly(2025, 9, 30) };
        foreach (var night in nights)
        {
            await Store.AddIfAbsentAsync(NewEpisode(patient, night), CancellationToken.None);
        }

        Assert.Equal(
            nights.OrderDescending(),
            await Store.ListNightsAsync(patient, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task CountNightsAsync_SeveralEpisodesPerNight_CountsDistinctNightsOfThatPatientOnly()
    {
        var patient = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        foreach (var night in new[] { FirstNight, FirstNight, FirstNight.AddDays(1), FirstNight.AddDays(5) })
        {
            await Store.AddIfAbsentAsync(NewEpisode(patient, night), CancellationToken.None);
        }

        await Store.AddIfAbsentAsync(NewEpisode(other, FirstNight.AddDays(9)), CancellationToken.None);

        Assert.Equal(3, await Store.CountNightsAsync(patient, CancellationToken.None));
        Assert.Equal(1, await Store.CountNightsAsync(other, CancellationToken.None));
        Assert.Equal(0, await Store.CountNightsAsync(Guid.NewGuid().ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task ListByNightsAsync_Range_ReturnsThatPatientsEpisodesInclusiveNewestFirst()
    {
        var patient = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        var before = NewEpisode(patient, FirstNight);
        var fromEarly = NewEpisode(patient, FirstNight.AddDays(1), startedAt: new TimeOnly(22, 0));
        var fromLate = NewEpisode(patient, FirstNight.AddDays(1), startedAt: new TimeOnly(23, 30));
        var to = NewEpisode(patient, FirstNight.AddDays(3));
        var after = NewEpisode(patient, FirstNight.AddDays(4));
        var othersInRange = NewEpisode(other, FirstNight.AddDays(2));
        foreach (var episode in new[] { before, to, fromEarly, after, fromLate, othersInRange })
        {
            await Store.AddIfAbsentAsync(episode, CancellationToken.None);
        }

        var listed = await Store.ListByNightsAsync(patient, FirstNight.AddDays(1), FirstNight.AddDays(3), CancellationToken.None);

        Assert.Equal(new[] { to.Id, fromLate.Id, fromEarly.Id }, listed.Select(e => e.Id));
        Assert.All(listed, e => Assert.Equal(patient, e.PatientId));
    }

    [Fact]
    public async Task DeleteAllAsync_TwoPatients_DeletesOnlyHers()
    {
        var patient = await Database.CreateUserAsync();
        var other = await Database.CreateUserAsync();
        for (var i = 0; i < 3; i++)
        {
            await Store.AddIfAbsentAsync(NewEpisode(patient, FirstNight.AddDays(i)), CancellationToken.None);
        }

        var othersEpisode = NewEpisode(other, FirstNight);
        await Store.AddIfAbsentAsync(othersEpisode, CancellationToken.None);

        Assert.Equal(3, await Store.DeleteAllAsync(patient, CancellationToken.None));

        Assert.Equal(0, await Store.CountNightsAsync(patient, CancellationToken.None));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Episodes.CountAsync(e => e.PatientId == patient));
        Assert.NotNull(await Store.FindAsync(other, othersEpisode.Id, CancellationToken.None));
    }

    private static PropertyInfo[] AnswerProperties() =>
        typeof(EpisodeAnswers).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(Answer) && p.CanWrite)
            .ToArray();

    private async Task<int> CountRowsAsync(Guid id)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.Episodes.CountAsync(e => e.Id == id);
    }

    private static Episode NewEpisode(string patientId, DateOnly night, int? painScore = 5, TimeOnly? startedAt = null)
    {
        var started = night.ToDateTime(startedAt ?? new TimeOnly(23, 0), DateTimeKind.Utc);
        return new Episode
        {
            Id = Guid.NewGuid(),
            PatientId = patientId,
            StartedAtUtc = started,
            Night = night,
            Side = Side.Left,
            DurationMinutes = 3,
            Locations = CrampLocations.Calf,
            PainScore = painScore,
            HelpedBy = ReliefMethods.Stretching,
            Answers = new EpisodeAnswers { ChestPain = Answer.No, Swelling = Swelling.None },
            CreatedAtUtc = started,
            UpdatedAtUtc = started,
        };
    }
}
