using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>The one-time re-assessment after a rule-set change: its record, its candidates and its guarded write.</summary>
public sealed class RuleSetUpgradeStore(IDbContextFactory<AppDbContext> contexts) : IRuleSetUpgradeStore
{
    public async Task<bool> IsDoneAsync(string task, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ReleaseTasks.AnyAsync(t => t.Name == task, ct);
    }

    public async Task MarkDoneAsync(string task, DateTime atUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.ReleaseTasks.AnyAsync(t => t.Name == task, ct))
        {
            return;
        }

        db.ReleaseTasks.Add(new ReleaseTask { Name = task, CompletedAtUtc = atUtc });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Recorded by another run at the same moment: done either way. Anything else is a real failure.
            if (!await IsDoneAsync(task, ct))
            {
                throw;
            }
        }
    }

    public async Task<IReadOnlyList<UpgradeCandidate>> ListCandidatesAsync(DateTime startedSinceUtc, string ruleSetVersion, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var recent = await db.Episodes.AsNoTracking().Where(e => e.StartedAtUtc >= startedSinceUtc).ToListAsync(ct);
        if (recent.Count == 0)
        {
            return [];
        }

        var ids = recent.Select(e => e.Id).ToList();
        var assessments = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.EpisodeId)).ToListAsync(ct);
        var latest = assessments.GroupBy(a => a.EpisodeId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.AssessedAtUtc)!);
        var patients = recent.Select(e => e.PatientId).Distinct().ToList();
        var profiles = await db.Profiles.AsNoTracking().Where(p => patients.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var current = RuleSetHistory.BaseVersion(ruleSetVersion);
        return recent
            .Where(e => latest.ContainsKey(e.Id) && profiles.ContainsKey(e.PatientId) && latest[e.Id].RuleSetVersion != ruleSetVersion
                        && RuleSetHistory.BaseVersion(latest[e.Id].RuleSetVersion) != current)
            .OrderBy(e => e.StartedAtUtc)
            .Select(e => new UpgradeCandidate(e, latest[e.Id], profiles[e.PatientId]))
            .ToList();
    }

    public async Task<bool> AddIfStillCurrentAsync(Assessment assessment, Guid expectedCurrentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PatientLocks.LockAsync(db, assessment.PatientId, ct);
        var newest = await db.Assessments.AsNoTracking()
            .Where(a => a.EpisodeId == assessment.EpisodeId && a.PatientId == assessment.PatientId)
            .OrderByDescending(a => a.AssessedAtUtc)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(ct);
        if (newest != expectedCurrentId)
        {
            return false;
        }

        db.Assessments.Add(assessment);
        await SummaryWriter.TrackAssessmentAsync(db, assessment, ct);
        await SummaryWriter.RefreshActivityAsync(db, assessment.PatientId, ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
