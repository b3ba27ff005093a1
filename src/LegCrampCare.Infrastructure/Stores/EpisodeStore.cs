using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

public sealed class EpisodeStore(IDbContextFactory<AppDbContext> contexts) : IEpisodeStore
{
    public async Task<(Episode Episode, bool Created)> AddIfAbsentAsync(Episode episode, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == episode.Id, ct);
        if (existing is not null)
        {
            return (existing, false);
        }

        db.Episodes.Add(episode);
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

    public async Task<bool> UpdateAsync(Episode episode, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Episodes.AnyAsync(e => e.Id == episode.Id && e.PatientId == episode.PatientId, ct))
        {
            return false;
        }

        db.Episodes.Update(episode);
        await db.SaveChangesAsync(ct);
        return true;
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
