using LegCrampCare.Core.Abstractions;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// Staff are named by their account name for now (their sign-in email); staff display names come with staff
/// invitations. Only editors see it until approved guidance names its approver to readers.
/// </summary>
public sealed class StaffDirectory(IDbContextFactory<AppDbContext> contexts) : IStaffDirectory
{
    public async Task<string?> NameAsync(string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
    }
}
