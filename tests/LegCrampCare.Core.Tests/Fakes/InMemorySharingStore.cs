using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>Share codes and grants in lists, with the real store's single-use and ownership rules.</summary>
public sealed class InMemorySharingStore : ISharingStore
{
    public List<ShareCode> Codes { get; } = [];

    public List<CareGrant> Grants { get; } = [];

    public Task AddCodeAsync(ShareCode code, CancellationToken ct)
    {
        Codes.Add(code);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ShareCode>> ListUsableCodesAsync(string patientId, DateTime utcNow, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ShareCode>>(Codes.Where(c => c.PatientId == patientId && c.UsedAtUtc is null && c.ExpiresAtUtc > utcNow).ToList());

    public Task<ShareCode?> FindUsableCodeAsync(string codeHash, DateTime utcNow, CancellationToken ct) =>
        Task.FromResult(Codes.FirstOrDefault(c => c.CodeHash == codeHash && c.UsedAtUtc is null && c.ExpiresAtUtc > utcNow));

    public Task<bool> UseCodeAsync(Guid codeId, CareGrant grant, DateTime utcNow, CancellationToken ct)
    {
        var code = Codes.FirstOrDefault(c => c.Id == codeId && c.UsedAtUtc is null && c.ExpiresAtUtc > utcNow);
        if (code is null)
        {
            return Task.FromResult(false);
        }

        code.UsedAtUtc = utcNow;
        code.GrantId = grant.Id;
        Grants.Add(grant);
        return Task.FromResult(true);
    }

    public Task AddGrantAsync(CareGrant grant, CancellationToken ct)
    {
        Grants.Add(grant);
        return Task.CompletedTask;
    }

    public Task<CareGrant?> FindGrantAsync(Guid grantId, CancellationToken ct) => Task.FromResult(Grants.FirstOrDefault(g => g.Id == grantId));

    public Task<IReadOnlyList<CareGrant>> ListGrantsForPatientAsync(string patientId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CareGrant>>(Grants.Where(g => g.PatientId == patientId).ToList());

    public Task<IReadOnlyList<CareGrant>> ListUnrevokedGrantsForMidwifeAsync(string midwifeId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CareGrant>>(Grants.Where(g => g.MidwifeId == midwifeId && g.RevokedAtUtc is null).ToList());

    public Task<bool> RevokeAsync(Guid grantId, string patientId, DateTime utcNow, CancellationToken ct)
    {
        var grant = Grants.FirstOrDefault(g => g.Id == grantId && g.PatientId == patientId && g.RevokedAtUtc is null);
        if (grant is not null)
        {
            grant.RevokedAtUtc = utcNow;
        }

        return Task.FromResult(grant is not null);
    }
}
