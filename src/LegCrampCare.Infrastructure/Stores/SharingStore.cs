using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>Share codes and grants. A code is used with one conditional update, so two midwives can't both use it.</summary>
public sealed class SharingStore(IDbContextFactory<AppDbContext> contexts) : ISharingStore
{
    public async Task AddCodeAsync(ShareCode code, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ShareCodes.Add(code);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ShareCode>> ListUsableCodesAsync(string patientId, DateTime utcNow, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ShareCodes.AsNoTracking()
            .Where(c => c.PatientId == patientId && c.UsedAtUtc == null && c.ExpiresAtUtc > utcNow)
            .OrderBy(c => c.ExpiresAtUtc)
            .ToListAsync(ct);
    }

    public async Task<ShareCode?> FindUsableCodeAsync(string codeHash, DateTime utcNow, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ShareCodes.AsNoTracking()
            .FirstOrDefaultAsync(c => c.CodeHash == codeHash && c.UsedAtUtc == null && c.ExpiresAtUtc > utcNow, ct);
    }

    public async Task<bool> UseCodeAsync(Guid codeId, CareGrant grant, DateTime utcNow, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var used = await db.ShareCodes
            .Where(c => c.Id == codeId && c.UsedAtUtc == null && c.ExpiresAtUtc > utcNow)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.UsedAtUtc, utcNow).SetProperty(c => c.GrantId, grant.Id), ct);
        if (used != 1)
        {
            return false;
        }

        db.CareGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task AddGrantAsync(CareGrant grant, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.CareGrants.Add(grant);
        await db.SaveChangesAsync(ct);
    }

    public async Task<CareGrant?> FindGrantAsync(Guid grantId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CareGrants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == grantId, ct);
    }

    public async Task<IReadOnlyList<CareGrant>> ListGrantsForPatientAsync(string patientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CareGrants.AsNoTracking().Where(g => g.PatientId == patientId).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CareGrant>> ListUnrevokedGrantsForMidwifeAsync(string midwifeId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CareGrants.AsNoTracking().Where(g => g.MidwifeId == midwifeId && g.RevokedAtUtc == null).ToListAsync(ct);
    }

    /// <summary>Revokes the grant and any other unrevoked grant of hers to the same midwife: "stop sharing" always ends access.</summary>
    public async Task<bool> RevokeAsync(Guid grantId, string patientId, DateTime utcNow, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var midwifeId = await db.CareGrants.Where(g => g.Id == grantId && g.PatientId == patientId && g.RevokedAtUtc == null)
            .Select(g => g.MidwifeId).FirstOrDefaultAsync(ct);
        if (midwifeId is null)
        {
            return false;
        }

        return await db.CareGrants
            .Where(g => g.PatientId == patientId && g.MidwifeId == midwifeId && g.RevokedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.RevokedAtUtc, utcNow), ct) >= 1;
    }
}
