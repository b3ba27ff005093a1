using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Identity;

/// <summary>Role management: admins only, never the last admin, every change audited.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private sealed class Caller : ICurrentUser
    {
        public CurrentUserInfo Info { get; set; } = CurrentUserInfo.Anonymous;

        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(Info);
    }

    private readonly Caller _caller = new();
    private TestDatabase _database = default!;
    private AsyncServiceScope _scope;
    private UserManager<ApplicationUser> _users = default!;
    private ApplicationUser _admin = default!;
    private ApplicationUser _patient = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateInitializedAsync(services =>
        {
            services.AddSingleton<ICurrentUser>(_caller);
            services.AddScoped<UserAdministration>();
        });
        _scope = _database.Services.CreateAsyncScope();
        _users = _scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        _admin = await CreateAsync("admin@example.org", Roles.Admin);
        _patient = await CreateAsync("patient@example.org", Roles.Patient);
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _database.DisposeAsync();
    }

    private UserAdministration Administration => _scope.ServiceProvider.GetRequiredService<UserAdministration>();

    private async Task<ApplicationUser> CreateAsync(string email, string role)
    {
        var user = new ApplicationUser { UserName = email, Email = email };
        Assert.True((await _users.CreateAsync(user, "a long enough passphrase")).Succeeded);
        await _users.AddToRoleAsync(user, role);
        return user;
    }

    private void ActAs(ApplicationUser user, string role) => _caller.Info = new CurrentUserInfo(user.Id, new HashSet<string> { role });

    [Fact]
    public async Task SetRoles_ByAdmin_ChangesRolesAndAuditsWithoutContent()
    {
        ActAs(_admin, Roles.Admin);

        var result = await Administration.SetRolesAsync(_patient.Id, [Roles.Midwife]);

        Assert.True(result.IsOk);
        Assert.Equal([Roles.Midwife], result.Value!.Roles);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var audit = Assert.Single(await db.AuditEvents.ToListAsync());
        Assert.Equal(("roles.changed", _admin.Id, _patient.Id, "success"), (audit.Action, audit.ActorId, audit.SubjectUserId, audit.Outcome));
    }

    [Fact]
    public async Task ResetTwoFactor_ByAdmin_TurnsItOffWithANewKeyOldCodesGoneSessionsEnd_Audited()
    {
        var midwife = await CreateAsync("midwife@example.org", Roles.Midwife);
        await _users.ResetAuthenticatorKeyAsync(midwife);
        var oldKey = await _users.GetAuthenticatorKeyAsync(midwife);
        await _users.SetTwoFactorEnabledAsync(midwife, true);
        var oldCodes = (await _users.GenerateNewTwoFactorRecoveryCodesAsync(midwife, 10))!.ToList();
        var oldStamp = await _users.GetSecurityStampAsync(midwife);
        ActAs(_admin, Roles.Admin);

        var result = await Administration.ResetTwoFactorAsync(midwife.Id);

        Assert.True(result.IsOk);
        Assert.False(result.Value!.TwoFactorEnabled);
        var reloaded = (await _users.FindByIdAsync(midwife.Id))!;
        Assert.False(await _users.GetTwoFactorEnabledAsync(reloaded));
        Assert.NotEqual(oldKey, await _users.GetAuthenticatorKeyAsync(reloaded));
        Assert.False((await _users.RedeemTwoFactorRecoveryCodeAsync(reloaded, oldCodes[0])).Succeeded);
        Assert.NotEqual(oldStamp, await _users.GetSecurityStampAsync(reloaded));
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var audit = Assert.Single(await db.AuditEvents.ToListAsync());
        Assert.Equal(("two-factor.reset", _admin.Id, midwife.Id, "success"), (audit.Action, audit.ActorId, audit.SubjectUserId, audit.Outcome));
    }

    [Fact]
    public async Task ResetTwoFactor_OwnAccountOrNotAnAdmin_IsRefusedAndChangesNothing()
    {
        await _users.SetTwoFactorEnabledAsync(_admin, true);
        ActAs(_admin, Roles.Admin);
        var own = await Administration.ResetTwoFactorAsync(_admin.Id);
        ActAs(_patient, Roles.Patient);
        var notAdmin = await Administration.ResetTwoFactorAsync(_admin.Id);

        Assert.Equal("TwoFactor", Assert.Single(own.Errors).Field);
        Assert.Equal(Core.Common.ResultStatus.NotFound, notAdmin.Status);
        Assert.True(await _users.GetTwoFactorEnabledAsync((await _users.FindByIdAsync(_admin.Id))!));
    }

    [Fact]
    public async Task SetStaffName_ByAdmin_IsWhatTheStaffDirectoryGivesAsThePublicName()
    {
        var approver = await CreateAsync("approver@example.org", Roles.ClinicalApprover);
        ActAs(_admin, Roles.Admin);

        var result = await Administration.SetStaffNameAsync(approver.Id, "  Dr Jo Bloggs, consultant obstetrician ");

        Assert.True(result.IsOk);
        var directory = new LegCrampCare.Infrastructure.Stores.StaffDirectory(_database.Contexts);
        Assert.Equal(new StaffMember("approver@example.org", "Dr Jo Bloggs, consultant obstetrician"), await directory.FindAsync(approver.Id, CancellationToken.None));
        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal("staff-name.changed", Assert.Single(await db.AuditEvents.ToListAsync()).Action);
    }

    [Theory]
    [InlineData("someone@example.org")]
    [InlineData("Name\u0007")]
    public async Task SetStaffName_EmailOrControlCharacters_IsRefusedNamingTheFieldAndNothingChanges(string name)
    {
        ActAs(_admin, Roles.Admin);

        var result = await Administration.SetStaffNameAsync(_patient.Id, System.Text.RegularExpressions.Regex.Unescape(name));

        Assert.StartsWith("Name for approved guidance:", result.ErrorFor(nameof(UserSummary.StaffName)), StringComparison.Ordinal);
        var directory = new LegCrampCare.Infrastructure.Stores.StaffDirectory(_database.Contexts);
        Assert.Null((await directory.FindAsync(_patient.Id, CancellationToken.None))!.PublicName);
    }

    [Fact]
    public async Task SetStaffName_Empty_ClearsIt()
    {
        ActAs(_admin, Roles.Admin);
        await Administration.SetStaffNameAsync(_patient.Id, "Jo");

        var result = await Administration.SetStaffNameAsync(_patient.Id, "   ");

        Assert.Null(result.Value!.StaffName);
    }

    [Theory]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.Midwife)]
    [InlineData(Roles.Editor)]
    public async Task AnyCall_ByNonAdmin_NotFoundAndNothingChanges(string role)
    {
        ActAs(_patient, role);

        Assert.Equal(Core.Common.ResultStatus.NotFound, (await Administration.ListAsync()).Status);
        Assert.Equal(Core.Common.ResultStatus.NotFound, (await Administration.GetAsync(_admin.Id)).Status);
        Assert.Equal(Core.Common.ResultStatus.NotFound, (await Administration.SetRolesAsync(_patient.Id, [Roles.Admin])).Status);
        Assert.False(await _users.IsInRoleAsync(await _users.FindByIdAsync(_patient.Id) ?? _patient, Roles.Admin));
    }

    [Fact]
    public async Task SetRoles_RemovingTheOnlyAdmin_RefusedWithMessage()
    {
        ActAs(_admin, Roles.Admin);

        var result = await Administration.SetRolesAsync(_admin.Id, [Roles.Editor]);

        Assert.Equal(Core.Common.ResultStatus.Invalid, result.Status);
        Assert.Contains("only admin", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.True(await Administration.IsOnlyAdminAsync(_admin.Id));
    }

    [Fact]
    public async Task SetRoles_UnknownRole_Refused()
    {
        ActAs(_admin, Roles.Admin);

        var result = await Administration.SetRolesAsync(_patient.Id, ["Superuser"]);

        Assert.Equal(Core.Common.ResultStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task List_ByAdmin_ShowsAccountsAndRolesOnly()
    {
        ActAs(_admin, Roles.Admin);

        var list = (await Administration.ListAsync()).Value!;

        Assert.Equal(["admin@example.org", "patient@example.org"], list.Select(u => u.Email));
        Assert.Equal([Roles.Patient], list[1].Roles);
    }
}
