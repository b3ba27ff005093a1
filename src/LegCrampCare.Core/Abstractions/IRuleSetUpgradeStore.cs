using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Abstractions;

/// <summary>An episode whose current result came from an earlier rule set, with that result and her profile.</summary>
public sealed record UpgradeCandidate(Episode Episode, Assessment Current, PregnancyProfile Profile);

/// <summary>
/// What the one-time re-assessment after a rule-set change needs: which release work is done (so a restart never runs
/// it again), the episodes to re-assess, and a write that adds a result only if nothing newer came first.
/// </summary>
public interface IRuleSetUpgradeStore
{
    Task<bool> IsDoneAsync(string task, CancellationToken ct);

    /// <summary>Records the task as done (once; a second call changes nothing).</summary>
    Task MarkDoneAsync(string task, DateTime atUtc, CancellationToken ct);

    /// <summary>Episodes started at or after <paramref name="startedSinceUtc"/> whose newest result was not given by <paramref name="ruleSetVersion"/>.</summary>
    Task<IReadOnlyList<UpgradeCandidate>> ListCandidatesAsync(DateTime startedSinceUtc, string ruleSetVersion, CancellationToken ct);

    /// <summary>
    /// Adds the new result, with the caseload summaries, in one transaction, only while <paramref name="expectedCurrentId"/>
    /// is still the episode's newest result (an edit or a midwife's measurement in the meantime wins); false otherwise.
    /// </summary>
    Task<bool> AddIfStillCurrentAsync(Assessment assessment, Guid expectedCurrentId, CancellationToken ct);
}
