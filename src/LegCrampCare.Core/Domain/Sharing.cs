namespace LegCrampCare.Core.Domain;

/// <summary>How a patient shared her log with a midwife.</summary>
public enum GrantMethod
{
    ShareCode = 1,
    MidwifeEmail = 2,
}

/// <summary>
/// A patient's consent for one midwife to see her cramp log for one pregnancy. Owned by the patient: she creates and
/// revokes it. It ends on its own some weeks after the birth (see <see cref="Features.Sharing.SharingRules"/>).
/// </summary>
public sealed class CareGrant
{
    public Guid Id { get; set; }

    public string PatientId { get; set; } = "";

    public string MidwifeId { get; set; } = "";

    public GrantMethod Method { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The first day of the pregnancy this grant covers (her local date): nothing logged before it is shown.</summary>
    public DateOnly CoversFrom { get; set; }

    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>A one-time code a patient reads out to her midwife. Only its hash is stored.</summary>
public sealed class ShareCode
{
    public Guid Id { get; set; }

    public string PatientId { get; set; } = "";

    /// <summary>SHA-256 of the normalised code, hex.</summary>
    public string CodeHash { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }

    /// <summary>The grant it became, once used.</summary>
    public Guid? GrantId { get; set; }
}
