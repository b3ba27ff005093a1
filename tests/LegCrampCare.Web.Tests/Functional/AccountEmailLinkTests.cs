using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Identity;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Links in account emails start with the configured address (Email:LinkBaseUrl), never with the host a request claims:
/// someone who asks for a password reset for another person's email with a forged Host header must not get a real
/// email sent to her with a reset link to their own site.
/// </summary>
public sealed class AccountEmailLinkTests : IClassFixture<AccountEmailLinkTests.Factory>
{
    private const string Password = "quiet night leg stretch";
    private const string Forged = "attacker.example";

    private readonly Factory _factory;

    public AccountEmailLinkTests(Factory factory) => _factory = factory;

    public sealed class Factory : TestAppFactory
    {
        public Factory()
        {
            Emails = new CapturingEmailTransport();
            Settings["Email:LinkBaseUrl"] = "https://cramps.maternity.example.org/legcrampcare";
        }
    }

    private HttpClient ForgedHostClient()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = Forged;
        return client;
    }

    private Task<string> AccountAsync(string role) => TestAccounts.CreateAsync(_factory.Services, role, Password);

    [Fact]
    public async Task ForgotPassword_WithAForgedHostHeader_LinkStartsWithTheConfiguredAddress()
    {
        var victim = await AccountAsync(Roles.Patient);

        await HtmlForms.SubmitAsync(ForgedHostClient(), "/Account/ForgotPassword", "forgot-password", ("Input.Email", victim));

        var link = await _factory.Emails!.LinkSentToAsync(victim);
        Assert.Equal(("https", "cramps.maternity.example.org", "/legcrampcare/Account/ResetPassword"), (link.Scheme, link.Host, link.AbsolutePath));
        Assert.DoesNotContain(Forged, _factory.Emails.Sent.Single(m => m.To == victim).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_WithAForgedHostHeader_LinkStartsWithTheConfiguredAddress()
    {
        var admin = ForgedHostClient();
        await HtmlForms.SignInAsync(admin, await AccountAsync(Roles.Admin), Password);
        var invited = $"new-{Guid.NewGuid():N}@nhs.example";

        await HtmlForms.SubmitAsync(admin, "/admin/invite", "invite", ("Email", invited), ("Roles", Roles.Midwife), ("StaffName", "Sam Smith, community midwife"));

        var link = await _factory.Emails!.LinkSentToAsync(invited);
        Assert.Equal(("https", "cramps.maternity.example.org", "/legcrampcare/Account/AcceptInvitation"), (link.Scheme, link.Host, link.AbsolutePath));
    }
}
