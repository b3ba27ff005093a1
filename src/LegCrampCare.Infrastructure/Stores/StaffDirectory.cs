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

    public async Task<string?> FindIdByEmailAsync(string email, string role, CancellationToken ct)
    {
        var normalised = email.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (from user in db.Users
                      join link in db.UserRoles on user.Id equals link.UserId
                      join r in db.Roles on link.RoleId equals r.Id
                      where user.NormalizedEmail == normalised && r.Name == role
                      select user.Id).FirstOrDefaultAsync(ct);
    }
}
