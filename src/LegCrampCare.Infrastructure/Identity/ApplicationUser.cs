using Microsoft.AspNetCore.Identity;

namespace LegCrampCare.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser
{
    /// <summary>When she gave explicit consent to store her health data (at registration). Null for staff accounts.</summary>
    public DateTime? HealthDataConsentAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
