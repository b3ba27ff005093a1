using LegCrampCare.Core.Abstractions;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>Staff names by user id; emails map to ids per role.</summary>
public sealed class FakeStaffDirectory : IStaffDirectory
{
    private readonly Dictionary<string, StaffMember> _staff = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Email, string Role), string> _emails = [];

    public void Add(string userId, StaffMember member, string? email = null, string? role = null)
    {
        _staff[userId] = member;
        if (email is not null && role is not null)
        {
            _emails[(email.ToUpperInvariant(), role)] = userId;
        }
    }

    public Task<StaffMember?> FindAsync(string userId, CancellationToken ct) =>
        Task.FromResult(_staff.TryGetValue(userId, out var member) ? member : null);

    public Task<string?> FindIdByEmailAsync(string email, string role, CancellationToken ct) =>
        Task.FromResult(_emails.TryGetValue((email.Trim().ToUpperInvariant(), role), out var id) ? id : null);
}
