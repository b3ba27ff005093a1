using LegCrampCare.Core.Abstractions;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// Staff names: the account name (sign-in email) for colleagues, and the public name an admin sets
/// (<see cref="Identity.ApplicationUser.StaffName"/>) for readers of approved guidance.
/// </summary>
public sealed class StaffDirectory(IDbContextFactory<AppDbContext> contexts) : IStaffDirectory
{
    public async Task<StaffMember?> FindAsync(string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId)
            .Select(u => new StaffMember(u.UserName ?? u.Id, u.StaffName))
            .FirstOrDefaultAsync(ct);
    }
}
