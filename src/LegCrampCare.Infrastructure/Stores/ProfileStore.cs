using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
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

    public async Task SaveAsync(PregnancyProfile profile, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var exists = await db.Profiles.AnyAsync(p => p.UserId == profile.UserId, ct);
        if (exists)
        {
            db.Profiles.Update(profile);
        }
        else
        {
            db.Profiles.Add(profile);
        }

        await db.SaveChangesAsync(ct);
    }
}
