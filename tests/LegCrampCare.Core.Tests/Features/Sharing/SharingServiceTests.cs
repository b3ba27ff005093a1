using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Sharing;

public sealed class SharingServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeCurrentUser _user = new();
    private readonly InMemorySharingStore _store = new();
    private readonly InMemoryProfileStore _profiles = new();
    private readonly RecordingAuditLog _audit;
    private readonly Staff _staff = new();
    private readonly SharingOptions _options = new();
    private readonly SharedCodeAttempts _attempts = new();

    public SharingServiceTests()
    {
        _audit = new RecordingAuditLog(_time);
        _profiles.Seed(Profile("patient-a", due: new DateOnly(2027, 2, 1)));
        _profiles.Seed(Profile("patient-b", due: new DateOnly(2027, 3, 1)));
    }

    private sealed class Staff : IStaffDirectory
    {
        public Task<StaffMember?> FindAsync(string userId, CancellationToken ct) =>
            Task.FromResult<StaffMember?>(new StaffMember(userId + "@nhs.example", userId.StartsWith("midwife", StringComparison.Ordinal) ? "Midwife " + userId[^1..] : null));

        public Task<string?> FindIdByEmailAsync(string email, string role, CancellationToken ct) =>
            Task.FromResult(role == Roles.Midwife && email.Equals("midwife-1@nhs.example", StringComparison.OrdinalIgnoreCase) ? "midwife-1" : null);
    }

    private static PregnancyProfile Profile(string id, DateOnly? due = null, DateOnly? birth = null) => new()
    {
        UserId = id,
        DisplayName = "Name of " + id,
        DateOfBirth = new DateOnly(1990, 1, 1),
        DueDate = due,
        BirthDate = birth,
        TimeZoneId = "Europe/London",
    };

    private SharingService Service => new(_user, _store, _profiles, _staff, _audit, _attempts, _options, _time, NullLogger<SharingService>.Instance);

    private void AsPatient(string id = "patient-a") => _user.User = FakeCurrentUser.Patient(id);

    private void AsMidwife(string id = "midwife-1") => _user.User = FakeCurrentUser.InRole(id, Roles.Midwife);

    private async Task<GrantView> ShareByCodeAsync(string patient = "patient-a", string midwife = "midwife-1")
    {
        AsPatient(patient);
        var code = (await Service.CreateCodeAsync()).Value!.Code;
        AsMidwife(midwife);
        var redeemed = await Service.RedeemAsync(code);
        Assert.Equal(ResultStatus.Ok, redeemed.Status);
        return redeemed.Value!;
    }

    [Fact]
    public async Task CreateCode_ReadableSingleUseValidSevenDays()
    {
        AsPatient();

        var created = (await Service.CreateCodeAsync()).Value!;

        Assert.Matches("^[ACDEFHJKMNPQRTUVWXY3479]{4}-[ACDEFHJKMNPQRTUVWXY3479]{4}$", created.Code);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddDays(7), created.ExpiresAtUtc);
        Assert.DoesNotContain(_store.Codes, c => c.CodeHash.Contains(created.Code.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Single((await Service.GetMineAsync()).Value!.Codes);
    }

    [Theory]
    [InlineData(" k7qm 3xpr ")]
    [InlineData("K7QM-3XPR")]
    [InlineData("k7qm3xpr")]
    public void Normalise_SpacesHyphensAndCase_AreIgnored(string typed) => Assert.Equal("K7QM3XPR", SharingRules.Normalise(typed));

    [Theory]
    [InlineData("K7QM-3XP")]
    [InlineData("K7QM-3XPRR")]
    [InlineData("K0QM-3XPR")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalise_NotACode_IsNull(string? typed) => Assert.Null(SharingRules.Normalise(typed));

    [Fact]
    public async Task Redeem_ValidCode_GivesTheMidwifeThatPatientForThisPregnancy()
    {
        var grant = await ShareByCodeAsync();

        Assert.Equal(("Name of patient-a", "Midwife 1", GrantStatus.Active), (grant.PatientName, grant.MidwifeName, grant.Status));
        var access = (await Service.AuthorizeAsync(grant.Id)).Value!;
        Assert.Equal(("patient-a", new DateOnly(2026, 4, 27)), (access.PatientId, access.CoversFrom));
        Assert.Equal(new DateOnly(2027, 2, 1).AddDays(14 * 7), access.LastDay);
    }

    [Fact]
    public async Task Redeem_SameCodeTwice_SecondIsRefusedAndNoSecondGrant()
    {
        AsPatient();
        var code = (await Service.CreateCodeAsync()).Value!.Code;
        AsMidwife("midwife-1");
        await Service.RedeemAsync(code);
        AsMidwife("midwife-2");

        var second = await Service.RedeemAsync(code);

        Assert.Equal(SharingService.BadCodeMessage, second.ErrorFor("Code"));
        Assert.Single(_store.Grants);
    }

    [Fact]
    public async Task Redeem_ASecondCodeBySameMidwife_KeepsOneGrantSoStoppingEndsAccess()
    {
        var first = await ShareByCodeAsync();
        var second = await ShareByCodeAsync();

        Assert.Equal(first.Id, second.Id);
        Assert.Single(_store.Grants);
        AsPatient();
        await Service.RevokeAsync(first.Id);
        AsMidwife();
        Assert.Empty((await Service.ActiveForMidwifeAsync()).Value!);
    }

    [Fact]
    public async Task Redeem_AfterSevenDays_IsRefused()
    {
        AsPatient();
        var code = (await Service.CreateCodeAsync()).Value!.Code;
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        AsMidwife();

        Assert.Equal(ResultStatus.Invalid, (await Service.RedeemAsync(code)).Status);
        Assert.Empty(_store.Grants);
    }

    [Fact]
    public async Task Redeem_ManyWrongCodes_IsSlowedDown()
    {
        AsMidwife();
        for (var i = 0; i < _options.MaxFailedCodesPerHour; i++)
        {
            await Service.RedeemAsync("AAAA-AAAA");
        }

        AsPatient();
        var code = (await Service.CreateCodeAsync()).Value!.Code;
        AsMidwife();
        var refused = await Service.RedeemAsync(code);

        Assert.StartsWith("Share code: too many codes", refused.ErrorFor("Code"), StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ResultStatus.Ok, (await Service.RedeemAsync(code)).Status);
    }

    [Fact]
    public async Task ShareWithEmail_RegisteredMidwife_IsAGrant_UnknownEmailNamesTheField()
    {
        AsPatient();

        var shared = await Service.ShareWithEmailAsync("MIDWIFE-1@nhs.example");
        var unknown = await Service.ShareWithEmailAsync("someone@else.example");
        var again = await Service.ShareWithEmailAsync("midwife-1@nhs.example");

        Assert.Equal(ResultStatus.Ok, shared.Status);
        Assert.StartsWith("Midwife's email: no midwife", unknown.ErrorFor("Email"), StringComparison.Ordinal);
        Assert.Equal(shared.Value!.Id, again.Value!.Id); // sharing again with the same midwife adds nothing
        Assert.Single(_store.Grants);
    }

    [Fact]
    public async Task Share_WithoutADueOrBirthDate_SaysWhatToDoAndSharesNothing()
    {
        _profiles.Seed(Profile("patient-c"));
        AsPatient("patient-c");

        var code = await Service.CreateCodeAsync();

        Assert.StartsWith("Add your due date", code.ErrorFor("Sharing"), StringComparison.Ordinal);
        Assert.Empty(_store.Codes);
    }

    [Fact]
    public async Task Revoke_TakesEffectAtOnce()
    {
        var grant = await ShareByCodeAsync();
        AsPatient();

        var revoked = await Service.RevokeAsync(grant.Id);

        Assert.Equal(GrantStatus.Revoked, revoked.Value!.Status);
        AsMidwife();
        Assert.Equal(ResultStatus.NotFound, (await Service.AuthorizeAsync(grant.Id)).Status);
        Assert.Empty((await Service.ActiveForMidwifeAsync()).Value!);
        Assert.Contains(_audit.Records, r => r.Action == "patient.access" && r.Outcome == "denied");
    }

    [Fact]
    public async Task Revoke_AnotherPatientsGrant_IsNotFoundAndChangesNothing()
    {
        var grant = await ShareByCodeAsync();
        AsPatient("patient-b");

        Assert.Equal(ResultStatus.NotFound, (await Service.RevokeAsync(grant.Id)).Status);
        Assert.Null(_store.Grants.Single().RevokedAtUtc);
    }

    [Fact]
    public async Task Grant_Expires12WeeksAfterTheBirth()
    {
        var grant = await ShareByCodeAsync();
        var birth = new DateOnly(2027, 1, 20);
        _profiles.Seed(Profile("patient-a", due: new DateOnly(2027, 2, 1), birth: birth));
        AsMidwife();

        _time.SetUtcNow(new DateTimeOffset(birth.AddDays(84).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        Assert.Equal(ResultStatus.Ok, (await Service.AuthorizeAsync(grant.Id)).Status);
        _time.SetUtcNow(new DateTimeOffset(birth.AddDays(85).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        Assert.Equal(ResultStatus.NotFound, (await Service.AuthorizeAsync(grant.Id)).Status);
    }

    [Fact]
    public async Task Grant_WithNoBirthRecorded_Expires14WeeksAfterTheDueDate_Configurable()
    {
        _options.WeeksAfterDueDate = 2;
        var grant = await ShareByCodeAsync();
        AsMidwife();

        _time.SetUtcNow(new DateTimeOffset(2027, 2, 15, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(ResultStatus.Ok, (await Service.AuthorizeAsync(grant.Id)).Status);
        _time.SetUtcNow(new DateTimeOffset(2027, 2, 16, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(ResultStatus.NotFound, (await Service.AuthorizeAsync(grant.Id)).Status);
    }

    [Fact]
    public async Task Grant_ADueDateCorrectedByAScan_StaysActiveAndShowsTheCorrectedPregnancy()
    {
        var grant = await ShareByCodeAsync();
        _profiles.Seed(Profile("patient-a", due: new DateOnly(2027, 2, 15)));
        AsMidwife();

        var access = await Service.AuthorizeAsync(grant.Id);

        Assert.Equal(ResultStatus.Ok, access.Status);
        Assert.Equal(new DateOnly(2027, 2, 15).AddDays(-280), access.Value!.CoversFrom);
    }

    [Fact]
    public async Task Grant_DueDateAtTheFormsLimit_IsActiveFromTheStart()
    {
        // Due 290 days from now (the form allows up to 294): her pregnancy's first day is still ahead.
        _profiles.Seed(Profile("patient-a", due: DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(290)));
        var grant = await ShareByCodeAsync();
        AsMidwife();

        Assert.Equal(ResultStatus.Ok, (await Service.AuthorizeAsync(grant.Id)).Status);
    }

    [Fact]
    public async Task Grant_DueDateMovedFarBack_EndsRatherThanShowCrampsFromBeforeThePregnancy()
    {
        var grant = await ShareByCodeAsync();
        _profiles.Seed(Profile("patient-a", due: new DateOnly(2026, 11, 1)));
        AsMidwife();

        Assert.Equal(ResultStatus.NotFound, (await Service.AuthorizeAsync(grant.Id)).Status);
    }

    [Fact]
    public async Task Grant_ANewPregnancyAfterTheGrant_DoesNotBringItBack()
    {
        // Shared in the first pregnancy (due 1 February 2027); the baby came; a year later she is pregnant again.
        var grant = await ShareByCodeAsync();
        _time.SetUtcNow(new DateTimeOffset(2028, 3, 1, 12, 0, 0, TimeSpan.Zero));
        _profiles.Seed(Profile("patient-a", due: new DateOnly(2028, 9, 1)));
        AsMidwife();

        Assert.Equal(ResultStatus.NotFound, (await Service.AuthorizeAsync(grant.Id)).Status);
        AsPatient();
        var overview = (await Service.GetMineAsync()).Value!;
        Assert.Equal(GrantStatus.Expired, Assert.Single(overview.Grants).Status);
    }

    [Fact]
    public async Task Authorize_AnotherMidwifeOrAnyOtherRole_IsNotFound()
    {
        var grant = await ShareByCodeAsync();

        foreach (var user in new[]
                 {
                     FakeCurrentUser.InRole("midwife-2", Roles.Midwife), FakeCurrentUser.Patient("patient-a"), FakeCurrentUser.Patient("patient-b"),
                     FakeCurrentUser.InRole("editor-1", Roles.Editor), FakeCurrentUser.InRole("admin-1", Roles.Admin), CurrentUserInfo.Anonymous,
                 })
        {
            _user.User = user;
            Assert.Equal(ResultStatus.NotFound, (await Service.AuthorizeAsync(grant.Id)).Status);
            if (!user.IsInRole(Roles.Midwife))
            {
                Assert.Equal(ResultStatus.NotFound, (await Service.ActiveForMidwifeAsync()).Status);
                Assert.Equal(ResultStatus.NotFound, (await Service.RedeemAsync("AAAA-AAAA")).Status);
            }
            else
            {
                Assert.Empty((await Service.ActiveForMidwifeAsync()).Value!);
            }
        }
    }

    [Fact]
    public async Task GetMine_ShowsWhoHasAccessAndWhatTheyDid_NotHerOwnActions()
    {
        var grant = await ShareByCodeAsync();
        await _audit.WriteAsync(new AuditEntry("midwife-1", Roles.Midwife, "log.viewed", "patient-a", "patient-log", "success"), CancellationToken.None);
        await _audit.WriteAsync(new AuditEntry("midwife-1", Roles.Midwife, "log.viewed", "patient-a", "patient-log", "denied"), CancellationToken.None);
        AsPatient();

        var mine = (await Service.GetMineAsync()).Value!;

        var shown = Assert.Single(mine.Grants);
        Assert.Equal((grant.Id, "Midwife 1", GrantStatus.Active), (shown.Id, shown.MidwifeName, shown.Status));
        Assert.Equal(["Looked at your cramp log", "Started seeing your log (used your share code)"], mine.AccessLog.Select(e => e.What));
        Assert.All(mine.AccessLog, e => Assert.Equal("Midwife 1 (midwife)", e.Who));
    }

    [Fact]
    public async Task EveryPatientCall_ByAMidwife_IsNotFound()
    {
        AsMidwife();

        Assert.Equal(ResultStatus.NotFound, (await Service.GetMineAsync()).Status);
        Assert.Equal(ResultStatus.NotFound, (await Service.CreateCodeAsync()).Status);
        Assert.Equal(ResultStatus.NotFound, (await Service.ShareWithEmailAsync("midwife-1@nhs.example")).Status);
        Assert.Equal(ResultStatus.NotFound, (await Service.RevokeAsync(Guid.NewGuid())).Status);
        Assert.Empty(_store.Codes);
    }
}
