using System.Text;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Email;
using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Infrastructure.Tests.Identity;

/// <summary>
/// Staff invitations on a real database: only admins invite, the account gets the chosen roles and name and no
/// password, the link works once and for 72 hours by the app's clock, a new link replaces the old one, and an email
/// that already has a working account is refused.
/// </summary>
public sealed class StaffInvitationsTests : IAsyncLifetime
{
    private const string AcceptPage = "https://care.example.org/Account/AcceptInvitation";
    private const string Password = "quiet night leg stretch";

    private sealed class Caller : ICurrentUser
    {
        public CurrentUserInfo Info { get; set; } = CurrentUserInfo.Anonymous;

        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(Info);
    }

    /// <summary>Keeps the invitation emails instead of sending them.</summary>
    private sealed class InvitationInbox : IAccountEmailSender
    {
        public List<(string UserId, string Email, string Link, DateTime ExpiresAtUtc)> Sent { get; } = [];

        public bool CanDeliver { get; set; } = true;

        public Task<EmailOutcome> SendStaffInvitationAsync(ApplicationUser user, string email, string link, DateTime expiresAtUtc, CancellationToken ct)
        {
            Sent.Add((user.Id, email, link, expiresAtUtc));
            return Task.FromResult(EmailOutcome.Sent);
        }

        public Task<EmailOutcome> SendTwoFactorChangedAsync(ApplicationUser user, string email, string change, DateTime atUtc, CancellationToken ct) =>
            throw new InvalidOperationException("Invitations never change two-step sign-in.");

        public Task<EmailOutcome> SendAccountLockedAsync(ApplicationUser user, string email, string resetLink, DateTime lockedUntilUtc, AccountLockReason reason, CancellationToken ct) =>
            throw new InvalidOperationException("Invitations never lock an account.");
    }

