using Microsoft.AspNetCore.Identity;

namespace LegCrampCare.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>When she gave explicit consent to store her health data (at registration). Null for staff accounts.</summary>
    public DateTime? HealthDataConsentAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// Staff only: the name readers see on guidance this person approved (e.g. "Dr Jo Bloggs, consultant obstetrician").
    /// Set by an admin; null until then, and a clinical approver cannot publish without it.
    /// </summary>
    public string? StaffName { get; set; }
}
