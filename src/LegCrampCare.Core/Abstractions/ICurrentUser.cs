namespace LegCrampCare.Core.Abstractions;

/// <summary>Who is calling: the services decide from this what the caller may see and change.</summary>
public interface ICurrentUser
{
    Task<CurrentUserInfo> GetAsync(CancellationToken ct = default);
}

public sealed record CurrentUserInfo(string? UserId, IReadOnlySet<string> Roles)
{
    public static CurrentUserInfo Anonymous { get; } = new(null, new HashSet<string>());

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);
}
