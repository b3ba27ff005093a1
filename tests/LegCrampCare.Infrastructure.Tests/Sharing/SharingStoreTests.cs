using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Sharing;

/// <summary>Share codes, grants and the append-only audit trail on real SQLite.</summary>
public sealed class SharingStoreTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);

    private ISharingStore Store => fixture.Database.Services.GetRequiredService<ISharingStore>();

    private static CareGrant Grant(string patientId, string midwifeId = "midwife-1") => new()
    {
        Id = Guid.NewGuid(), PatientId = patientId, MidwifeId = midwifeId, Method = GrantMethod.ShareCode, CreatedAtUtc = Now, CoversFrom = new DateOnly(2026, 5, 1),
    };

    private async Task<ShareCode> NewCodeAsync(string patientId, DateTime? expires = null)
    {
        var code = new ShareCode { Id = Guid.NewGuid(), PatientId = patientId, CodeHash = Guid.NewGuid().ToString("N"), CreatedAtUtc = Now, ExpiresAtUtc = expires ?? Now.AddDays(7) };
        await Store.AddCodeAsync(code, CancellationToken.None);
        return code;
    }

    [Fact]
    public async Task UseCode_TwoMidwivesAtOnce_OnlyOneGetsAGrant()
    {
        var patient = "p-" + Guid.NewGuid().ToString("N");
        var code = await NewCodeAsync(patient);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Store.UseCodeAsync(code.Id, Grant(patient, $"midwife-{i}"), Now, CancellationToken.None)));

        Assert.Single(results, r => r);
        Assert.Single(await Store.ListGrantsForPatientAsync(patient, CancellationToken.None));
        Assert.Null(await Store.FindUsableCodeAsync(code.CodeHash, Now, CancellationToken.None));
    }

    [Fact]
    public async Task UseCode_Expired_StoresNothing()
    {
        var patient = "p-" + Guid.NewGuid().ToString("N");
        var code = await NewCodeAsync(patient, expires: Now.AddSeconds(-1));

        Assert.False(await Store.UseCodeAsync(code.Id, Grant(patient), Now, CancellationToken.None));
        Assert.Empty(await Store.ListGrantsForPatientAsync(patient, CancellationToken.None));
        Assert.Empty(await Store.ListUsableCodesAsync(patient, Now, CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_OnlyByTheOwningPatient_AndOnce()
    {
        var patient = "p-" + Guid.NewGuid().ToString("N");
        var grant = Grant(patient);
        await Store.AddGrantAsync(grant, CancellationToken.None);

        Assert.False(await Store.RevokeAsync(grant.Id, "someone-else", Now, CancellationToken.None));
        Assert.True(await Store.RevokeAsync(grant.Id, patient, Now, CancellationToken.None));
        Assert.False(await Store.RevokeAsync(grant.Id, patient, Now, CancellationToken.None));
        Assert.Equal(Now, (await Store.FindGrantAsync(grant.Id, CancellationToken.None))!.RevokedAtUtc);
        Assert.DoesNotContain(await Store.ListUnrevokedGrantsForMidwifeAsync("midwife-1", CancellationToken.None), g => g.Id == grant.Id);
    }

    [Fact]
    public async Task Revoke_EndsEveryGrantOfHersToThatMidwifeOnly()
    {
        var patient = "p-" + Guid.NewGuid().ToString("N");
        var (first, second, other) = (Grant(patient, "midwife-x"), Grant(patient, "midwife-x"), Grant(patient, "midwife-y"));
        foreach (var g in new[] { first, second, other })
        {
            await Store.AddGrantAsync(g, CancellationToken.None);
        }

        Assert.True(await Store.RevokeAsync(first.Id, patient, Now, CancellationToken.None));

        var grants = await Store.ListGrantsForPatientAsync(patient, CancellationToken.None);
        Assert.NotNull(grants.Single(g => g.Id == second.Id).RevokedAtUtc);
        Assert.Null(grants.Single(g => g.Id == other.Id).RevokedAtUtc);
    }

    [Fact]
    public async Task AuditTrail_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        var audit = fixture.Database.Services.GetRequiredService<IAuditLog>();
        var subject = "p-" + Guid.NewGuid().ToString("N");
        await audit.WriteAsync(new AuditEntry("midwife-1", Roles.Midwife, "log.viewed", subject, "patient-log", "success"), CancellationToken.None);
        await using var db = await fixture.Database.Contexts.CreateDbContextAsync();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.AuditEvents.Where(a => a.SubjectUserId == subject).ExecuteUpdateAsync(u => u.SetProperty(a => a.Outcome, "denied")));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.AuditEvents.Where(a => a.SubjectUserId == subject).ExecuteDeleteAsync());
        // The whole table at once: DELETE without WHERE, and on PostgreSQL TRUNCATE, which fires no row trigger.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.AuditEvents.ExecuteDeleteAsync());
        if (TestDatabase.Provider == DatabaseProvider.PostgreSql)
        {
            var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEvents\""));
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        var stored = Assert.Single(await audit.ListAboutAsync(subject, 10, CancellationToken.None));
        Assert.Equal(("log.viewed", "success"), (stored.Action, stored.Outcome));
    }

    [Fact]
    public async Task FindIdByEmail_OnlyAnAccountWithThatRole()
    {
        await using var scope = fixture.Database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"mw-{Guid.NewGuid():N}@nhs.example";
        var midwife = new ApplicationUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(midwife, "a long enough passphrase")).Succeeded);
        await users.AddToRoleAsync(midwife, Roles.Midwife);
        var staff = fixture.Database.Services.GetRequiredService<IStaffDirectory>();

        Assert.Equal(midwife.Id, await staff.FindIdByEmailAsync(email.ToUpperInvariant(), Roles.Midwife, CancellationToken.None));
        Assert.Null(await staff.FindIdByEmailAsync(email, Roles.Editor, CancellationToken.None));
        Assert.Null(await staff.FindIdByEmailAsync("nobody@nhs.example", Roles.Midwife, CancellationToken.None));
    }
}
