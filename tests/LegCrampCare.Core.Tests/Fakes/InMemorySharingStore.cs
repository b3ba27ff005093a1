using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>An <see cref="ISharingStore"/> over lists; hands out copies, like a database.</summary>
public sealed class InMemorySharingStore : ISharingStore
{
    private readonly List<ShareCode> _codes = [];
    private readonly List<CareGrant> _grants = [];

    /// <summary>Puts a grant in directly (test set-up).</summary>
    public void SeedGrant(CareGrant grant) => _grants.Add(Clone(grant));

    public IReadOnlyList<CareGrant> Grants => _grants.Select(Clone).ToList();

    public IReadOnlyList<ShareCode> Codes => _codes;

    public Task AddCodeAsync(ShareCode code, CancellationToken ct)
    {
        _codes.Add(code);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ShareCode>> ListUsableCodesAsync(string patientId, DateTime utcNow, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ShareCode>>(_codes.Where(c => c.PatientId == patientId && c.UsedAtUtc == null && c.ExpiresAtUtc > utcNow).ToList());

    public Task<ShareCode?> FindUsableCodeAsync(string codeHash, DateTime utcNow, CancellationToken ct) =>
        Task.FromResult(_codes.FirstOrDefault(c => c.CodeHash == codeHash && c.UsedAtUtc == null && c.ExpiresAtUtc > utcNow));

    public Task<bool> UseCodeAsync(Guid codeId, CareGrant grant, DateTime utcNow, CancellationToken ct)
    {
        var code = _codes.FirstOrDefault(c => c.Id == codeId && c.UsedAtUtc == null && c.ExpiresAtUtc > utcNow);
        if (code is null)
        {
            return Task.FromResult(false);
        }

        code.UsedAtUtc = utcNow;
        code.GrantId = grant.Id;
        _grants.Add(Clone(grant));
        return Task.FromResult(true);
    }

    public Task AddGrantAsync(CareGrant grant, CancellationToken ct)
    {
        _grants.Add(Clone(grant));
        return Task.CompletedTask;
    }

    public Task<CareGrant?> FindGrantAsync(Guid grantId, CancellationToken ct) =>
        Task.FromResult(_grants.Where(g => g.Id == grantId).Select(Clone).FirstOrDefault());

    public Task<IReadOnlyList<CareGrant>> ListGrantsForPatientAsync(string patientId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CareGrant>>(_grants.Where(g => g.PatientId == patientId).Select(Clone).ToList());

    public Task<IReadOnlyList<CareGrant>> ListUnrevokedGrantsForMidwifeAsync(string midwifeId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CareGrant>>(_grants.Where(g => g.MidwifeId == midwifeId && g.RevokedAtUtc == null).Select(Clone).ToList());

    public Task<bool> RevokeAsync(Guid grantId, string patientId, DateTime utcNow, CancellationToken ct)
    {
        var grant = _grants.FirstOrDefault(g => g.Id == grantId && g.PatientId == patientId && g.RevokedAtUtc == null);
        if (grant is null)
        {
            return Task.FromResult(false);
        }

        foreach (var same in _grants.Where(g => g.PatientId == patientId && g.MidwifeId == grant.MidwifeId && g.RevokedAtUtc == null))
        {
            same.RevokedAtUtc = utcNow;
        }

        return Task.FromResult(true);
    }

    private static CareGrant Clone(CareGrant g) => new()
    {
        Id = g.Id,
        PatientId = g.PatientId,
        MidwifeId = g.MidwifeId,
        Method = g.Method,
        CreatedAtUtc = g.CreatedAtUtc,
        CoversFrom = g.CoversFrom,
        RevokedAtUtc = g.RevokedAtUtc,
    };
}
