using LegCrampCare.Infrastructure.Email;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Services;

/// <summary>
/// Absolute links for account emails (invitations, password resets): under <see cref="EmailOptions.LinkBaseUrl"/> when it
/// is set (always, when emails are really sent), so a request with a forged Host header can't make a real email carry a
/// link to another site; otherwise (Development, the link goes to the console) the address the page was opened at.
/// </summary>
public sealed class AccountLinks(IOptions<EmailOptions> options)
{
    public string For(NavigationManager navigation, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return options.Value.LinkTo(relativePath) ?? navigation.ToAbsoluteUri(relativePath).AbsoluteUri;
    }

    /// <summary>The reset-password link for an encoded reset code ("forgot password", and the emails when an account locks).</summary>
    public string ResetPassword(NavigationManager navigation, string encodedCode)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return navigation.GetUriWithQueryParameters(For(navigation, "Account/ResetPassword"), new Dictionary<string, object?> { ["code"] = encodedCode });
    }
}
