using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LegCrampCare.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Endpoints the static account pages post to.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post of the account pages, not part of the API: kept out of the OpenAPI document.
        var accountGroup = endpoints.MapGroup("/Account").ExcludeFromDescription();

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] UserManager<ApplicationUser> userManager,
            HttpContext context,
            [FromForm] string? returnUrl) =>
        {
            // A new security stamp ends this account's other sessions too, including open live pages.
            if (await userManager.GetUserAsync(context.User) is { } user)
            {
                await userManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            var safe = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) &&
                       !returnUrl.Contains('\\', StringComparison.Ordinal) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative);
            return TypedResults.LocalRedirect(safe ? $"~{returnUrl}" : "~/");
        });

        return accountGroup;
    }
}
