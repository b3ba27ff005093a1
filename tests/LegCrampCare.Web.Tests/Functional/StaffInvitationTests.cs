using System.Net;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Staff invitations over HTTP in the real app: an admin invites, the emailed link opens the set-up page, the password
/// chosen there signs in, the link works once, and anyone but an admin gets "not found".
/// </summary>
public sealed class StaffInvitationTests : IClassFixture<StaffInvitationTests.Factory>
{
    private const string Password = "quiet night leg stretch";

    private readonly Factory _factory;

    public StaffInvitationTests(Factory factory) => _factory = factory;

    public sealed class Factory : TestAppFactory
    {
        public Factory() => Emails = new CapturingEmailTransport();
    }

    private CapturingEmailTransport Emails => _factory.Emails!;

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static string RedirectPath(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsolutePath;
    }

    private Task<string> AccountAsync(string role, string? email = null) => TestAccounts.CreateAsync(_factory.Services, role, Password, email);

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var client = Client();
        await HtmlForms.SignInAsync(client, await AccountAsync(role), Password);
        return client;
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient admin, string email, string role = Roles.Midwife, string name = "Sam Smith, community midwife") =>
        HtmlForms.SubmitAsync(admin, "/admin/invite", "invite", ("Email", email), ("Roles", role), ("StaffName", name));

    [Fact]
    public async Task Invite_AdminInvitesAndTheLinkIsUsed_NewMidwifeSignsInWithHerOwnPasswordAndTheLinkThenFails()
    {
        var admin = await SignedInAsync(Roles.Admin);
        var email = $"new-midwife-{Guid.NewGuid():N}@example.org";

        var invited = await InviteAsync(admin, email);

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Contains($"Invitation sent to {email}.", await invited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Invited, link expires", await admin.GetStringAsync(new Uri("/admin/users", UriKind.Relative)), StringComparison.Ordinal);
        var sent = Assert.Single(Emails.Sent, m => m.To == email);
        Assert.Equal("Set up your LegCrampCare staff account", sent.Subject);
        var link = await Emails.LinkSentToAsync(email);
        Assert.Equal("/Account/AcceptInvitation", link.AbsolutePath);

        // She opens the link in her own browser and chooses a password.
        var invitee = Client();
        var page = await invitee.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Contains("Set your password to finish setting up your LegCrampCare staff account", page, StringComparison.Ordinal);
        Assert.Contains(email, page, StringComparison.Ordinal);
        var accepted = await HtmlForms.SubmitAsync(invitee, link.PathAndQuery, "accept-invitation",
            ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        Assert.Equal("/Account/InvitationAccepted", RedirectPath(accepted));

        // She signs in with it, as a midwife.
        var signedIn = Client();
        await HtmlForms.SignInAsync(signedIn, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/Account/Manage", UriKind.Relative))).StatusCode);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var midwife = (await users.FindByEmailAsync(email))!;
            Assert.Equal([Roles.Midwife], await users.GetRolesAsync(midwife));
            Assert.Equal("Sam Smith, community midwife", midwife.StaffName);
        }

        // The link works once.
        var again = await Client().GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal("/Account/InvalidInvitation", RedirectPath(again));
        Assert.Contains("Active", await admin.GetStringAsync(new Uri("/admin/users", UriKind.Relative)), StringComparison.Ordinal);

        // Neither the address nor the link's code is in the log files.
        var logs = _factory.ReadLogs();
        Assert.DoesNotContain(email, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptInvitation_PostingAUsedLinkAgain_ShowsTheExpiredPageAndKeepsTheFirstPassword()
    {
        var admin = await SignedInAsync(Roles.Admin);
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        await InviteAsync(admin, email, Roles.Editor, "Ed Itor");
        var link = await Emails.LinkSentToAsync(email);
        var first = Client();
        var page = await first.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        await HtmlForms.SubmitAsync(first, link.PathAndQuery, "accept-invitation", ("Input.Password", Password), ("Input.ConfirmPassword", Password));

        // The same form, posted again from the page she had open.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Password"] = "someone else's passphrase",
            ["Input.ConfirmPassword"] = "someone else's passphrase",
            ["_handler"] = "accept-invitation",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        var second = await first.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), form);

        Assert.Equal("/Account/InvalidInvitation", RedirectPath(second));
        var signedIn = Client();
        await HtmlForms.SignInAsync(signedIn, email, Password);
    }

    [Fact]
    public async Task AcceptInvitation_CommonOrMismatchedPassword_RefusedBesideTheFieldAndTheLinkStillWorks()
    {
        var admin = await SignedInAsync(Roles.Admin);
        var email = $"weak-{Guid.NewGuid():N}@example.org";
        await InviteAsync(admin, email);
        var link = await Emails.LinkSentToAsync(email);
        var invitee = Client();

        var common = await HtmlForms.SubmitAsync(invitee, link.PathAndQuery, "accept-invitation", ("Input.Password", "password1234"), ("Input.ConfirmPassword", "password1234"));
        var commonHtml = await common.Content.ReadAsStringAsync();
        var mismatch = await HtmlForms.SubmitAsync(invitee, link.PathAndQuery, "accept-invitation", ("Input.Password", Password), ("Input.ConfirmPassword", Password + "x"));

        Assert.Equal(HttpStatusCode.OK, common.StatusCode);
        Assert.Matches("<span id=\"password-error\" class=\"lcc-error\">Password: This password is one of the most commonly used", commonHtml);
        Assert.Contains("role=\"alert\">Your password was not saved: Password: This password", commonHtml, StringComparison.Ordinal);
        var input = System.Text.RegularExpressions.Regex.Match(commonHtml, "<input[^>]*id=\"Input.Password\"[^>]*>").Value;
        Assert.Contains("aria-describedby=\"pw-hint password-error\"", input, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", input, StringComparison.Ordinal);
        Assert.Contains("Password again: the two passwords don&#x27;t match.", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/Account/InvitationAccepted", RedirectPath(await HtmlForms.SubmitAsync(invitee, link.PathAndQuery, "accept-invitation",
            ("Input.Password", Password), ("Input.ConfirmPassword", Password))));
    }

    [Theory]
    [InlineData("/Account/AcceptInvitation")]
    [InlineData("/Account/AcceptInvitation?userId=nobody&code=abc")]
    [InlineData("/Account/AcceptInvitation?userId=nobody&code=%25%25%25")]
    [InlineData("/Account/AcceptInvitation?code=QUJD")]
    public async Task AcceptInvitation_MissingOrGarbledLink_SendsToThePlainExpiredPage(string path)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative));

        var target = await Client().GetStringAsync(new Uri(RedirectPath(response), UriKind.Relative));
        Assert.Contains("This link has expired or was already used. Ask your admin for a new invitation.", target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_EmailOfAnActiveAccount_RefusedWithTheMessageTiedToTheEmailField()
    {
        var admin = await SignedInAsync(Roles.Admin);
        var patient = await AccountAsync(Roles.Patient);

        var response = await InviteAsync(admin, patient);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<span id=\"invite-email-error\" class=\"lcc-error\">Email: there is already an account with this email address", html);
        var input = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*id=\"invite-email\"[^>]*>").Value;
        Assert.Contains("aria-describedby=\"invite-email-error\"", input, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", input, StringComparison.Ordinal);
        Assert.DoesNotContain(Emails.Sent, m => m.To == patient);
    }

    [Fact]
    public async Task Invite_NoRoleChosen_RefusedNamingRolesAndKeepsWhatWasTyped()
    {
        var admin = await SignedInAsync(Roles.Admin);
        var email = $"norole-{Guid.NewGuid():N}@example.org";

        var response = await HtmlForms.SubmitAsync(admin, "/admin/invite", "invite", ("Email", email), ("StaffName", "Sam Smith"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Roles: choose at least one", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Emails.Sent, m => m.To == email);
    }

    [Theory]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.Midwife)]
    [InlineData(Roles.Editor)]
    public async Task AdminPages_NonAdmin_NotFoundAndNoForm(string role)
    {
        var client = await SignedInAsync(role);

        foreach (var path in new[] { "/admin/invite", "/admin/users" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Invite a staff member", html, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"_handler\" value=\"invite\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"_handler\" value=\"resend\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvitePost_NonAdmin_CreatesNothingAndSendsNothing()
    {
        var client = await SignedInAsync(Roles.Editor);
        var html = await client.GetStringAsync(new Uri("/Account/Manage", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var email = $"sneaky-{Guid.NewGuid():N}@example.org";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Roles"] = Roles.Admin, ["StaffName"] = "Sneaky", ["_handler"] = "invite",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });

        var response = await client.PostAsync(new Uri("/admin/invite", UriKind.Relative), form);

        // The page shows a non-admin no form, so there is no form to post to: refused, never a server error.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Emails.Sent, m => m.To == email);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task ResendLink_FromTheUsersPage_SendsANewLinkAndTheOldOneStopsWorking()
    {
        var admin = await SignedInAsync(Roles.Admin);
        var email = $"resend-{Guid.NewGuid():N}@example.org";
        await InviteAsync(admin, email);
        var old = await Emails.LinkSentToAsync(email);
        string userId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
        }

        var response = await HtmlForms.SubmitAsync(admin, "/admin/users", "resend", ("ResendUserId", userId));

        Assert.Contains($"Invitation sent to {email}.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, Emails.Sent.Count(m => m.To == email));
        var fresh = await Emails.LinkSentToAsync(email);
        Assert.NotEqual(old, fresh);
        Assert.Equal("/Account/InvalidInvitation", RedirectPath(await Client().GetAsync(new Uri(old.PathAndQuery, UriKind.Relative))));
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync(new Uri(fresh.PathAndQuery, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task InvitePage_NoEmailServiceOutsideDevelopment_SaysInvitationsCantBeSentAndHasNoForm()
    {
        await using var factory = new TestAppFactory();
        var admin = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, CreatedAtUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Admin);
        }

        await HtmlForms.SignInAsync(admin, email, Password);
        var html = await admin.GetStringAsync(new Uri("/admin/invite", UriKind.Relative));

        Assert.Contains("This service has no email set up, so invitations can't be sent.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_handler\" value=\"invite\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_WithAnEmailService_SendsTheResetLinkByEmail()
    {
        var email = await AccountAsync(Roles.Patient);

        var response = await HtmlForms.SubmitAsync(Client(), "/Account/ForgotPassword", "forgot-password", ("Input.Email", email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = Assert.Single(Emails.Sent, m => m.To == email);
        Assert.Equal("Reset your LegCrampCare password", sent.Subject);
        Assert.Equal("/Account/ResetPassword", (await Emails.LinkSentToAsync(email)).AbsolutePath);
    }
}
