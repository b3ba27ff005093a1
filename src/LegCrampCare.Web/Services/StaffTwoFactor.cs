using System.Security.Claims;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Web.Services;

/// <summary>Whether staff must use two-step sign-in (Auth:StaffTwoFactor).</summary>
public enum StaffTwoFactorMode
{
    /// <summary>Staff roles count only in a session that was signed in with a code from an authenticator app.</summary>
    Required = 0,

    /// <summary>Development and tests only (the app refuses it elsewhere): staff roles count after a password alone.</summary>
    Off = 1,
}

/// <summary>
/// Two-step sign-in (a time-based code from an authenticator app, TOTP) for staff: midwives see patients' health data,
/// editors and approvers change clinical advice, admins change roles. A staff role counts only in a session whose
/// sign-in included the second step (the "amr" claim "mfa" that Identity adds to a two-factor sign-in); until then the
/// services treat the account as having no staff role and every page but the account pages sends the person to set it
/// up. See ADR 0014.
/// </summary>
public static class StaffTwoFactor
{
    /// <summary>The claim Identity adds to a sign-in that used a second factor (RFC 8176).</summary>
    public const string MethodClaim = "amr";

    public const string MultiFactor = "mfa";

    /// <summary>Where a staff member without the second step is sent.</summary>
    public const string SetUpPath = "/Account/Manage/TwoFactor";

    public static readonly IReadOnlySet<string> StaffRoles =
        new HashSet<string>(StringComparer.Ordinal) { Roles.Midwife, Roles.Editor, Roles.Admin, Roles.ClinicalApprover };

    public static bool IsStaff(ClaimsPrincipal principal) => StaffRoles.Any(principal.IsInRole);

    public static bool HasSecondStep(ClaimsPrincipal principal) => principal.HasClaim(MethodClaim, MultiFactor);

    /// <summary>True when this signed-in person holds a staff role that doesn't count yet: no second step this session.</summary>
    public static bool IsMissing(ClaimsPrincipal principal, StaffTwoFactorMode mode) =>
        mode == StaffTwoFactorMode.Required && principal.Identity?.IsAuthenticated == true && IsStaff(principal) && !HasSecondStep(principal);
}
