using LegCrampCare.Core.Common;
using LegCrampCare.Core.Features.Sharing;

namespace LegCrampCare.Web.Tests.Components.Fakes;

/// <summary>A hand-written <see cref="ISharingService"/>: an overview a test sets, and the calls it received.</summary>
public sealed class FakeSharingService : ISharingService
{
    public SharingOverview? Overview { get; set; } = new([], [], [], new DateOnly(2027, 5, 10), CanShare: true);

    public Func<string?, ServiceResult<GrantView>> OnShareWithEmail { get; set; } = _ => ServiceResult<GrantView>.NotFound();

    public Func<string?, ServiceResult<GrantView>> OnRedeem { get; set; } = _ => ServiceResult<GrantView>.Invalid("Code", SharingService.BadCodeMessage);

    public List<Guid> Revoked { get; } = [];

    public int CodesCreated { get; private set; }

    public Task<ServiceResult<SharingOverview>> GetMineAsync(CancellationToken ct = default) =>
        Task.FromResult(Overview is null ? ServiceResult<SharingOverview>.NotFound() : ServiceResult<SharingOverview>.Ok(Overview));

    public Task<ServiceResult<NewShareCode>> CreateCodeAsync(CancellationToken ct = default)
    {
        CodesCreated++;
        return Task.FromResult(ServiceResult<NewShareCode>.Ok(new NewShareCode("K7QM-3XPR", new DateTime(2026, 11, 27, 2, 30, 0, DateTimeKind.Utc))));
    }

    public Task<ServiceResult<GrantView>> ShareWithEmailAsync(string? email, CancellationToken ct = default) => Task.FromResult(OnShareWithEmail(email));

    public Task<ServiceResult<GrantView>> RevokeAsync(Guid grantId, CancellationToken ct = default)
    {
        Revoked.Add(grantId);
        var grant = Overview!.Grants.Single(g => g.Id == grantId);
        var revoked = grant with { Status = GrantStatus.Revoked, RevokedAtUtc = new DateTime(2026, 11, 20, 2, 30, 0, DateTimeKind.Utc) };
        Overview = Overview with { Grants = Overview.Grants.Select(g => g.Id == grantId ? revoked : g).ToList() };
        return Task.FromResult(ServiceResult<GrantView>.Ok(revoked));
    }

    public Task<ServiceResult<GrantView>> RedeemAsync(string? code, CancellationToken ct = default) => Task.FromResult(OnRedeem(code));

    public Task<ServiceResult<PatientAccess>> AuthorizeAsync(Guid grantId, CancellationToken ct = default) => Task.FromResult(ServiceResult<PatientAccess>.NotFound());

    public Task<ServiceResult<IReadOnlyList<PatientAccess>>> ActiveForMidwifeAsync(CancellationToken ct = default) =>
        Task.FromResult(ServiceResult<IReadOnlyList<PatientAccess>>.NotFound());
}
