using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

public sealed class EpisodeStore(IDbContextFactory<AppDbContext> contexts) : IEpisodeStore
{
    public async Task<(Episode Episode, bool Created)> AddIfAbsentAsync(Episode episode, Assessment assessment, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episode.Id, ct);
        if (existing is not null)
        {
            return (existing, false);
        }

        // One SaveChanges is one transaction: an episode is never stored without its assessment.
        db.Episodes.Add(episode);
        db.Assessments.Add(assessment);
        try
        {
            await db.SaveChangesAsync(ct);
            return (episode, true);
        }
        catch (DbUpdateException)
        {
            // A concurrent retry of the same log action won the race: answer with the row it stored.
            await using var again = await contexts.CreateDbContextAsync(ct);
            var stored = await again.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episode.Id, ct);
            if (stored is null)
            {
                throw;
            }

            return (stored, false);
        }
    }

    public async Task<Episode?> FindAsync(string patientId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.PatientId == patientId, ct);
    }

    public async Task<bool> UpdateAsync(Episode episode, Assessment? assessment, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Episodes.AnyAsync(e => e.Id == episode.Id && e.PatientId == episode.PatientId, ct))
        {
            return false;
        }

        db.Episodes.Update(episode);
        if (assessment is not null)
        {
            db.Assessments.Add(assessment);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<Assessment>> ListAssessmentsAsync(string patientId, Guid episodeId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.Assessments.AsNoTracking()
            .Where(a => a.EpisodeId == episodeId && a.PatientId == patientId)
            .ToListAsync(ct);
        return list.OrderByDescending(a => a.AssessedAtUtc).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, Assessment>> LatestAssessmentsAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct)
    {
        if (episodeIds.Count == 0)
        {
            return new Dictionary<Guid, Assessment>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && episodeIds.Contains(a.EpisodeId))
            .ToListAsync(ct);
        return list
            .GroupBy(a => a.EpisodeId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedAtUtc).First());
    }

    public async Task<IReadOnlyList<Episode>> ListWithOngoingPainAsync(string patientId, DateTime sinceUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.StartedAtUtc >= sinceUtc && e.PainGoneAtUtc == null &&
                        e.Answers.PainStillThere == Answer.Yes)
            .ToListAsync(ct);
    }

    public async Task<bool> DeleteAsync(string patientId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.Where(e => e.Id == id && e.PatientId == patientId).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<int> DeleteAllAsync(string patientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.Where(e => e.PatientId == patientId).ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlyList<DateOnly>> ListNightsAsync(string patientId, int skip, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AsNoTracking()
            .Where(e => e.PatientId == patientId)
            .Select(e => e.Night)
            .Distinct()
            .OrderByDescending(n => n)
            .Skip(skip)
            .Take(take)
            .ToListAsync(ct);
    }

    public async Task<int> CountNightsAsync(string patientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.Where(e => e.PatientId == patientId).Select(e => e.Night).Distinct().CountAsync(ct);
    }

    public async Task<IReadOnlyList<Episode>> ListByNightsAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.Episodes.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.Night >= fromNight && e.Night <= toNight)
            .ToListAsync(ct);
        return list.OrderByDescending(e => e.StartedAtUtc).ToList();
    }
}
