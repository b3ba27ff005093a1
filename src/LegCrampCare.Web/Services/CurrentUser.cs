using System.Security.Claims;
using LegCrampCare.Core.Abstractions;
using Microsoft.AspNetCore.Components.Authorization;

namespace LegCrampCare.Web.Services;

/// <summary>The signed-in user, from the authentication state (works in static rendering and in a live circuit).</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication) : ICurrentUser
{
    public async Task<CurrentUserInfo> GetAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return FromPrincipal(state.User);
    }

    public static CurrentUserInfo FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return CurrentUserInfo.Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new CurrentUserInfo(id, roles);
    }
}
