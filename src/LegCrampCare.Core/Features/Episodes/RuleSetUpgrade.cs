using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Triage;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Core.Features.Episodes;

/// <summary>What the re-assessment after a rule-set change did.</summary>
public sealed record RuleSetUpgradeOutcome(bool AlreadyDone, int Checked, int Changed, int Raised);

/// <summary>
/// Once per rule set, when it is first deployed: the episodes of the last <see cref="Window"/> whose result came from an
/// earlier rule set are assessed again with this one (clinical README principle 4). A result that changes is stored as a
/// new assessment (<see cref="AssessmentReason.RuleSetUpgrade"/>), beside the old one, which stays as it was and is
/// explained with its own version's words; one that is higher reaches her home page (<see cref="IEpisodeService.GetRuleSetUpdatesAsync"/>)
/// and, as a warning sign, the midwife's caseload as unreviewed. Recorded as done, so a restart never runs it again; an
/// interrupted run picks up where it stopped (an episode already re-assessed is no longer a candidate).
/// </summary>
public sealed class RuleSetUpgradeService(
    IRuleSetUpgradeStore store,
    IEpisodeStore episodes,
    IGuidanceStore guidance,
    EpisodeAssessor assessor,
    TimeProvider time,
    ILogger<RuleSetUpgradeService> logger)
{
    /// <summary>How far back episodes are re-assessed: a result older than this is history, not advice for now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    /// <summary>The name the run is recorded under: one per rule set (local thresholds included).</summary>
    public string TaskName => "reassess-" + assessor.Engine.RuleSetVersion;

    public async Task<RuleSetUpgradeOutcome> RunAsync(CancellationToken ct = default)
    {
        if (await store.IsDoneAsync(TaskName, ct))
        {
            return new RuleSetUpgradeOutcome(AlreadyDone: true, 0, 0, 0);
        }

        var nowUtc = time.GetUtcNow().UtcDateTime;
        var candidates = await store.ListCandidatesAsync(nowUtc - Window, assessor.Engine.RuleSetVersion, ct);
        int changed = 0, raised = 0;
        foreach (var (episode, current, profile) in candidates)
        {
            var otherNights = await AssessmentContext.OtherNightsAsync(episodes, episode, ct);
            var assessment = assessor.Assess(episode, profile, otherNights, AssessmentReason.RuleSetUpgrade, nowUtc);
            if (assessment.Level == current.Level && assessment.FiredRules == current.FiredRules)
            {
                // The same advice: nothing new to tell her or her midwife (and a reviewed flag stays reviewed).
                continue;
            }

            assessment.GuidanceShown = await AssessmentContext.GuidanceShownAsync(guidance, assessment.Level, ct);
            if (await store.AddIfStillCurrentAsync(assessment, current.Id, ct))
            {
                changed++;
                raised += EpisodeService.RaisedByNewRuleSet(assessment, current) ? 1 : 0;
                logger.LogInformation("Episode {EpisodeId} re-assessed under rule set {RuleSet}: new assessment {AssessmentId}",
                    episode.Id, assessment.RuleSetVersion, assessment.Id);
            }
        }

        await store.MarkDoneAsync(TaskName, nowUtc, ct);
        logger.LogInformation("Rule set {RuleSet} deployed: {Checked} episodes of the last {Days} days re-assessed, {Changed} changed, {Raised} raised",
            assessor.Engine.RuleSetVersion, candidates.Count, Window.Days, changed, raised);
        return new RuleSetUpgradeOutcome(AlreadyDone: false, candidates.Count, changed, raised);
    }
}
