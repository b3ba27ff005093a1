using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

public sealed class ProfileStore(IDbContextFactory<AppDbContext> contexts) : IProfileStore
{
    public async Task<PregnancyProfile?> FindAsync(string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
    }

    /// <summary>
    /// Saves her profile. When the first day of her current pregnancy moves (a new or corrected due date, a birth date),
    /// her caseload summary is recomputed in the same transaction, since it counts only that pregnancy.
    /// </summary>
    public async Task SaveAsync(PregnancyProfile profile, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PatientLocks.LockAsync(db, profile.UserId, ct);
        var stored = await db.Profiles.AsNoTracking()
            .Where(p => p.UserId == profile.UserId)
            .Select(p => new PregnancyProfile { DueDate = p.DueDate, BirthDate = p.BirthDate })
            .FirstOrDefaultAsync(ct);
        if (stored is not null)
        {
            db.Profiles.Update(profile);
        }
        else
        {
            db.Profiles.Add(profile);
        }

        await db.SaveChangesAsync(ct);
        if (stored is null || SharingRules.CoversFrom(stored) != SharingRules.CoversFrom(profile))
        {
            await SummaryWriter.RefreshActivityAsync(db, profile.UserId, ct);
        }

        await tx.CommitAsync(ct);
    }
}
