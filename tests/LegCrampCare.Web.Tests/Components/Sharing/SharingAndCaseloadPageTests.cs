using Bunit;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Web.Components.Pages.Midwife;
using LegCrampCare.Web.Components.Pages.Sharing;
using LegCrampCare.Web.Tests.Components.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Components.Sharing;

public sealed class SharingAndCaseloadPageTests : ComponentTestBase
{
    private readonly FakeSharingService _sharing = new();
    private readonly FakeCaseloadService _caseload = new();

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<ISharingService>(_sharing);
        services.AddSingleton<ICaseloadService>(_caseload);
        services.AddSingleton(new SharingOptions());
    }

    private static GrantView Grant(string midwife, GrantStatus status = GrantStatus.Active) =>
        new(Guid.NewGuid(), midwife, "Sam", new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc), status, new DateOnly(2027, 5, 10), null);

    [Fact]
    public void Sharing_NoOne_SaysTheLogIsHersAndOffersACode()
    {
        var cut = Render<SharingPage>();

        Assert.Equal("No one. Your log is only yours.", cut.Find("[data-testid=no-access]").TextContent);
        Assert.Contains("Sharing ends on its own on 10 May 2027", cut.Text(), StringComparison.Ordinal);
        Assert.Equal("No one has looked at your log yet.", cut.Find("[data-testid=no-views]").TextContent);

        cut.FindButton("Get a share code").Click();

        var code = cut.Find("[data-testid=new-code]");
        Assert.Contains("K7QM-3XPR", code.TextContent, StringComparison.Ordinal);
        Assert.Contains("Share code: K 7 Q M 3 X P R", code.TextContent, StringComparison.Ordinal); // spelled out for screen readers
        Assert.Contains("It works once", code.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, _sharing.CodesCreated);
    }

    [Fact]
    public void Sharing_StopSharing_OneTapAndSaysSo()
    {
        var grant = Grant("Midwife One");
        _sharing.Overview = _sharing.Overview! with { Grants = [grant] };
        var cut = Render<SharingPage>();

        cut.FindButton("Stop sharing with Midwife One").Click();

        Assert.Equal([grant.Id], _sharing.Revoked);
        Assert.Equal("Midwife One can no longer see your log.", cut.Find("[role=status]").TextContent);
        Assert.Equal("No one. Your log is only yours.", cut.Find("[data-testid=no-access]").TextContent);
        Assert.Contains("Sharing that has ended (1)", cut.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sharing_UnknownMidwifeEmail_ShowsTheMessageBesideTheField()
    {
        const string message = "Midwife's email: no midwife has a LegCrampCare account with this email. Check it with her, or share a code instead.";
        _sharing.OnShareWithEmail = _ => ServiceResult<GrantView>.Invalid("Email", message);
        var cut = Render<SharingPage>();

        cut.FindByLabel("Or enter your midwife's email").Change("someone@else.example");
        cut.FindButton("Share with this midwife").Click();

        Assert.Equal(message, cut.Find("#midwife-email-error").TextContent);
        Assert.Equal("true", cut.FindByLabel("Or enter your midwife's email").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Sharing_AccessLog_ListsWhoDidWhatAndWhen()
    {
        _sharing.Overview = _sharing.Overview! with
        {
            AccessLog = [new AccessLogEntry(new DateTime(2026, 11, 19, 9, 5, 0, DateTimeKind.Utc), "Midwife One (midwife)", "Looked at your cramp log")],
        };

        var cut = Render<SharingPage>();

        Assert.Equal("19 Nov 2026, 09:05 (UTC): Midwife One (midwife). Looked at your cramp log.", cut.Find("[data-testid=access-log] li").TextContent);
    }

    [Fact]
    public void Sharing_WithoutDueDate_SaysWhereToAddIt()
    {
        _sharing.Overview = _sharing.Overview! with { CanShare = false, LastDay = null };

        var cut = Render<SharingPage>();

        Assert.Empty(cut.QueryButtons("Get a share code"));
        Assert.Contains("add your due date", cut.Text(), StringComparison.OrdinalIgnoreCase);
    }

    private static CaseloadRow Row(string name, TriageLevel? level, int unreviewed = 0) =>
        new(Guid.NewGuid(), name, "31 weeks", 3, 9, level, unreviewed, level is null ? null : new DateTime(2026, 11, 18, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Caseload_ShowsRowsInTheServicesOrderWithWhatToReview()
    {
        As(Roles.Midwife);
        _caseload.Rows = [Row("Ann Emergency", TriageLevel.Emergency, 1), Row("Bea Urgent", TriageLevel.Urgent, 2), Row("Cat Calm", null)];

        var cut = Render<CaseloadPage>();

        var rows = cut.FindAll("[data-testid=caseload] tbody tr").Select(r => r.Children.Select(c => System.Text.RegularExpressions.Regex.Replace(c.TextContent, @"\s+", " ").Trim()).ToList()).ToList();
        Assert.Equal(["Ann Emergency", "Bea Urgent", "Cat Calm"], rows.Select(r => r[0]));
        Assert.Equal("Urgent · 2 to review", rows[1][1]);
        Assert.Equal("Nothing", rows[2][1]);
        Assert.Equal("3 / 9", rows[0][3]);
    }

    [Fact]
    public void Caseload_FilterAndSearch_AskTheService()
    {
        As(Roles.Midwife);
        _caseload.Rows = [Row("Ann Emergency", TriageLevel.Emergency, 1), Row("Bea Urgent", TriageLevel.Urgent, 2)];
        var cut = Render<CaseloadPage>();

        cut.FindButton("Urgent").Click();
        Assert.Equal(["Bea Urgent"], cut.FindAll("[data-testid=caseload] tbody tr td:first-child").Select(c => c.TextContent.Trim()));

        cut.FindButton("All").Click();
        cut.FindByLabel("Search by name").Input("ann");
        Assert.Equal(["Ann Emergency"], cut.FindAll("[data-testid=caseload] tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Equal((null, "ann"), _caseload.Calls[^1]);
    }

    [Fact]
    public void Caseload_AddPatientWithACode_SaysWhoWasAdded_BadCodeSaysWhy()
    {
        As(Roles.Midwife);
        var cut = Render<CaseloadPage>();

        cut.FindByLabel("Share code from your patient (8 letters and digits)").Change("AAAA-AAAA");
        cut.FindButton("Add patient").Click();
        Assert.Equal(SharingService.BadCodeMessage, cut.Find("#share-code-error").TextContent);

        _sharing.OnRedeem = _ => ServiceResult<GrantView>.Ok(Grant("Midwife One") with { PatientName = "Sam Sample" });
        cut.FindByLabel("Share code from your patient (8 letters and digits)").Change("K7QM-3XPR");
        cut.FindButton("Add patient").Click();
        Assert.Equal("You can now see Sam Sample's log.", cut.Find("[role=status]").TextContent);
        Assert.Empty(cut.Find("#share-code-error").TextContent);
    }

    [Fact]
    public void Caseload_ForAnyoneButAMidwife_IsNotFound()
    {
        _caseload.Rows = null;

        var cut = Render<CaseloadPage>();

        Assert.Equal("Not found", cut.Find("h1").TextContent);
    }

    private void As(string role) => CurrentUser.User = new LegCrampCare.Core.Abstractions.CurrentUserInfo("user-1", new HashSet<string> { role });
}
