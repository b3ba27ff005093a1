using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>The caller, switchable between test steps (e.g. patient A, then patient B).</summary>
public sealed class FakeCurrentUser : ICurrentUser
{
    public CurrentUserInfo User { get; set; } = CurrentUserInfo.Anonymous;

    public static CurrentUserInfo Patient(string userId) => new(userId, new HashSet<string> { Roles.Patient });

    public static CurrentUserInfo InRole(string userId, string role) => new(userId, new HashSet<string> { role });

    public void SignInAsPatient(string userId) => User = Patient(userId);

    public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(User);
}
