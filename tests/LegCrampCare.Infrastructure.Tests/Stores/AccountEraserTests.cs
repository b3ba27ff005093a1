using System.Security.Claims;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Infrastructure.Stores;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Stores;

public sealed class AccountEraserTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateOnly Night = new(2026, 2, 10);

    private TestDatabase Database => fixture.Database;

    private AccountEraser Eraser => Database.Services.GetRequiredService<AccountEraser>();

    [Fact]
    public async Task EraseAsync_PatientWithData_LeavesNoRowOfHers()
    {
        var patient = await CreatePatientWithDataAsync();

        Assert.True(await Eraser.EraseAsync(patient, CancellationToken.None));

        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.False(await db.Episodes.AnyAsync(e => e.PatientId == patient));
        Assert.False(await db.Assessments.AnyAsync(a => a.PatientId == patient));
        Assert.False(await db.Profiles.AnyAsync(p => p.UserId == patient));
        Assert.False(await db.Users.AnyAsync(u => u.Id == patient));
        Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == patient));
        Assert.False(await db.UserClaims.AnyAsync(c => c.UserId == patient));
        Assert.False(await db.UserLogins.AnyAsync(l => l.UserId == patient));
        Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == patient));
        Assert.False(await db.CareGrants.AnyAsync(g => g.PatientId == patient));
        Assert.False(await db.ShareCodes.AnyAsync(c => c.PatientId == patient));
    }

    [Fact]
    public async Task EraseAsync_AuditEventsThatNamedHer_KeptWithPseudonymInsteadOfHerId()
    {
        var patient = await CreatePatientWithDataAsync();
        var midwife = await Database.CreateUserAsync(Roles.Midwife);
        var audit = Database.Services.GetRequiredService<IAuditLog>();
        await audit.WriteAsync(new AuditEntry(patient, Roles.Patient, "episode.logged", patient, "episode", "success"), CancellationToken.None);
        await audit.WriteAsync(new AuditEntry(midwife, Roles.Midwife, "episodes.viewed", patient, "episodes", "success"), CancellationToken.None);
        await audit.WriteAsync(new AuditEntry(patient, Roles.Patient, "signed-in", null, "account", "success"), CancellationToken.None);
        var before = await AuditEventsAsync();
        var hers = before.Where(a => a.ActorId == patient || a.SubjectUserId == patient).Select(a => a.Id).ToHashSet();
        Assert.Equal(3, hers.Count);
        var pseudonym = AccountEraser.Pseudonym(patient);

        Assert.True(await Eraser.EraseAsync(patient, CancellationToken.None));

        var after = await AuditEventsAsync();
        Assert.DoesNotContain(after, a => a.ActorId == patient || a.SubjectUserId == patient);
        Assert.All(before, b => Assert.Contains(after, a => a.Id == b.Id));
        var logged = after.Single(a => a.Action == "episode.logged" && hers.Contains(a.Id));
        Assert.Equal((pseudonym, pseudonym), (logged.ActorId, logged.SubjectUserId));
        var viewed = after.Single(a => a.Action == "episodes.viewed" && hers.Contains(a.Id));
        Assert.Equal((midwife, pseudonym), (viewed.ActorId, viewed.SubjectUserId));
        var signedIn = after.Single(a => a.Action == "signed-in" && hers.Contains(a.Id));
        Assert.Equal((pseudonym, (string?)null), (signedIn.ActorId, signedIn.SubjectUserId));
        Assert.Contains(after, a => a.Action == "account.deleted" && a.ActorId == pseudonym && a.SubjectUserId == pseudonym);
        Assert.DoesNotContain(pseudonym, patient, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseAsync_AnotherUsersData_IsUntouched()
    {
        var patient = await CreatePatientWithDataAsync();
        var other = await CreatePatientWithDataAsync();
        var audit = Database.Services.GetRequiredService<IAuditLog>();
        await audit.WriteAsync(new AuditEntry(other, Roles.Patient, "episode.logged", other, "episode", "success"), CancellationToken.None);
        var othersEventsBefore = (await AuditEventsAsync()).Where(a => a.ActorId == other || a.SubjectUserId == other).ToList();

        Assert.True(await Eraser.EraseAsync(patient, CancellationToken.None));

        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(2, await db.Episodes.CountAsync(e => e.PatientId == other));
        Assert.True(await db.Profiles.AnyAsync(p => p.UserId == other));
        Assert.True(await db.Users.AnyAsync(u => u.Id == other));
        Assert.Equal(1, await db.UserRoles.CountAsync(r => r.UserId == other));
        Assert.Equal(1, await db.UserClaims.CountAsync(c => c.UserId == other));
        Assert.Equal(1, await db.UserLogins.CountAsync(l => l.UserId == other));
        Assert.Equal(1, await db.UserTokens.CountAsync(t => t.UserId == other));
        var othersEventsAfter = (await AuditEventsAsync()).Where(a => a.ActorId == other || a.SubjectUserId == other).ToList();
        Assert.Equal(
            othersEventsBefore.Select(a => (a.Id, a.ActorId, a.SubjectUserId)),
            othersEventsAfter.Select(a => (a.Id, a.ActorId, a.SubjectUserId)));
        Assert.NotEmpty(othersEventsAfter);
    }

    [Fact]
    public async Task EraseAsync_UnknownUser_ReturnsFalseAndWritesNothing()
    {
        var countBefore = (await AuditEventsAsync()).Count;

        Assert.False(await Eraser.EraseAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Equal(countBefore, (await AuditEventsAsync()).Count);
    }

    [Fact]
    public async Task EraseAsync_SameUserTwice_SecondCallReturnsFalse()
    {
        var patient = await CreatePatientWithDataAsync();

        Assert.True(await Eraser.EraseAsync(patient, CancellationToken.None));
        Assert.False(await Eraser.EraseAsync(patient, CancellationToken.None));
    }

    [Fact]
    public void Pseudonym_SameId_IsStableAndDiffersBetweenUsers()
    {
        var id = Guid.NewGuid().ToString();

        Assert.Equal(AccountEraser.Pseudonym(id), AccountEraser.Pseudonym(id));
        Assert.NotEqual(AccountEraser.Pseudonym(id), AccountEraser.Pseudonym(Guid.NewGuid().ToString()));
        Assert.StartsWith("deleted-", AccountEraser.Pseudonym(id), StringComparison.Ordinal);
    }

    /// <summary>A patient with a role, a claim, an external login, a token, a profile and two episodes.</summary>
    private async Task<string> CreatePatientWithDataAsync()
    {
        var patient = await Database.CreateUserAsync(Roles.Patient);
        await Database.WithUserManagerAsync(async users =>
        {
            var user = await users.FindByIdAsync(patient);
            Assert.NotNull(user);
            TestDatabase.AssertSucceeded(await users.AddClaimAsync(user, new Claim("consent", "health-data")));
            TestDatabase.AssertSucceeded(await users.AddLoginAsync(user, new UserLoginInfo("Test", "key-" + patient, "Test")));
            TestDatabase.AssertSucceeded(await users.SetAuthenticationTokenAsync(user, "Test", "refresh", "secret"));
            return true;
        });

        var sharing = Database.Services.GetRequiredService<ISharingStore>();
        await sharing.AddGrantAsync(new CareGrant { Id = Guid.NewGuid(), PatientId = patient, MidwifeId = "midwife-x", CoversFrom = Night }, CancellationToken.None);
        await sharing.AddCodeAsync(new ShareCode { Id = Guid.NewGuid(), PatientId = patient, CodeHash = Guid.NewGuid().ToString("N"), ExpiresAtUtc = DateTime.UtcNow.AddDays(7) }, CancellationToken.None);

        var episodes = Database.Services.GetRequiredService<IEpisodeStore>();
        for (var i = 0; i < 2; i++)
        {
            var started = Night.AddDays(i).ToDateTime(new TimeOnly(23, 0), DateTimeKind.Utc);
            await episodes.AddIfAbsentAsync(
                new Episode { Id = Guid.NewGuid(), PatientId = patient, Night = Night.AddDays(i), StartedAtUtc = started, Side = Side.Right },
                CancellationToken.None);
        }

        await Database.Services.GetRequiredService<IProfileStore>().SaveAsync(
            new PregnancyProfile { UserId = patient, DisplayName = "Bea", DateOfBirth = new DateOnly(1995, 1, 1), TimeZoneId = "Europe/London" },
            CancellationToken.None);
        return patient;
    }

    private async Task<List<AuditEvent>> AuditEventsAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
