using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Infrastructure.Identity;

/// <summary>
/// An account as the admin sees it: no health data. <paramref name="Invitation"/> is set while the account was invited
/// and its owner has not chosen a password yet.
/// </summary>
public sealed record UserSummary(
    string Id, string Email, IReadOnlyList<string> Roles, DateTime CreatedAtUtc, string? StaffName = null, PendingInvitation? Invitation = null, bool TwoFactorEnabled = false);

/// <summary>
/// Role management for admins. Checks the caller is an admin on every call (anyone else gets "not found"), keeps at
/// least one admin, audits every change and renews the user's security stamp so open sessions pick it up.
/// </summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> users,
    ICurrentUser currentUser,
    IAuditLog audit,
    TimeProvider time,
    IOptions<StaffInvitationTokenProviderOptions> invitationOptions,
    ILogger<UserAdministration> logger)
{
    public async Task<ServiceResult<IReadOnlyList<UserSummary>>> ListAsync(CancellationToken ct = default)
    {
        if (await AdminIdAsync(ct) is null)
        {
            return ServiceResult<IReadOnlyList<UserSummary>>.NotFound();
        }

        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var list = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            list.Add(await SummaryAsync(user));
        }

        return ServiceResult<IReadOnlyList<UserSummary>>.Ok(list);
    }

    public async Task<ServiceResult<UserSummary>> GetAsync(string userId, CancellationToken ct = default)
    {
        if (await AdminIdAsync(ct) is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return ServiceResult<UserSummary>.NotFound();
        }

        return ServiceResult<UserSummary>.Ok(await SummaryAsync(user));
    }

    public async Task<ServiceResult<UserSummary>> SetRolesAsync(string userId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        var adminId = await AdminIdAsync(ct);
        if (adminId is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return ServiceResult<UserSummary>.NotFound();
        }

        var wanted = roles.ToHashSet(StringComparer.Ordinal);
        if (wanted.Any(r => !Roles.All.Contains(r)))
        {
            return ServiceResult<UserSummary>.Invalid("Roles", $"Roles can only be {string.Join(", ", Roles.All)}.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return ServiceResult<UserSummary>.Invalid("Roles", "This is the only admin account, so it must keep the Admin role. Make someone else an admin first.");
        }

        var toAdd = wanted.Except(current).ToList();
        var toRemove = current.Except(wanted).ToList();
        if (toAdd.Count + toRemove.Count > 0)
        {
            if (toAdd.Count > 0)
            {
                await users.AddToRolesAsync(user, toAdd);
            }

            if (toRemove.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, toRemove);
            }

            // A new stamp ends the account's other sessions so they pick up the roles. An invited account that has no
            // password yet has no sessions, and a new stamp would silently break its invitation link.
            if (await users.HasPasswordAsync(user))
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await audit.WriteAsync(new AuditEntry(adminId, Roles.Admin, "roles.changed", user.Id, "account-roles", "success"), ct);
            logger.LogInformation("Roles of user {UserId} changed by admin {ActorId}", user.Id, adminId);
        }

        return ServiceResult<UserSummary>.Ok(await SummaryAsync(user));
    }

    public const int MaxStaffName = StaffNames.MaxLength;

    /// <summary>
    /// Sets the name readers see on guidance this staff member approves ("Dr Jo Bloggs, consultant obstetrician").
    /// Empty clears it. Already published pages keep the name they were approved under.
    /// </summary>
    public async Task<ServiceResult<UserSummary>> SetStaffNameAsync(string userId, string? staffName, CancellationToken ct = default)
    {
        var adminId = await AdminIdAsync(ct);
        if (adminId is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return ServiceResult<UserSummary>.NotFound();
        }

        if (StaffNames.Problem(staffName) is { } problem)
        {
            return ServiceResult<UserSummary>.Invalid(nameof(UserSummary.StaffName), "Name for approved guidance: " + problem);
        }

        user.StaffName = TextInput.CleanOrNull(staffName);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return ServiceResult<UserSummary>.Conflict("Someone else changed this account at the same time. Reload the page and try again.");
        }

        await audit.WriteAsync(new AuditEntry(adminId, Roles.Admin, "staff-name.changed", user.Id, "account", "success"), ct);
        logger.LogInformation("Staff name of user {UserId} changed by admin {ActorId}", user.Id, adminId);
        return ServiceResult<UserSummary>.Ok(await SummaryAsync(user));
    }

    /// <summary>
    /// Turns off this person's two-step sign-in and forgets her authenticator key and recovery codes (a lost phone with
    /// no recovery code left): she is signed out everywhere and, if staff, must set it up again at her next sign-in.
    /// An admin can't do it for herself (another admin must), so a stolen admin password alone can't remove it.
    /// </summary>
    public async Task<ServiceResult<UserSummary>> ResetTwoFactorAsync(string userId, CancellationToken ct = default)
    {
        var adminId = await AdminIdAsync(ct);
        if (adminId is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return ServiceResult<UserSummary>.NotFound();
        }

        if (user.Id == adminId)
        {
            return ServiceResult<UserSummary>.Invalid("TwoFactor", "You can't reset your own two-step sign-in here: ask another admin, or use \"Set up a new authenticator app\" under Your account.");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1); // replaces her codes with one nobody is shown
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(new AuditEntry(adminId, Roles.Admin, "two-factor.reset", user.Id, "account", "success"), ct);
        logger.LogInformation("Two-step sign-in of user {UserId} reset by admin {ActorId}", user.Id, adminId);
        return ServiceResult<UserSummary>.Ok(await SummaryAsync(user));
    }

    /// <summary>True when this user is the last admin (the account can't be deleted or lose the role).</summary>
    public async Task<bool> IsOnlyAdminAsync(string userId)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count == 1 && admins[0].Id == userId;
    }

    private async Task<UserSummary> SummaryAsync(ApplicationUser user) =>
        new(user.Id, user.Email ?? "", (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(), user.CreatedAtUtc, user.StaffName,
            await StaffInvitations.PendingAsync(users, user, invitationOptions.Value.TokenLifespan, time.GetUtcNow()), user.TwoFactorEnabled);

    private async Task<string?> AdminIdAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        return user.UserId is not null && user.IsInRole(Roles.Admin) ? user.UserId : null;
    }
}
