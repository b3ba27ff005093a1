using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Infrastructure.Tests.Review;

/// <summary>
/// ADR 0022: the caseload summaries stay exact when many writers change one patient at once — on PostgreSQL, where
/// several nodes write in parallel, the transactions for one patient take her advisory lock; on SQLite the database's
/// write lock serialises them.
/// </summary>
public sealed class ConcurrentSummaryTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 6, 9, 23, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task SixteenWritersForOnePatient_EditsMeasurementsReviewsAndNewCramps_SummariesEqualARecount()
    {
        var data = new ReviewData(fixture.Database);
        var store = data.Episodes;
        var patient = await data.PatientAsync("Busy Patient");
        var midwife = await fixture.Database.CreateUserAsync(Roles.Midwife);
        var logged = new List<(Episode Episode, Assessment Assessment)>();
        for (var i = 0; i < 16; i++)
        {
            logged.Add(await data.LogAsync(patient, T0.AddDays(-(i % 8)).AddMinutes(i), i % 2 == 0 ? TriageLevel.Urgent : TriageLevel.None));
        }

        using var go = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            go.Wait();
            // Each writer changes its own cramp (the results of one cramp follow each other in time, as in the app), and
            // all of them change the same patient's nights, flags and latest cramp.
            var (episode, assessment) = logged[w];
            for (var round = 0; round < 8; round++)
            {
                var at = T0.AddDays(1).AddMinutes(round);
                switch (w % 4)
                {
                    case 0: // she moves a cramp to another night, with a new result
                        var moved = Copy(episode, T0.AddDays(-((w + round) % 10)).AddMinutes(w));
                        await store.UpdateAsync(moved, ReviewData.NewAssessment(moved, round % 2 == 0 ? TriageLevel.Urgent : TriageLevel.None, at), CancellationToken.None);
                        break;
                    case 1: // a midwife's measurement re-assesses it
                        await store.RecordMidwifeCalfDifferenceAsync(patient, episode.Id, 1.5m + round,
                            ReviewData.NewAssessment(episode, round % 2 == 0 ? TriageLevel.Urgent : TriageLevel.Emergency, at), CancellationToken.None);
                        break;
                    case 2: // a midwife reviews its flag (again: the store answers "already reviewed")
                        await store.AddReviewAsync(ReviewData.NewReview(assessment, midwife, at), CancellationToken.None);
                        break;
                    default: // a new cramp
                        await data.LogAsync(patient, T0.AddDays(-(round + w % 5)).AddMinutes(w * 7 + round), TriageLevel.Urgent);
                        break;
                }
            }
        })).ToList();
        go.Set();
        await Task.WhenAll(writers);

        await data.AssertSummariesRightAsync(patient);
    }

    private static Episode Copy(Episode e, DateTime start) => new()
    {
        Id = e.Id,
        ClientId = e.ClientId,
        PatientId = e.PatientId,
        StartedAtUtc = start,
        Night = PregnancyCalendar.NightOf(start, ReviewData.London),
        Side = e.Side,
        CreatedAtUtc = e.CreatedAtUtc,
        UpdatedAtUtc = start,
    };
}
