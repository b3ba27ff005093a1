using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Abstractions;

/// <summary>Consent: share codes and grants.</summary>
public interface ISharingStore
{
    Task AddCodeAsync(ShareCode code, CancellationToken ct);

    /// <summary>Her codes that are neither used nor expired.</summary>
    Task<IReadOnlyList<ShareCode>> ListUsableCodesAsync(string patientId, DateTime utcNow, CancellationToken ct);

    /// <summary>The unused, unexpired code with this hash, if any.</summary>
    Task<ShareCode?> FindUsableCodeAsync(string codeHash, DateTime utcNow, CancellationToken ct);

    /// <summary>
    /// Uses the code once and adds the grant, in one transaction. False (and nothing stored) when the code was used or
    /// expired in the meantime.
    /// </summary>
    Task<bool> UseCodeAsync(Guid codeId, CareGrant grant, DateTime utcNow, CancellationToken ct);

    Task AddGrantAsync(CareGrant grant, CancellationToken ct);

    Task<CareGrant?> FindGrantAsync(Guid grantId, CancellationToken ct);

    Task<IReadOnlyList<CareGrant>> ListGrantsForPatientAsync(string patientId, CancellationToken ct);

    /// <summary>The midwife's grants that are not revoked (expiry depends on each patient's profile).</summary>
    Task<IReadOnlyList<CareGrant>> ListUnrevokedGrantsForMidwifeAsync(string midwifeId, CancellationToken ct);

    /// <summary>Revokes her grant; false when it is not hers or already revoked.</summary>
    Task<bool> RevokeAsync(Guid grantId, string patientId, DateTime utcNow, CancellationToken ct);
}
