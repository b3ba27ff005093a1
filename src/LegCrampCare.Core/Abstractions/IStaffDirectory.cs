namespace LegCrampCare.Core.Abstractions;

/// <summary>How staff are named on what they write or approve.</summary>
public interface IStaffDirectory
{
    /// <summary>The name to record for the user, or null when the account does not exist.</summary>
    Task<string?> NameAsync(string userId, CancellationToken ct);
}
