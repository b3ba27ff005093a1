using System.Security.Claims;
using LegCrampCare.Core.Abstractions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Services;

/// <summary>The signed-in user: of the API request, or from the authentication state (static rendering and a live circuit).</summary>
/// <remarks>
/// Staff roles count only when the sign-in included the second step (or Auth:StaffTwoFactor is Off in Development): the
/// services, which authorise on these roles, then give a staff member without it nothing a staff role would.
/// </remarks>
public sealed class CurrentUser(AuthenticationStateProvider authentication, Api.RequestUser request, IOptions<AuthOptions> options) : ICurrentUser
{
    public async Task<CurrentUserInfo> GetAsync(CancellationToken ct = default)
    {
        // An API request: the cookie's user of this request (no Razor component has set an authentication state).
        if (request.Principal is { } principal)
        {
            return FromPrincipal(principal, options.Value.StaffTwoFactor);
        }

        var state = await authentication.GetAuthenticationStateAsync();
        return FromPrincipal(state.User, options.Value.StaffTwoFactor);
    }

    public static CurrentUserInfo FromPrincipal(ClaimsPrincipal principal, StaffTwoFactorMode mode)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return CurrentUserInfo.Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (StaffTwoFactor.IsMissing(principal, mode))
        {
            roles.ExceptWith(StaffTwoFactor.StaffRoles);
        }

        return new CurrentUserInfo(id, roles);
    }
}
