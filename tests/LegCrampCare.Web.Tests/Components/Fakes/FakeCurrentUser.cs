using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Web.Tests.Components.Fakes;

/// <summary>A hand-written <see cref="ICurrentUser"/>: a signed-in patient unless a test says otherwise.</summary>
public sealed class FakeCurrentUser : ICurrentUser
{
    public static CurrentUserInfo Patient { get; } = new("patient-1", new HashSet<string> { Roles.Patient });

    public CurrentUserInfo User { get; set; } = Patient;

    public int Calls { get; private set; }

    public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default)
    {
        Calls++;
        return Task.FromResult(User);
    }
}
