namespace LegCrampCare.Core.Abstractions;

/// <summary>How staff are named on what they write or approve.</summary>
public interface IStaffDirectory
{
    /// <summary>The staff member, or null when the account does not exist.</summary>
    Task<StaffMember?> FindAsync(string userId, CancellationToken ct);

    /// <summary>The id of the account with this email that has the role, or null.</summary>
    Task<string?> FindIdByEmailAsync(string email, string role, CancellationToken ct);
}

/// <summary>
/// A staff member's names. <see cref="AccountName"/> (the sign-in email) is for colleagues only;
/// <see cref="PublicName"/> is the name an admin set for readers to see on approved guidance (null until set).
/// </summary>
public sealed record StaffMember(string AccountName, string? PublicName)
{
    /// <summary>The name colleagues see on drafts and history.</summary>
    public string WorkName => PublicName ?? AccountName;
}
