using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Core.Features.Episodes;

/// <summary>What the re-assessment after a rule-set change did; <see cref="Failed"/> episodes are tried again at the next start.</summary>
public sealed record RuleSetUpgradeOutcome(bool AlreadyDone, int Checked, int Raised, int Failed = 0);

/// <summary>
/// Once per rule set, when it is first deployed: the episodes of the last <see cref="Window"/> whose result came from an
/// earlier rule set are assessed again with this one (clinical README principle 4). A result that is higher is stored as
/// a new assessment (<see cref="AssessmentReason.RuleSetUpgrade"/>) beside the old one, which stays as it was and is
/// explained with its own version's words; it reaches her home page (<see cref="IEpisodeService.GetRuleSetUpdatesAsync"/>)
/// and, as a warning sign, the midwife's caseload as unreviewed. A result that is the same or lower changes nothing: the
/// earlier advice stands, a flag waiting for review is never cleared by it and a reviewed one is not re-opened (her
/// profile may have changed since, which is no reason to lower what she was told). Recorded as done, so a restart never
/// runs it again; an interrupted run picks up where it stopped (an episode already re-assessed is no longer a
/// candidate); an episode that fails is logged by id and tried again at the next start.
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
            return new RuleSetUpgradeOutcome(AlreadyDone: true, 0, 0);
        }

        var nowUtc = time.GetUtcNow().UtcDateTime;
        var candidates = await store.ListCandidatesAsync(nowUtc - Window, assessor.Engine.RuleSetVersion, ct);
        int raised = 0, failed = 0;
        foreach (var (episode, current, profile) in candidates)
        {
            try
            {
                var otherNights = await AssessmentContext.OtherNightsAsync(episodes, episode, ct);
                var assessment = assessor.Assess(episode, profile, otherNights, AssessmentReason.RuleSetUpgrade, nowUtc);
                if (!IsHigher(assessment, current))
                {
                    continue;
                }

                assessment.GuidanceShown = await AssessmentContext.GuidanceShownAsync(guidance, assessment.Level, ct);
                if (await store.AddIfStillCurrentAsync(assessment, current.Id, ct))
                {
                    raised++;
                    logger.LogInformation("Episode {EpisodeId} re-assessed under rule set {RuleSet}: higher, new assessment {AssessmentId}",
                        episode.Id, assessment.RuleSetVersion, assessment.Id);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One episode that can't be re-assessed must not stop the others, nor the app from starting.
                failed++;
                logger.LogError(ex, "Episode {EpisodeId} could not be re-assessed under rule set {RuleSet}; it is tried again at the next start",
                    episode.Id, assessor.Engine.RuleSetVersion);
            }
        }

        if (failed == 0)
        {
            await store.MarkDoneAsync(TaskName, nowUtc, ct);
        }

        logger.LogInformation("Rule set {RuleSet} deployed: {Checked} episodes of the last {Days} days re-assessed, {Raised} raised, {Failed} failed",
            assessor.Engine.RuleSetVersion, candidates.Count, Window.Days, raised, failed);
        return new RuleSetUpgradeOutcome(AlreadyDone: false, candidates.Count, raised, failed);
    }

    /// <summary>
    /// The new result is a warning sign more urgent than the current one (an "incomplete" current result counts as below
    /// any warning sign at its level): the only change a new rule set makes to advice already given.
    /// </summary>
    public static bool IsHigher(Assessment next, Assessment current) =>
        FlagReview.IsFlag(next) && (next.Level > current.Level || (current.IsIncomplete && next.Level >= current.Level));
}
