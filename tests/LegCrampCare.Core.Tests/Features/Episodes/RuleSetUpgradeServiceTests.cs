using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Tests.Fakes;
using LegCrampCare.Core.Triage;
using LegCrampCare.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Episodes;

/// <summary>
/// The one-time re-assessment's decisions: only a higher result is added (nothing the patient or her midwife was told is
/// lowered or cleared), and one episode that fails neither stops the others nor marks the run done.
/// </summary>
public sealed class RuleSetUpgradeServiceTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    private readonly InMemoryEpisodeStore _episodes = new();
    private readonly FakeUpgradeStore _store = new();

    private RuleSetUpgradeService Service() => new(
        _store, _episodes, new InMemoryGuidanceStore(), new EpisodeAssessor(TriageEngine.Default),
        new FakeTimeProvider(new DateTimeOffset(Now)), NullLogger<RuleSetUpgradeService>.Instance);

    private static PregnancyProfile Profile(string patient) => new()
    {
        UserId = patient, DisplayName = patient, DateOfBirth = new DateOnly(1990, 1, 1), DueDate = new DateOnly(2027, 1, 20), TimeZoneId = "Europe/London",
    };

    /// <summary>Pain still there 8 hours after a cramp, not easing, all questions answered: URGENT (UR-6) under 2026.2.</summary>
    private static Episode PainNotEasing(string patient) => new()
    {
        Id = Guid.NewGuid(), PatientId = patient, StartedAtUtc = Now.AddDays(-2), Night = DateOnly.FromDateTime(Now.AddDays(-3)), Side = Side.Left,
        DurationMinutes = 2, PainAfterHours = 8m, UpdatedAtUtc = Now.AddDays(-2).AddHours(8),
        Answers = new EpisodeAnswers
        {
            SuddenBreathlessness = Answer.No, ChestPain = Answer.No, CoughingBlood = Answer.No, Fainted = Answer.No, Swelling = Swelling.None,
            RedOrDarkerSkin = Answer.No, Warmth = Answer.No, EasedByStretching = Answer.Yes, PainStillThere = Answer.Yes, PainAfterImproving = Answer.No,
            HeavyAche = Answer.No, PainOnWalkingOrStanding = Answer.No, PainPullingToesUp = Answer.No, Tenderness = Answer.No, PainSide = Side.Left,
        },
    };

    private static Assessment Given(Episode episode, TriageLevel level, string rules, bool incomplete = false) => new()
    {
        Id = Guid.NewGuid(), EpisodeId = episode.Id, PatientId = episode.PatientId, AssessedAtUtc = episode.UpdatedAtUtc, Reason = AssessmentReason.Edited,
        RuleSetVersion = "2026.1", Level = level, FiredRules = rules, IsIncomplete = incomplete, InputsJson = "{}",
    };

    [Theory]
    [InlineData(TriageLevel.None, "", false, true)]
    [InlineData(TriageLevel.Routine, "FS-1", true, true)]
    [InlineData(TriageLevel.Routine, "RO-3", false, true)]
    [InlineData(TriageLevel.Urgent, "UR-1", false, false)]      // the same level with other rules: an unreviewed flag stays as it is, a reviewed one reviewed
    [InlineData(TriageLevel.Emergency, "EM-2", false, false)]   // her answers now give less (a changed profile): never lowered
    public async Task OnlyAHigherResult_IsAdded(TriageLevel level, string rules, bool incomplete, bool added)
    {
        var episode = PainNotEasing("p");
        _store.Candidates.Add(new UpgradeCandidate(episode, Given(episode, level, rules, incomplete), Profile("p")));

        var outcome = await Service().RunAsync();

        Assert.Equal(added ? 1 : 0, outcome.Raised);
        Assert.Equal(added ? 1 : 0, _store.Added.Count);
        Assert.True(_store.Done);
    }

    [Fact]
    public async Task OneEpisodeFails_TheOthersAreReassessed_AndTheRunIsNotMarkedDone_SoTheNextStartTriesAgain()
    {
        var broken = PainNotEasing("broken");
        var fine = PainNotEasing("fine");
        _store.Candidates.Add(new UpgradeCandidate(broken, Given(broken, TriageLevel.None, ""), Profile("broken")));
        _store.Candidates.Add(new UpgradeCandidate(fine, Given(fine, TriageLevel.None, ""), Profile("fine")));

        _episodes.UnreadablePatient = "broken";
        var first = await Service().RunAsync();

        Assert.Equal((2, 1, 1), (first.Checked, first.Raised, first.Failed));
        Assert.Equal([fine.Id], _store.Added.Select(a => a.EpisodeId));
        Assert.False(_store.Done);

        _store.Candidates.RemoveAll(c => c.Episode.Id == fine.Id); // re-assessed: no longer a candidate
        _episodes.UnreadablePatient = null;
        var second = await Service().RunAsync();

        Assert.Equal((1, 1, 0), (second.Checked, second.Raised, second.Failed));
        Assert.True(_store.Done);
        Assert.True((await Service().RunAsync()).AlreadyDone);
    }

    private sealed class FakeUpgradeStore : IRuleSetUpgradeStore
    {
        public List<UpgradeCandidate> Candidates { get; } = [];

        public List<Assessment> Added { get; } = [];

        public bool Done { get; private set; }

        public Task<bool> IsDoneAsync(string task, CancellationToken ct) => Task.FromResult(Done);

        public Task MarkDoneAsync(string task, DateTime atUtc, CancellationToken ct)
        {
            Done = true;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<UpgradeCandidate>> ListCandidatesAsync(DateTime startedSinceUtc, string ruleSetVersion, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<UpgradeCandidate>>(Candidates.ToList());

        public Task<bool> AddIfStillCurrentAsync(Assessment assessment, Guid expectedCurrentId, CancellationToken ct)
        {
            Added.Add(assessment);
            return Task.FromResult(true);
        }
    }
}
