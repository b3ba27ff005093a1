using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Identity;

/// <summary>The admin's view of the audit trail: filters, paging, admins only.</summary>
public sealed class AuditTrailQueryTests : IAsyncLifetime
{
    private sealed class Caller : ICurrentUser
    {
        public CurrentUserInfo Info { get; set; } = CurrentUserInfo.Anonymous;

        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(Info);
    }

    private readonly Caller _caller = new();
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateInitializedAsync(services => services.AddSingleton<ICurrentUser>(_caller));
        var audit = _database.Services.GetRequiredService<IAuditLog>();
        await audit.WriteAsync(new AuditEntry("midwife-1", Roles.Midwife, "log.viewed", "patient-a", "patient-log", "success"), CancellationToken.None);
        await audit.WriteAsync(new AuditEntry("midwife-2", Roles.Midwife, "patient.access", null, "grant:x", "denied"), CancellationToken.None);
        await audit.WriteAsync(new AuditEntry("midwife-1", Roles.Midwife, "log.exported.pdf", "patient-a", "patient-log", "success"), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AuditTrailQuery Query => new(_database.Contexts, _caller);

    [Fact]
    public async Task Search_ByAdmin_NewestFirstAndFilters()
    {
        _caller.Info = new CurrentUserInfo("admin-1", new HashSet<string> { Roles.Admin });

        var all = (await Query.SearchAsync(new AuditFilter())).Value!;
        var denied = (await Query.SearchAsync(new AuditFilter(Outcome: "denied"))).Value!;
        var hers = (await Query.SearchAsync(new AuditFilter(SubjectId: "patient-a", Action: "log.viewed"))).Value!;

        Assert.Equal(["log.exported.pdf", "patient.access", "log.viewed"], all.Rows.Select(r => r.Action));
        Assert.Equal(["midwife-2"], denied.Rows.Select(r => r.ActorId));
        Assert.Equal(["log.viewed"], hers.Rows.Select(r => r.Action));
        Assert.Equal(["log.exported.pdf", "log.viewed", "patient.access"], all.Actions);
        Assert.False(all.HasMore);
    }

    [Theory]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.Midwife)]
    [InlineData(Roles.Editor)]
    public async Task Search_ByAnyoneElse_IsNotFound(string role)
    {
        _caller.Info = new CurrentUserInfo("someone", new HashSet<string> { role });

        Assert.Equal(ResultStatus.NotFound, (await Query.SearchAsync(new AuditFilter())).Status);
    }
}
