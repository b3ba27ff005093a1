using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Infrastructure.Tests.Review;

/// <summary>
/// Deploying rule set 2026.2 over a database of 2026.1 results, on real SQLite: the last 14 days' cramps are assessed
/// again once; a changed result is a new assessment beside the old one (which stays as it was); a higher one reaches her
/// home page with conditional wording and the midwife's caseload as unreviewed; a restart never runs it again.
/// </summary>
public sealed class RuleSetUpgradeTests : IAsyncLifetime
{
    /// <summary>Monday 7 December 2026, 10:00 in London: the day 2026.2 is deployed.</summary>
    private static readonly DateTime Deployed = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Deployed));
    private TestDatabase _database = default!;

    private ReviewData Data => new(_database);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateInitializedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>
    /// Pain still there 8 hours after a cramp, not getting better, every warning-sign question answered no. 2026.1: NONE
    /// (UR-6 needed more than 24 hours in one leg); 2026.2: URGENT (UR-6 from 6 hours, any leg).
    /// </summary>
    private static EpisodeAnswers PainNotEasing8Hours() => new()
    {
        SuddenBreathlessness = Answer.No, ChestPain = Answer.No, CoughingBlood = Answer.No, Fainted = Answer.No,
        Swelling = Swelling.NotOneLeg, RedOrDarkerSkin = Answer.No, Warmth = Answer.No, GradualBreathlessness = Answer.No,
        EasedByStretching = Answer.Yes, PainStillThere = Answer.Yes, PainAfterImproving = Answer.No, PainSide = Side.Left,
        HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No, PainPullingToesUp = Answer.No, Tenderness = Answer.No,
    };

    /// <summary>An ordinary 2-minute cramp, every question answered: NO-1 under both rule sets.</summary>
    private static EpisodeAnswers OrdinaryCramp() => new()
    {
        SuddenBreathlessness = Answer.No, ChestPain = Answer.No, CoughingBlood = Answer.No, Fainted = Answer.No,
        Swelling = Swelling.None, RedOrDarkerSkin = Answer.No, Warmth = Answer.No, GradualBreathlessness = Answer.No,
        EasedByStretching = Answer.Yes, PainStillThere = Answer.No,
    };

    /// <summary>Stores an episode with the result rule set 2026.1 gave it, as 2026.1 stored it (its own inputs format).</summary>
    private async Task<(Episode Episode, Assessment Assessment)> LoggedUnder2026Point1Async(
        string patientId, DateTime startUtc, EpisodeAnswers answers, TriageLevel level, string rules, decimal? painHours = null, int? minutes = null)
    {
        var episode = ReviewData.NewEpisode(patientId, startUtc);
        episode.Answers = answers;
        episode.PainAfterHours = painHours;
        episode.DurationMinutes = minutes;
        episode.UpdatedAtUtc = startUtc.AddHours(8);
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(), EpisodeId = episode.Id, PatientId = patientId, AssessedAtUtc = startUtc.AddHours(8), Reason = AssessmentReason.Edited,
            RuleSetVersion = "2026.1", Level = level, FiredRules = rules, IsIncomplete = false,
            InputsJson = "{\"patient\":{\"gestationalWeek\":33,\"postpartumDay\":null,\"riskFactors\":[]},\"episode\":{\"side\":\"left\"," +
                         "\"painAfterCramp\":{\"hours\":8,\"improving\":false}},\"symptoms\":{},\"history\":{\"crampNightsAgo\":[]}}",
        };
        var (_, created) = await Data.Episodes.AddIfAbsentAsync(episode, assessment, CancellationToken.None);
        Assert.True(created);
        return (episode, assessment);
    }

    private RuleSetUpgradeService Upgrade() => new(
        _database.Services.GetRequiredService<IRuleSetUpgradeStore>(),
        _database.Services.GetRequiredService<IEpisodeStore>(),
        _database.Services.GetRequiredService<IGuidanceStore>(),
        new EpisodeAssessor(TriageEngine.Default),
        _time,
        NullLogger<RuleSetUpgradeService>.Instance);

    private EpisodeService EpisodesFor(string patientId) => new(
        new FixedUser(new CurrentUserInfo(patientId, new HashSet<string> { Roles.Patient })),
        _database.Services.GetRequiredService<IEpisodeStore>(),
        _database.Services.GetRequiredService<IProfileStore>(),
        new EpisodeAssessor(TriageEngine.Default),
        _database.Services.GetRequiredService<IGuidanceStore>(),
        new SafetyOptions(),
        _database.Services.GetRequiredService<IAuditLog>(),
        _time,
        NullLogger<EpisodeService>.Instance);

    private async Task<List<Assessment>> AssessmentsAsync(Guid episodeId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.Assessments.AsNoTracking().Where(a => a.EpisodeId == episodeId).OrderBy(a => a.AssessedAtUtc).ToListAsync();
    }

    [Fact]
    public async Task Run_ANoneUnder2026Point1ThatIsUrgentUnder2026Point2_AddsTheUrgentResult_KeepsTheOld_FlagsItForTheMidwife_AndHerHomePageSaysIt()
    {
        var patient = await Data.PatientAsync(due: new DateOnly(2027, 1, 20));
        var (raised, old) = await LoggedUnder2026Point1Async(patient, Deployed.AddDays(-2), PainNotEasing8Hours(), TriageLevel.None, "", painHours: 8m);

        var outcome = await Upgrade().RunAsync();

        Assert.Equal((false, 1, 1, 0), (outcome.AlreadyDone, outcome.Checked, outcome.Raised, outcome.Failed));
        var stored = await AssessmentsAsync(raised.Id);
        Assert.Equal(2, stored.Count);
        // The old result is kept exactly as it was given, with its version.
        Assert.Equal((old.Id, "2026.1", TriageLevel.None, "", old.InputsJson), (stored[0].Id, stored[0].RuleSetVersion, stored[0].Level, stored[0].FiredRules, stored[0].InputsJson));
        var now = stored[1];
        Assert.Equal(("2026.2", AssessmentReason.RuleSetUpgrade, TriageLevel.Urgent, "UR-6"), (now.RuleSetVersion, now.Reason, now.Level, now.FiredRules));
        Assert.Equal(Deployed, now.AssessedAtUtc);
        // The midwife's caseload counts it as a warning sign nobody has reviewed.
        var activity = (await Data.StoredAsync(patient)).Activity!;
        Assert.Equal(1, activity.UnreviewedUrgent);
        await Data.AssertSummariesRightAsync(patient);

        // Her home page: conditional wording, no clock.
        var update = Assert.Single((await EpisodesFor(patient).GetRuleSetUpdatesAsync()).Value!);
        Assert.Equal(raised.Id, update.Id);
        var card = update.Assessment!.Card!;
        Assert.True(card.IsReassessment);
        Assert.Null(card.Clock);
        Assert.Equal(
            ["If you still have this pain or these symptoms now, call maternity triage now, or your GP or NHS 111 if you can't reach them."],
            card.Actions);
    }

    [Fact]
    public async Task Run_AnUnreviewedFlagWhoseAnswersNowGiveLess_StaysAndIsExplainedWith2026Point1Words()
    {
        // 2026.1 gave UR-7 (she had a previous clot then); she has since removed the risk factor, so 2026.2 alone would
        // give less. Nothing she or her midwife was told is lowered: no new result, the flag stays unreviewed.
        var patient = await Data.PatientAsync(due: new DateOnly(2027, 1, 20));
        var answers = PainNotEasing8Hours() with { PainAfterImproving = Answer.Yes };
        var (episode, old) = await LoggedUnder2026Point1Async(patient, Deployed.AddDays(-3), answers, TriageLevel.Urgent, "UR-7", painHours: 3m, minutes: 2);

        var outcome = await Upgrade().RunAsync();

        Assert.Equal((1, 0), (outcome.Checked, outcome.Raised));
        Assert.Equal([old.Id], (await AssessmentsAsync(episode.Id)).Select(a => a.Id));
        Assert.Equal(1, (await Data.StoredAsync(patient)).Activity!.UnreviewedUrgent);
        var shown = Assert.Single((await EpisodesFor(patient).GetAssessmentsAsync(episode.Id)).Value!);
        Assert.Equal("2026.1", shown.RuleSetVersion);
        var reason = Assert.Single(shown.Card!.Reasons);
        Assert.Equal(
            "Pain in one leg has lasted 2 hours or more, and your risk of a clot is higher than usual just now (for example in the weeks after birth, after a previous clot, an operation, or a long journey).",
            reason.Text);
    }

    [Fact]
    public async Task Run_Twice_OrAfterARestart_DoesNothingTheSecondTime()
    {
        var patient = await Data.PatientAsync(due: new DateOnly(2027, 1, 20));
        var (raised, _) = await LoggedUnder2026Point1Async(patient, Deployed.AddDays(-2), PainNotEasing8Hours(), TriageLevel.None, "", painHours: 8m);
        await Upgrade().RunAsync();

        _time.Advance(TimeSpan.FromHours(1));
        var again = await Upgrade().RunAsync();

        Assert.True(again.AlreadyDone);
        Assert.Equal(2, (await AssessmentsAsync(raised.Id)).Count);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal(Deployed, (await db.ReleaseTasks.SingleAsync(t => t.Name == "reassess-2026.2")).CompletedAtUtc);
    }

    [Fact]
    public async Task Run_OlderThan14Days_OrTheSameResult_AddsNothing()
    {
        var patient = await Data.PatientAsync(due: new DateOnly(2027, 1, 20));
        var (older, _) = await LoggedUnder2026Point1Async(patient, Deployed.AddDays(-15), PainNotEasing8Hours(), TriageLevel.None, "", painHours: 8m);
        var (same, _) = await LoggedUnder2026Point1Async(patient, Deployed.AddDays(-1), OrdinaryCramp(), TriageLevel.None, "NO-1", minutes: 2);

        var outcome = await Upgrade().RunAsync();

        Assert.Equal((1, 0), (outcome.Checked, outcome.Raised));
        Assert.Single(await AssessmentsAsync(older.Id));
        Assert.Single(await AssessmentsAsync(same.Id));
        Assert.Empty((await EpisodesFor(patient).GetRuleSetUpdatesAsync()).Value!);
    }

    [Fact]
    public async Task Run_HerOwnNewerResultCameFirst_IsNotOverwritten()
    {
        var patient = await Data.PatientAsync(due: new DateOnly(2027, 1, 20));
        var (episode, old) = await LoggedUnder2026Point1Async(patient, Deployed.AddDays(-2), PainNotEasing8Hours(), TriageLevel.None, "", painHours: 8m);
        var store = _database.Services.GetRequiredService<IRuleSetUpgradeStore>();
        var candidate = Assert.Single(await store.ListCandidatesAsync(Deployed.AddDays(-14), "2026.2", CancellationToken.None));
        Assert.Equal(old.Id, candidate.Current.Id);

        // She answers the pain follow-up in between: her 2026.2 result is now the current one.
        var hers = new Assessment
        {
            Id = Guid.NewGuid(), EpisodeId = episode.Id, PatientId = patient, AssessedAtUtc = Deployed.AddMinutes(-1), Reason = AssessmentReason.PainFollowUp,
            RuleSetVersion = "2026.2", Level = TriageLevel.Urgent, FiredRules = "UR-6", InputsJson = "{}",
        };
        Assert.True(await Data.Episodes.UpdateAsync(episode, hers, CancellationToken.None));
        var upgrade = new EpisodeAssessor(TriageEngine.Default).Assess(episode, candidate.Profile, [], AssessmentReason.RuleSetUpgrade, Deployed);

        Assert.False(await store.AddIfStillCurrentAsync(upgrade, old.Id, CancellationToken.None));
        Assert.Empty(await store.ListCandidatesAsync(Deployed.AddDays(-14), "2026.2", CancellationToken.None));
        Assert.Equal(2, (await AssessmentsAsync(episode.Id)).Count);
    }

    private sealed class FixedUser(CurrentUserInfo user) : ICurrentUser
    {
        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(user);
    }
}
