using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Infrastructure.Tests.Review;

/// <summary>
/// The caseload over the real store and real SQLite equals the same caseload computed the slow way from the raw rows,
/// after random sequences of every kind of write (a property over random seeds), and in a few fixed cases.
/// </summary>
public sealed class CaseloadStoreTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    // 02:30 UTC on 10 June 2026: the night of the 9th in London and New York, of the 10th in Auckland.
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 2, 30, 0, TimeSpan.Zero);
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Pacific/Auckland"];
    private static readonly TriageLevel[] Levels = [TriageLevel.None, TriageLevel.Routine, TriageLevel.Urgent, TriageLevel.Emergency];

    private TestDatabase Database => fixture.Database;

    private ReviewData Data => new(Database);

    [Fact]
    public async Task ListCandidatesAsync_RevokedGrantsAndOtherMidwives_AreNotReturned()
    {
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var other = await Database.CreateUserAsync(Roles.Midwife);
        var kept = await Data.PatientAsync("Kept");
        var revoked = await Data.PatientAsync("Revoked");
        var elsewhere = await Data.PatientAsync("Elsewhere");
        var keptGrant = await Data.GrantAsync(kept, midwife);
        var revokedGrant = await Data.GrantAsync(revoked, midwife);
        await Data.GrantAsync(elsewhere, other);
        await using (var db = await Database.Contexts.CreateDbContextAsync())
        {
            await db.CareGrants.Where(g => g.Id == revokedGrant.Id).ExecuteUpdateAsync(u => u.SetProperty(g => g.RevokedAtUtc, DateTime.UtcNow));
        }

        var candidates = await Data.Caseloads.ListCandidatesAsync(midwife, CancellationToken.None);

        var only = Assert.Single(candidates);
        Assert.Equal((keptGrant.Id, kept, "Kept", "Europe/London"), (only.Grant.Id, only.Profile.UserId, only.Profile.DisplayName, only.Profile.TimeZoneId));
        Assert.Null(only.Activity);
    }

    [Fact]
    public async Task ListCandidatesAsync_TwoUnrevokedGrantsForOnePatient_ReturnsHerNewestOnce()
    {
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var patient = await Data.PatientAsync("Twice");
        await Data.GrantAsync(patient, midwife);
        var newer = await Data.GrantAsync(patient, midwife, createdAtUtc: new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc));

        var only = Assert.Single(await Data.Caseloads.ListCandidatesAsync(midwife, CancellationToken.None));

        Assert.Equal(newer.Id, only.Grant.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_200_000)]
    [InlineData(1_234_567)]
    [InlineData(9_999_999)]
    public async Task ListCandidatesAsync_InstantsWithFractionsOfASecond_ReadBackToTheMicrosecond(long ticks)
    {
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var patient = await Data.PatientAsync("Fractions");
        await Data.GrantAsync(patient, midwife);
        var started = new DateTime(2026, 6, 9, 23, 59, 59, DateTimeKind.Utc).AddTicks(ticks);
        var episode = ReviewData.NewEpisode(patient, started);
        await Data.Episodes.AddIfAbsentAsync(episode, ReviewData.NewAssessment(episode, TriageLevel.Urgent, started.AddTicks(3)), CancellationToken.None);

        var activity = Assert.Single(await Data.Caseloads.ListCandidatesAsync(midwife, CancellationToken.None)).Activity!;

        // Instants are kept to the microsecond on both providers (ADR 0022).
        Assert.Equal((Micro(started), Micro(started.AddTicks(3))), (activity.LastEpisodeAtUtc!.Value, activity.OldestAtHighestUtc!.Value));
        Assert.Equal(DateTimeKind.Utc, activity.LastEpisodeAtUtc!.Value.Kind);

        static DateTime Micro(DateTime t) => new(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
    }

    [Fact]
    public async Task ListCandidatesAsync_NightMask_CountsTheSameNightsAsTheRawEpisodes()
    {
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var patient = await Data.PatientAsync("Nights");
        await Data.GrantAsync(patient, midwife);
        foreach (var back in new[] { 1, 2, 2, 8, 20, 29, 61, 62, 63, 70 })
        {
            await Data.LogAsync(patient, new DateTime(2026, 6, 10, 22, 0, 0, DateTimeKind.Utc).AddDays(-back), TriageLevel.None);
        }

        var activity = Assert.Single(await Data.Caseloads.ListCandidatesAsync(midwife, CancellationToken.None)).Activity!;

        await using var db = await Database.Contexts.CreateDbContextAsync();
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patient).ToListAsync();
        Assert.Equal(new DateOnly(2026, 6, 9), activity.LatestNight);
        foreach (var (from, to) in new[] { (new DateOnly(2026, 6, 3), new DateOnly(2026, 6, 9)), (new DateOnly(2026, 5, 13), new DateOnly(2026, 6, 9)),
                     (new DateOnly(2026, 6, 4), new DateOnly(2026, 6, 10)), (new DateOnly(2026, 4, 9), new DateOnly(2026, 6, 9)) })
        {
            Assert.Equal(CaseloadReference.Nights(episodes, patient, from, to), activity.NightsBetween(from, to));
        }
    }

    [Property(MaxTest = 12, Arbitrary = [typeof(SeedArbitrary)])]
    public void ListAsync_RandomWrites_EqualsTheCaseloadComputedFromRawRows(int seed) =>
        Task.Run(() => RandomWritesMatchReferenceAsync(seed)).GetAwaiter().GetResult();

    /// <summary>Seeds for the random scenarios (non-negative, so they can be replayed with <c>new Random(seed)</c>).</summary>
    public static class SeedArbitrary
    {
        public static Arbitrary<int> Seeds() => Arb.From(Gen.Choose(0, int.MaxValue - 1));
    }

    private async Task RandomWritesMatchReferenceAsync(int seed)
    {
        var random = new Random(seed);
        var time = new FakeTimeProvider(Now);
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var patients = new List<(string Id, TimeZoneInfo Zone)>();
        for (var i = 0; i < 4; i++)
        {
            var zoneId = Zones[random.Next(Zones.Length)];
            var id = await Data.PatientAsync($"Patient {seed} {i}", zoneId, RandomDueDate(random));
            await Data.GrantAsync(id, midwife);
            patients.Add((id, PregnancyCalendar.FindZoneOrUtc(zoneId)));
        }

        var profiles = Database.Services.GetRequiredService<IProfileStore>();

        var store = Data.Episodes;
        var episodes = new List<Episode>();
        var clock = Now.UtcDateTime.AddDays(-40);
        for (var step = 0; step < 30; step++)
        {
            // Every write happens at a later instant, so "the newest assessment" is never a tie.
            clock = clock.AddMinutes(random.Next(1, 24 * 60));
            var action = episodes.Count == 0 ? 0 : random.Next(7);
            var level = Levels[random.Next(Levels.Length)];
            var incomplete = level == TriageLevel.Routine && random.Next(3) == 0;
            switch (action)
            {
                case 0 or 1:
                    var (patientId, zone) = patients[random.Next(patients.Count)];
                    var started = Now.UtcDateTime.AddHours(-random.Next(1, 35 * 24));
                    var episode = ReviewData.NewEpisode(patientId, started, zone);
                    await store.AddIfAbsentAsync(episode, ReviewData.NewAssessment(episode, level, clock, incomplete), CancellationToken.None);
                    episodes.Add(episode);
                    break;
                case 2:
                    var moved = episodes[random.Next(episodes.Count)];
                    var movedZone = patients.Single(p => p.Id == moved.PatientId).Zone;
                    moved.StartedAtUtc = Now.UtcDateTime.AddHours(-random.Next(1, 35 * 24));
                    moved.Night = PregnancyCalendar.NightOf(moved.StartedAtUtc, movedZone);
                    await store.UpdateAsync(moved, random.Next(2) == 0 ? null : ReviewData.NewAssessment(moved, level, clock, incomplete), CancellationToken.None);
                    break;
                case 3:
                    var deleted = episodes[random.Next(episodes.Count)];
                    await store.DeleteAsync(deleted.PatientId, deleted.Id, CancellationToken.None);
                    episodes.Remove(deleted);
                    break;
                case 4:
                    var target = episodes[random.Next(episodes.Count)];
                    var assessments = await store.ListAssessmentsAsync(target.PatientId, target.Id, CancellationToken.None);
                    var pick = assessments[random.Next(assessments.Count)];
                    if (FlagReview.IsFlag(pick))
                    {
                        await store.AddReviewAsync(ReviewData.NewReview(pick, midwife, clock), CancellationToken.None);
                    }

                    break;
                case 5:
                    // A scan corrects her due date by up to three weeks either way: the first night her grant shows moves
                    // among her logged nights (for those whose pregnancy began among them).
                    var profile = (await profiles.FindAsync(patients[random.Next(patients.Count)].Id, CancellationToken.None))!;
                    profile.DueDate = profile.DueDate!.Value.AddDays(random.Next(-21, 22));
                    await profiles.SaveAsync(profile, CancellationToken.None);
                    break;
                default:
                    var measured = episodes[random.Next(episodes.Count)];
                    await store.RecordMidwifeCalfDifferenceAsync(
                        measured.PatientId, measured.Id, random.Next(0, 40) / 10m, ReviewData.NewAssessment(measured, level, clock, incomplete), CancellationToken.None);
                    break;
            }
        }

        foreach (var (id, _) in patients)
        {
            await Data.AssertSummariesRightAsync(id);
        }

        var user = new FixedUser(new CurrentUserInfo(midwife, new HashSet<string> { Roles.Midwife }));
        var options = new SharingOptions();
        var real = new CaseloadService(user, Data.Caseloads, options, time, NullLogger<CaseloadService>.Instance);
        var slow = new CaseloadService(user, new RawRowsCaseloadStore(Database), options, time, NullLogger<CaseloadService>.Instance);
        foreach (var level in new TriageLevel?[] { null, TriageLevel.Urgent, TriageLevel.None })
        {
            var expected = (await slow.ListAsync(level)).Value!;
            var actual = (await real.ListAsync(level)).Value!;
            Assert.Equal(expected, actual);
        }

        // And each row's nights, counted directly from the raw episodes in her own time zone, from her pregnancy's first day.
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var all = await db.Episodes.AsNoTracking().ToListAsync();
        var rows = (await real.ListAsync()).Value!;
        Assert.Equal(patients.Count, rows.Count);
        var byName = patients.Select((p, i) => (Name: $"Patient {seed} {i}", p.Id, p.Zone)).ToDictionary(p => p.Name);
        foreach (var row in rows)
        {
            var (_, id, zone) = byName[row.Name];
            var first = CaseloadReference.PregnancyStart((await profiles.FindAsync(id, CancellationToken.None))!)!.Value;
            var current = PregnancyCalendar.NightOf(Now.UtcDateTime, zone);
            DateOnly From(int back) => current.AddDays(-back) < first ? first : current.AddDays(-back);
            Assert.Equal(CaseloadReference.Nights(all, id, From(6), current), row.NightsLast7);
            Assert.Equal(CaseloadReference.Nights(all, id, From(27), current), row.NightsLast28);
        }
    }

    /// <summary>
    /// A due date whose pregnancy began long before the episodes (half the time) or among them (she is pregnant again,
    /// and some of her cramps are from the pregnancy before).
    /// </summary>
    private static DateOnly RandomDueDate(Random random) =>
        random.Next(2) == 0 ? new DateOnly(2026, 10, 1) : DateOnly.FromDateTime(Now.UtcDateTime).AddDays(280 - random.Next(0, 40));

    private sealed class FixedUser(CurrentUserInfo user) : ICurrentUser
    {
        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(user);
    }

    /// <summary>The caseload computed the slow way: every raw episode, assessment and review of her patients, no summaries.</summary>
    private sealed class RawRowsCaseloadStore(TestDatabase database) : ICaseloadStore
    {
        public async Task<IReadOnlyList<CaseloadCandidate>> ListCandidatesAsync(string midwifeId, CancellationToken ct)
        {
            await using var db = await database.Contexts.CreateDbContextAsync(ct);
            var grants = await db.CareGrants.AsNoTracking().Where(g => g.MidwifeId == midwifeId && g.RevokedAtUtc == null).ToListAsync(ct);
            var result = new List<CaseloadCandidate>();
            foreach (var grant in grants)
            {
                var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.UserId == grant.PatientId, ct);
                var episodes = await db.Episodes.AsNoTracking().Where(e => e.PatientId == grant.PatientId).ToListAsync(ct);
                var assessments = await db.Assessments.AsNoTracking().Where(a => a.PatientId == grant.PatientId).ToListAsync(ct);
                var reviews = await db.FlagReviews.AsNoTracking().Where(r => r.PatientId == grant.PatientId).ToListAsync(ct);
                result.Add(new CaseloadCandidate(grant, profile, CaseloadReference.Activity(profile, episodes, assessments, reviews)));
            }

            return result;
        }
    }
}