    private readonly Caller _caller = new();
    private readonly InvitationInbox _inbox = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private string _adminId = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateInitializedAsync(services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<ICurrentUser>(_caller);
            services.AddSingleton<IAccountEmailSender>(_inbox);
            services.AddScoped<StaffInvitations>();
            services.AddScoped<UserAdministration>();
        });
        _adminId = await CreateWithPasswordAsync("admin@example.org", Roles.Admin);
        _caller.Info = new CurrentUserInfo(_adminId, new HashSet<string> { Roles.Admin });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<T> WithInvitationsAsync<T>(Func<StaffInvitations, Task<T>> action)
    {
        // A scope per call, as each request gets its own.
        await using var scope = _database.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<StaffInvitations>());
    }

    private Task<ServiceResult<StaffInvitationSent>> InviteAsync(string email, string[] roles, string name = "Sam Smith, community midwife") =>
        WithInvitationsAsync(i => i.InviteAsync(new InviteStaffRequest(email, roles, name), AcceptPage));

    private Task<ServiceResult<InvitationAccount>> AcceptAsync((string UserId, string Code) link, string password = Password) =>
        WithInvitationsAsync(i => i.AcceptAsync(link.UserId, link.Code, password));

    private (string UserId, string Code) LastLink()
    {
        var link = new Uri(_inbox.Sent[^1].Link);
        var query = QueryHelpers.ParseQuery(link.Query);
        Assert.Equal(AcceptPage, link.GetLeftPart(UriPartial.Path));
        return (query["userId"].ToString(), query["code"].ToString());
    }

    private async Task<string> CreateWithPasswordAsync(string email, string role) =>
        await _database.WithUserManagerAsync(async users =>
        {
            var user = new ApplicationUser { UserName = email, Email = email, CreatedAtUtc = _time.GetUtcNow().UtcDateTime };
            TestDatabase.AssertSucceeded(await users.CreateAsync(user, Password));
            TestDatabase.AssertSucceeded(await users.AddToRoleAsync(user, role));
            return user.Id;
        });

    private Task<ApplicationUser?> FindAsync(string email) => _database.WithUserManagerAsync(users => users.FindByEmailAsync(email));

    private async Task<List<LegCrampCare.Infrastructure.Persistence.AuditEvent>> AuditAsync()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.AuditEvents.OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Invite_ByAdmin_CreatesAccountWithoutPasswordWithRolesAndNameAndSendsA72HourLink()
    {
        var result = await InviteAsync("  Midwife.One@example.org ", [Roles.Midwife, Roles.ClinicalApprover]);

        Assert.True(result.IsOk, string.Join(" ", result.Errors.Select(e => e.Message)));
        var user = await FindAsync("midwife.one@example.org");
        Assert.NotNull(user);
        Assert.Equal(result.Value!.UserId, user.Id);
        Assert.Null(user.PasswordHash);
        Assert.False(user.EmailConfirmed);
        Assert.Equal("Sam Smith, community midwife", user.StaffName);
        Assert.Equal([Roles.ClinicalApprover, Roles.Midwife], (await _database.WithUserManagerAsync(u => u.GetRolesAsync(user))).Order(StringComparer.Ordinal));
        var sent = Assert.Single(_inbox.Sent);
        Assert.Equal(("Midwife.One@example.org", user.Id), (sent.Email, sent.UserId));
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddHours(72), sent.ExpiresAtUtc);
        Assert.Equal(sent.ExpiresAtUtc, result.Value.ExpiresAtUtc);
        Assert.Equal(EmailOutcome.Sent, result.Value.Email);
    }

    [Fact]
    public async Task Invite_ByAdmin_AuditedAsStaffInvitedWithTheUserIdAndNoEmail()
    {
        var result = await InviteAsync("audited@example.org", [Roles.Editor]);

        var audit = Assert.Single(await AuditAsync());
        Assert.Equal(("staff.invited", "account", _adminId, Roles.Admin, result.Value!.UserId, "success"),
            (audit.Action, audit.Resource, audit.ActorId, audit.ActorRole, audit.SubjectUserId, audit.Outcome));
        Assert.DoesNotContain("audited@", string.Join("|", audit.Action, audit.Resource, audit.ActorId, audit.SubjectUserId, audit.Outcome), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.Midwife)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.ClinicalApprover)]
    [InlineData(null)]
    public async Task Invite_ByNonAdmin_NotFoundAndNoAccountNoEmail(string? role)
    {
        _caller.Info = role is null ? CurrentUserInfo.Anonymous : new CurrentUserInfo(await CreateWithPasswordAsync($"{role}@example.org", role), new HashSet<string> { role });

        var result = await InviteAsync("sneaky@example.org", [Roles.Admin]);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Null(await FindAsync("sneaky@example.org"));
        Assert.Empty(_inbox.Sent);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Resend_ByNonAdmin_NotFoundAndTheLinkStillWorks()
    {
        await InviteAsync("pending@example.org", [Roles.Midwife]);
        var link = LastLink();
        _caller.Info = new CurrentUserInfo(link.UserId, new HashSet<string> { Roles.Midwife });

        var result = await WithInvitationsAsync(i => i.ResendAsync(link.UserId, AcceptPage));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Single(_inbox.Sent);
        Assert.True((await AcceptAsync(link)).IsOk);
    }

    [Fact]
    public async Task Accept_JustBefore72Hours_SetsThePasswordConfirmsTheEmailAndEndsTheInvitation()
    {
        await InviteAsync("ready@example.org", [Roles.Midwife]);
        var link = LastLink();
        _time.Advance(TimeSpan.FromHours(72) - TimeSpan.FromMinutes(1));

        var result = await AcceptAsync(link);

        Assert.True(result.IsOk, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.Equal("ready@example.org", result.Value!.Email);
        var user = (await FindAsync("ready@example.org"))!;
        Assert.True(user.EmailConfirmed);
        Assert.True(await _database.WithUserManagerAsync(u => u.CheckPasswordAsync(user, Password)));
        var summary = await WithAdministrationAsync(a => a.GetAsync(user.Id));
        Assert.Null(summary.Value!.Invitation);
        Assert.Contains(await AuditAsync(), a => a is { Action: "staff.invitation-accepted", ActorId: var actor } && actor == user.Id);
    }

    [Fact]
    public async Task Accept_JustAfter72Hours_RefusedAndNoPasswordIsSet()
    {
        await InviteAsync("late@example.org", [Roles.Midwife]);
        var link = LastLink();
        _time.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));

        Assert.Equal(ResultStatus.NotFound, (await WithInvitationsAsync(i => i.FindAsync(link.UserId, link.Code))).Status);
        Assert.Equal(ResultStatus.NotFound, (await AcceptAsync(link)).Status);
        Assert.Null((await FindAsync("late@example.org"))!.PasswordHash);
    }

    [Fact]
    public async Task Accept_LinkLifetimeConfigured_UsesIt()
    {
        await using var database = await TestDatabase.CreateInitializedAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_time);
                services.AddSingleton<ICurrentUser>(_caller);
                services.AddSingleton<IAccountEmailSender>(_inbox);
                services.AddScoped<StaffInvitations>();
            },
            new Dictionary<string, string?> { [StaffInvitationTokenProviderOptions.LifetimeSetting] = "01:00:00" });
        await using var scope = database.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<StaffInvitations>();
        var sent = await invitations.InviteAsync(new InviteStaffRequest("hour@example.org", [Roles.Editor], "Ed Itor"), AcceptPage);
        var link = LastLink();

        _time.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddMinutes(-1), sent.Value!.ExpiresAtUtc);
        Assert.Equal(ResultStatus.NotFound, (await invitations.FindAsync(link.UserId, link.Code)).Status);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("31.00:00:00")]
    public async Task LinkLifetime_OutOfRange_RefusedNamingTheSetting(string value)
    {
        await using var database = TestDatabase.Create(settings: new Dictionary<string, string?> { [StaffInvitationTokenProviderOptions.LifetimeSetting] = value });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => database.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StaffInvitationTokenProviderOptions>>().Value);

        Assert.Contains("Invitations:LinkLifetime must be more than 0 and at most 30.00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_SameLinkTwice_SecondRefusedAndThePasswordStays()
    {
        await InviteAsync("once@example.org", [Roles.Midwife]);
        var link = LastLink();
        Assert.True((await AcceptAsync(link)).IsOk);

        var second = await AcceptAsync(link, "another long passphrase here");

        Assert.Equal(ResultStatus.NotFound, second.Status);
        var user = (await FindAsync("once@example.org"))!;
        Assert.True(await _database.WithUserManagerAsync(u => u.CheckPasswordAsync(user, Password)));
    }

    [Theory]
    [InlineData("password1234", "most commonly used")]
    [InlineData("too short", "at least 12 characters")]
    [InlineData("", "at least 12 characters")]
    public async Task Accept_WeakPassword_RefusedNamingThePasswordAndTheLinkStillWorks(string weak, string expected)
    {
        await InviteAsync("careful@example.org", [Roles.Midwife]);
        var link = LastLink();

        var refused = await AcceptAsync(link, weak);

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.StartsWith("Password:", refused.ErrorFor(StaffInvitations.PasswordField), StringComparison.Ordinal);
        Assert.Contains(expected, refused.ErrorFor(StaffInvitations.PasswordField), StringComparison.Ordinal);
        Assert.Null((await FindAsync("careful@example.org"))!.PasswordHash);
        Assert.True((await AcceptAsync(link)).IsOk);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 url!")]
    [InlineData("AAAA")]
    [InlineData("dGhpcyBpcyBub3QgYSB0b2tlbg")]
    public async Task Find_GarbledCode_NotFound(string code)
    {
        await InviteAsync("garbled@example.org", [Roles.Midwife]);
        var userId = LastLink().UserId;

        var result = await WithInvitationsAsync(i => i.FindAsync(userId, code));

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Find_AnotherUsersCodeOrUnknownUser_NotFound()
    {
        await InviteAsync("first@example.org", [Roles.Midwife]);
        var first = LastLink();
        await InviteAsync("second@example.org", [Roles.Midwife]);
        var second = LastLink();

        Assert.Equal(ResultStatus.NotFound, (await WithInvitationsAsync(i => i.FindAsync(first.UserId, second.Code))).Status);
        Assert.Equal(ResultStatus.NotFound, (await WithInvitationsAsync(i => i.FindAsync(Guid.NewGuid().ToString(), first.Code))).Status);
        Assert.Equal(ResultStatus.NotFound, (await WithInvitationsAsync(i => i.FindAsync(null, null))).Status);
    }

    [Fact]
    public async Task Find_PasswordResetTokenForTheSameAccount_NotFound()
    {
        await InviteAsync("reset@example.org", [Roles.Midwife]);
        var userId = LastLink().UserId;
        var resetToken = await _database.WithUserManagerAsync(async u => await u.GeneratePasswordResetTokenAsync((await u.FindByIdAsync(userId))!));

        var result = await WithInvitationsAsync(i => i.FindAsync(userId, WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(resetToken))));

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Invite_NotYetActivatedAccountAgain_SendsANewLinkWithTheNewRolesAndTheOldLinkStopsWorking()
    {
        await InviteAsync("again@example.org", [Roles.Midwife], "First Name");
        var old = LastLink();

        var again = await InviteAsync("again@example.org", [Roles.Editor], "Second Name");

        Assert.True(again.IsOk);
        Assert.True(again.Value!.ReplacedEarlierLink);
        Assert.Equal(old.UserId, again.Value.UserId);
        Assert.Equal(2, _inbox.Sent.Count);
        Assert.Equal(ResultStatus.NotFound, (await AcceptAsync(old)).Status);
        var user = (await FindAsync("again@example.org"))!;
        Assert.Equal("Second Name", user.StaffName);
        Assert.Equal([Roles.Editor], await _database.WithUserManagerAsync(u => u.GetRolesAsync(user)));
        Assert.True((await AcceptAsync(LastLink())).IsOk);
        Assert.Equal(2, (await AuditAsync()).Count(a => a.Action == "staff.invited"));
    }

    [Fact]
    public async Task Resend_NotYetActivated_NewLinkWorksAndTheOldOneDoesNot()
    {
        await InviteAsync("resend@example.org", [Roles.Midwife]);
        var old = LastLink();
        _time.Advance(TimeSpan.FromDays(5));

        var resent = await WithInvitationsAsync(i => i.ResendAsync(old.UserId, AcceptPage));

        Assert.True(resent.IsOk);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddHours(72), resent.Value!.ExpiresAtUtc);
        Assert.Equal(ResultStatus.NotFound, (await AcceptAsync(old)).Status);
        Assert.True((await AcceptAsync(LastLink())).IsOk);
    }

    [Fact]
    public async Task Invite_EmailOfAnActiveAccount_RefusedNamingTheEmailAndNothingChanges()
    {
        var patientId = await CreateWithPasswordAsync("patient@example.org", Roles.Patient);

        var result = await InviteAsync("PATIENT@example.org", [Roles.Admin]);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith("Email: there is already an account", result.ErrorFor(StaffInvitations.EmailField), StringComparison.Ordinal);
        var patient = (await FindAsync("patient@example.org"))!;
        Assert.Equal([Roles.Patient], await _database.WithUserManagerAsync(u => u.GetRolesAsync(patient)));
        Assert.Null(patient.StaffName);
        Assert.Empty(_inbox.Sent);
        Assert.Empty(await AuditAsync());
        Assert.Equal(ResultStatus.Invalid, (await WithInvitationsAsync(i => i.ResendAsync(patientId, AcceptPage))).Status);
    }

    [Theory]
    [InlineData("", new[] { Roles.Midwife }, "Sam", StaffInvitations.EmailField, "Email: enter")]
    [InlineData("not-an-email", new[] { Roles.Midwife }, "Sam", StaffInvitations.EmailField, "Email: enter a whole email address with one @")]
    [InlineData("Sam <sam@example.org>", new[] { Roles.Midwife }, "Sam", StaffInvitations.EmailField, "Email: an email address has no spaces")]
    [InlineData("sam@example.org", new string[0], "Sam", StaffInvitations.RolesField, "Roles: choose at least one")]
    [InlineData("sam@example.org", new[] { Roles.Patient }, "Sam", StaffInvitations.RolesField, "Roles: staff can only be invited as")]
    [InlineData("sam@example.org", new[] { "Superuser" }, "Sam", StaffInvitations.RolesField, "Roles: staff can only be invited as")]
    [InlineData("sam@example.org", new[] { Roles.Midwife }, "  ", StaffInvitations.StaffNameField, "Name as patients and readers see it: enter a name")]
    [InlineData("sam@example.org", new[] { Roles.Midwife }, "sam@example.org", StaffInvitations.StaffNameField, "Name as patients and readers see it: a name and job title")]
    public async Task Invite_BadField_RefusedNamingTheFieldAndNothingIsCreated(string email, string[] roles, string name, string field, string message)
    {
        var result = await InviteAsync(email, roles, name);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith(message, result.ErrorFor(field), StringComparison.Ordinal);
        Assert.Equal(1, await _database.WithUserManagerAsync(u => u.Users.CountAsync()));
        Assert.Empty(_inbox.Sent);
    }

    [Fact]
    public async Task Invite_NameTooLong_RefusedWithTheLimit()
    {
        var result = await InviteAsync("long@example.org", [Roles.Midwife], new string('a', StaffNames.MaxLength + 1));

        Assert.Equal($"Name as patients and readers see it: at most {StaffNames.MaxLength} characters (this has {StaffNames.MaxLength + 1}).", result.ErrorFor(StaffInvitations.StaffNameField));
    }

    [Fact]
    public async Task Invite_NoEmailService_RefusedWithAPlainMessageAndNoAccount()
    {
        _inbox.CanDeliver = false;

        var result = await InviteAsync("nomail@example.org", [Roles.Midwife]);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith("Invitations can't be sent: this service has no email set up.", result.ErrorFor(StaffInvitations.InvitationField), StringComparison.Ordinal);
        Assert.Null(await FindAsync("nomail@example.org"));
    }

    [Fact]
    public async Task SetRolesAndName_OnAnInvitedAccount_TheLinkStillWorksWithTheNewRoles()
    {
        await InviteAsync("changed@example.org", [Roles.Midwife]);
        var link = LastLink();

        await WithAdministrationAsync(a => a.SetRolesAsync(link.UserId, [Roles.Editor, Roles.ClinicalApprover]));
        await WithAdministrationAsync(a => a.SetStaffNameAsync(link.UserId, "Dr Jo Bloggs, consultant obstetrician"));

        Assert.True((await AcceptAsync(link)).IsOk);
        var user = (await FindAsync("changed@example.org"))!;
        Assert.Equal([Roles.ClinicalApprover, Roles.Editor], (await _database.WithUserManagerAsync(u => u.GetRolesAsync(user))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_InvitedAccount_ShowsWhenTheLinkExpiresThenThatItExpired()
    {
        await InviteAsync("listed@example.org", [Roles.Midwife]);
        var sentAt = _time.GetUtcNow().UtcDateTime;

        var before = (await WithAdministrationAsync(a => a.ListAsync())).Value!.Single(u => u.Email == "listed@example.org");
        _time.Advance(TimeSpan.FromHours(73));
        var after = (await WithAdministrationAsync(a => a.ListAsync())).Value!.Single(u => u.Email == "listed@example.org");
        var admin = (await WithAdministrationAsync(a => a.ListAsync())).Value!.Single(u => u.Email == "admin@example.org");

        Assert.Equal(new PendingInvitation(sentAt, sentAt.AddHours(72), IsExpired: false), before.Invitation);
        Assert.True(after.Invitation!.IsExpired);
        Assert.Null(admin.Invitation);
    }

    private async Task<T> WithAdministrationAsync<T>(Func<UserAdministration, Task<T>> action)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }
}
