using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Infrastructure.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Stores;

/// <summary>
/// The one writer of new cramps (group commit) on the real SQLite database: many callers at once are each answered with
/// their stored cramp, summaries stay exact, a duplicate client id doesn't fail its batch, a cramp the database refuses
/// fails alone, and keyset pages list everything once.
/// </summary>
public sealed class EpisodeWriterTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private TestDatabase Database => fixture.Database;

    private IEpisodeStore Store => Database.Services.GetRequiredService<IEpisodeStore>();

    private static Episode NewEpisode(string patientId, DateTime startedUtc, Guid? clientId = null) => new()
    {
        Id = Guid.NewGuid(),
        ClientId = clientId ?? Guid.NewGuid(),
        PatientId = patientId,
        StartedAtUtc = startedUtc,
        Night = PregnancyCalendar.NightOf(startedUtc, PregnancyCalendar.FindZoneOrUtc("Europe/London")),
        Side = Side.Left,
        CreatedAtUtc = startedUtc,
        UpdatedAtUtc = startedUtc,
    };

    [Fact]
    public async Task ManyCallersAtOnce_EachGetsTheirCramp_OneRowEach_SummariesExact()
    {
        var patients = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            patients.Add(await Database.CreateUserAsync());
        }

        var start = new DateTime(2026, 3, 10, 23, 0, 0, DateTimeKind.Utc);
        var episodes = Enumerable.Range(0, 200).Select(i => NewEpisode(patients[i % 5], start.AddMinutes(i))).ToList();
        var results = await Task.WhenAll(episodes.Select(e => Task.Run(() => Store.AddIfAbsentAsync(e, CancellationToken.None))));

        Assert.All(results.Zip(episodes), r => Assert.Equal((r.Second.Id, true), (r.First.Episode.Id, r.First.Created)));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        foreach (var patient in patients)
        {
            Assert.Equal(40, await db.Episodes.CountAsync(e => e.PatientId == patient));
            Assert.Equal(40, await db.PatientNights.Where(n => n.PatientId == patient).SumAsync(n => n.EpisodeCount));
            var last = await db.PatientActivity.Where(a => a.PatientId == patient).Select(a => a.LastEpisodeAtUtc).SingleAsync();
            Assert.Equal(episodes.Where(e => e.PatientId == patient).Max(e => e.StartedAtUtc), last);
        }
    }

    [Fact]
    public async Task ADuplicateClientId_DoesNotFailItsBatch_AndAnswersWithTheStoredCramp()
    {
        var patient = await Database.CreateUserAsync();
        var clientId = Guid.NewGuid();
        var start = new DateTime(2026, 3, 11, 22, 0, 0, DateTimeKind.Utc);
        var batch = new List<Episode> { NewEpisode(patient, start, clientId), NewEpisode(patient, start.AddMinutes(1), clientId) };
        batch.AddRange(Enumerable.Range(2, 30).Select(i => NewEpisode(patient, start.AddMinutes(i))));

        var results = await Task.WhenAll(batch.Select(e => Store.AddIfAbsentAsync(e, CancellationToken.None)));

        Assert.Equal(31, results.Count(r => r.Created));
        var sameClient = results.Where(r => r.Episode.ClientId == clientId).ToList();
        Assert.Equal(2, sameClient.Count);
        Assert.Single(sameClient.Select(r => r.Episode.Id).Distinct());
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(31, await db.Episodes.CountAsync(e => e.PatientId == patient));
    }

    [Fact]
    public async Task ACrampTheDatabaseRefuses_FailsAlone_TheOthersInItsBatchAreStored()
    {
        var patient = await Database.CreateUserAsync();
        var start = new DateTime(2026, 3, 12, 22, 0, 0, DateTimeKind.Utc);
        var good = Enumerable.Range(0, 20).Select(i => NewEpisode(patient, start.AddMinutes(i))).ToList();
        var orphan = NewEpisode("no-such-user-" + Guid.NewGuid(), start); // the foreign key refuses it

        var calls = good.Take(10).Select(e => Store.AddIfAbsentAsync(e, CancellationToken.None))
            .Append(Store.AddIfAbsentAsync(orphan, CancellationToken.None))
            .Concat(good.Skip(10).Select(e => Store.AddIfAbsentAsync(e, CancellationToken.None)))
            .ToList();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => calls[10]);
        foreach (var call in calls.Where((_, i) => i != 10))
        {
            Assert.True((await call).Created);
        }

        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(20, await db.Episodes.CountAsync(e => e.PatientId == patient));
        Assert.Equal(0, await db.Episodes.CountAsync(e => e.Id == orphan.Id));
        Assert.Equal(0, await db.Assessments.CountAsync(a => a.EpisodeId == orphan.Id));
        Assert.Equal(20, await db.PatientNights.Where(n => n.PatientId == patient).SumAsync(n => n.EpisodeCount));
    }

    [Fact]
    public async Task ARetryInTheSameBatchAsACrampThatFails_FailsToo_NeverAnsweredAsStored()
    {
        var patient = await Database.CreateUserAsync();
        var start = new DateTime(2026, 3, 15, 22, 0, 0, DateTimeKind.Utc);
        var orphanPatient = "no-such-user-" + Guid.NewGuid();
        var clientId = Guid.NewGuid();
        var first = NewEpisode(orphanPatient, start, clientId);
        var retry = NewEpisode(orphanPatient, start, clientId);
        var others = Enumerable.Range(0, 5).Select(i => NewEpisode(patient, start.AddMinutes(i))).ToList();

        var calls = others.Take(2).Select(e => Store.AddIfAbsentAsync(e, CancellationToken.None))
            .Append(Store.AddIfAbsentAsync(first, CancellationToken.None))
            .Append(Store.AddIfAbsentAsync(retry, CancellationToken.None))
            .Concat(others.Skip(2).Select(e => Store.AddIfAbsentAsync(e, CancellationToken.None)))
            .ToList();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => calls[2]);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => calls[3]);
        foreach (var call in calls.Where((_, i) => i is not 2 and not 3))
        {
            Assert.True((await call).Created);
        }
    }

    [Fact]
    public async Task TheWritersRows_AreStoredExactlyAsEfCoreStoresThem()
    {
        // Every column of a cramp with every field and answer set, its assessment and its flag, written by the writer's
        // prepared INSERTs and by EF Core's SaveChanges, compared as SQLite stores them (text formats, case, numbers).
        var patient = await Database.CreateUserAsync();
        var start = new DateTime(2026, 3, 16, 22, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        Episode Full() => new()
        {
            Id = Guid.NewGuid(), ClientId = Guid.NewGuid(), ClientRequestHash = new string('a', 64), PatientId = patient, StartedAtUtc = start,
            Night = new DateOnly(2026, 3, 16), Side = Side.Both, DurationMinutes = 7, Locations = CrampLocations.Calf | CrampLocations.Thigh, PainScore = 6,
            HelpedBy = ReliefMethods.Massage | ReliefMethods.Warmth, PainAfterHours = 2.5m, ContinuousPainMinutes = 45, CalfDifferenceCm = 1.5m,
            Notes = "Ça fait mal – 痛い 👣", CreatedAtUtc = start, UpdatedAtUtc = start.AddMinutes(1), PainCheckedAtUtc = start.AddHours(1),
            Answers = new EpisodeAnswers
            {
                SuddenBreathlessness = Answer.No, ChestPain = Answer.Yes, Swelling = Swelling.WholeLeg, PainStillThere = Answer.Yes, PainSide = Side.Right,
                CrampOver10Minutes = Answer.No, SleepBadlyDisturbed = Answer.Yes,
            },
        };
        Assessment Flag(Episode e) => Review.ReviewData.NewAssessment(e, Rules.TriageLevel.Emergency, start.AddMinutes(2));

        var viaWriter = Full();
        await Store.AddIfAbsentAsync(viaWriter, Flag(viaWriter), CancellationToken.None);
        var viaEf = Full();
        var efAssessment = Flag(viaEf);
        await using (var db = await Database.Contexts.CreateDbContextAsync())
        {
            db.Episodes.Add(viaEf);
            db.Assessments.Add(efAssessment);
            db.UnreviewedFlags.Add(SummaryWriter.FirstFlag(efAssessment)!);
            await db.SaveChangesAsync();
        }

        Assert.Equal(await RowAsync("Episodes", "Id", viaEf.Id), await RowAsync("Episodes", "Id", viaWriter.Id));
        Assert.Equal(await RowAsync("Assessments", "EpisodeId", viaEf.Id), await RowAsync("Assessments", "EpisodeId", viaWriter.Id));
        Assert.Equal(await RowAsync("UnreviewedFlags", "EpisodeId", viaEf.Id), await RowAsync("UnreviewedFlags", "EpisodeId", viaWriter.Id));

        // Each row as stored: every column's type and text, but the ids that differ by design.
        async Task<string> RowAsync(string table, string key, Guid id)
        {
            await using var context = await Database.Contexts.CreateDbContextAsync();
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = TestDatabase.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id; // SQLite keeps ids as text
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"no {table} row for {id}");
            var ids = new[] { "Id", "ClientId", "EpisodeId", "AssessmentId" };
            return string.Join("; ", Enumerable.Range(0, reader.FieldCount)
                .Where(i => !ids.Contains(reader.GetName(i)))
                .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : reader.GetFieldType(i).Name + ":" + Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}"));
        }
    }

    [Fact]
    public async Task ListPage_NewestFirst_EveryCrampOnce_EvenWithTiesAcrossPageEnds()
    {
        var patient = await Database.CreateUserAsync();
        var start = new DateTime(2026, 3, 13, 22, 0, 0, DateTimeKind.Utc);

        // Groups of cramps with the very same start, so that pages end inside them.
        var episodes = Enumerable.Range(0, 23).Select(i => NewEpisode(patient, start.AddMinutes(i / 4))).ToList();
        foreach (var e in episodes)
        {
            await Store.AddIfAbsentAsync(e, CancellationToken.None);
        }

        foreach (var size in new[] { 1, 2, 3, 5, 100 })
        {
            var seen = new List<Episode>();
            (DateTime, Guid)? after = null;
            while (true)
            {
                var rows = await Store.ListPageAsync(patient, after, size, CancellationToken.None);
                var page = rows.Take(size).ToList();
                seen.AddRange(page);
                if (rows.Count <= size)
                {
                    break;
                }

                after = (page[^1].StartedAtUtc, page[^1].Id);
            }

            Assert.Equal(episodes.Count, seen.Count);
            Assert.Equal(episodes.OrderByDescending(e => e.StartedAtUtc).ThenByDescending(e => e.Id).Select(e => e.Id), seen.Select(e => e.Id));
        }
    }

    [Fact]
    public async Task TheBatchSummaries_EqualWhatTheSinglePatientUpkeepComputes()
    {
        // Patients due at different times (so this pregnancy starts on different nights), one with no profile, cramps over
        // 120 nights from before this pregnancy to now, flags of every level, written in concurrent batches.
        var data = new Review.ReviewData(Database);
        var patients = new List<string>
        {
            await data.PatientAsync(due: new DateOnly(2026, 5, 1)),
            await data.PatientAsync(due: new DateOnly(2026, 8, 1)),
            await data.PatientAsync(due: new DateOnly(2026, 9, 15), zone: "America/New_York"),
            await Database.CreateUserAsync(),
        };
        var random = new Random(13);
        var start = new DateTime(2026, 1, 1, 22, 0, 0, DateTimeKind.Utc);
        var writes = new List<Task<(Episode, bool)>>();
        for (var i = 0; i < 240; i++)
        {
            var episode = Review.ReviewData.NewEpisode(patients[random.Next(patients.Count)], start.AddHours(random.Next(120 * 24)));
            var level = (Rules.TriageLevel)random.Next(4);
            writes.Add(Store.AddIfAbsentAsync(episode, Review.ReviewData.NewAssessment(episode, level, episode.StartedAtUtc.AddMinutes(1), incomplete: random.Next(5) == 0), CancellationToken.None));
        }

        await Task.WhenAll(writes);
        var batched = await SummariesAsync(patients);

        await using (var db = await Database.Contexts.CreateDbContextAsync())
        {
            foreach (var patient in patients)
            {
                var nights = await db.Episodes.Where(e => e.PatientId == patient).Select(e => e.Night).Distinct().ToListAsync();
                await SummaryWriter.RefreshNightsAsync(db, patient, nights, CancellationToken.None);
                await SummaryWriter.RefreshActivityAsync(db, patient, CancellationToken.None);
            }
        }

        Assert.Equal(await SummariesAsync(patients), batched);
    }

    private async Task<string> SummariesAsync(IReadOnlyList<string> patients)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var activity = await db.PatientActivity.AsNoTracking().Where(a => patients.Contains(a.PatientId)).OrderBy(a => a.PatientId).ToListAsync();
        var nights = await db.PatientNights.AsNoTracking().Where(n => patients.Contains(n.PatientId)).OrderBy(n => n.PatientId).ThenBy(n => n.Night).ToListAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { activity, nights });
    }

    [Fact]
    public async Task Dispose_WritesWhatIsQueued_ThenRefusesMore()
    {
        var patient = await Database.CreateUserAsync();
        var writer = new EpisodeWriter(Database.Contexts, Microsoft.Extensions.Logging.Abstractions.NullLogger<EpisodeWriter>.Instance);
        var start = new DateTime(2026, 3, 14, 22, 0, 0, DateTimeKind.Utc);
        var queued = Enumerable.Range(0, 10).Select(i => NewEpisode(patient, start.AddMinutes(i)))
            .Select(e => writer.AddIfAbsentAsync(e, EpisodeStoreTestExtensions.AssessmentFor(e), CancellationToken.None)).ToList();
        await writer.DisposeAsync();

        Assert.All(await Task.WhenAll(queued), r => Assert.True(r.Created));
        var late = NewEpisode(patient, start.AddHours(1));
        Assert.Throws<ObjectDisposedException>(() => { _ = writer.AddIfAbsentAsync(late, EpisodeStoreTestExtensions.AssessmentFor(late), CancellationToken.None); });
    }
}
