using LegCrampCare.Infrastructure.Email;
using LegCrampCare.Infrastructure.Identity;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Infrastructure.Tests.Email;

/// <summary>
/// Account emails: over SMTP to a fake server on 127.0.0.1 (recipient, subject, link), and the log fallback when no
/// SMTP host is configured (the link and nothing else in Development; nothing but a warning elsewhere).
/// </summary>
public sealed class AccountEmailSenderTests
{
    private const string Link = "https://care.example.org/Account/AcceptInvitation?userId=u-1&code=Q29kZQ";
    private static readonly DateTime Expires = new(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc);

    private readonly ApplicationUser _user = new() { Id = "u-1", UserName = "jo@example.org", Email = "jo@example.org" };
    private readonly ListLogger<AccountEmailSender> _log = new();

    private AccountEmailSender Sender(EmailOptions options, string environment = "Production") => new(
        new SmtpEmailTransport(Options.Create(options)),
        new HostingEnvironment { EnvironmentName = environment },
        Options.Create(new DataProtectionTokenProviderOptions()),
        _log);

    private static EmailOptions Smtp(FakeSmtpServer server, string? userName = null, string? password = null) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = SecureSocketOptions.None,
        UserName = userName ?? "",
        Password = password ?? "",
        FromAddress = "legcrampcare@maternity.example.org",
        FromName = "LegCrampCare",
        Timeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task SendStaffInvitation_SmtpConfigured_ServerReceivesItForTheRecipientWithSubjectAndLink()
    {
        await using var server = new FakeSmtpServer(login: ("relay-user", "relay secret"));

        var outcome = await Sender(Smtp(server, "relay-user", "relay secret")).SendStaffInvitationAsync(_user, "jo@example.org", Link, Expires, CancellationToken.None);

        Assert.Equal(EmailOutcome.Sent, outcome);
        var email = Assert.Single(server.Received);
        Assert.Equal("relay-user", email.SignedInAs);
        Assert.Equal(["jo@example.org"], email.EnvelopeTo);
        Assert.Equal("legcrampcare@maternity.example.org", email.EnvelopeFrom);
        Assert.Equal("jo@example.org", Assert.Single(email.Message.To.Mailboxes).Address);
        Assert.Equal("Set up your LegCrampCare staff account", email.Message.Subject);
        Assert.Contains(Link, email.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("until 5 March 2026 at 09:00 UTC", email.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Link.Replace("&", "&amp;", StringComparison.Ordinal)}\"", email.Message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries, e => e.Message.Contains(Link, StringComparison.Ordinal) || e.Message.Contains("jo@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendPasswordResetLink_SmtpConfigured_SendsThePlainLinkNotItsHtmlEncoding()
    {
        await using var server = new FakeSmtpServer();
        const string link = "https://care.example.org/Account/ResetPassword?code=abc&x=1";

        await Sender(Smtp(server)).SendPasswordResetLinkAsync(_user, "jo@example.org", System.Text.Encodings.Web.HtmlEncoder.Default.Encode(link));

        var email = Assert.Single(server.Received);
        Assert.Equal("Reset your LegCrampCare password", email.Message.Subject);
        Assert.Contains(link, email.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("for 24 hours", email.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendStaffInvitation_ServerRefusesTheRecipient_FailedAndLoggedWithoutTheAddress()
    {
        await using var server = new FakeSmtpServer(refuseRecipientsWith: "550 5.1.1 <jo@example.org>: Recipient address rejected");

        var outcome = await Sender(Smtp(server)).SendStaffInvitationAsync(_user, "jo@example.org", Link, Expires, CancellationToken.None);

        Assert.Equal(EmailOutcome.Failed, outcome);
        var entry = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("user u-1 could not be sent: the mail server refused it (550", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jo@example.org", entry.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendStaffInvitation_ServerUnreachable_FailedWithoutThrowing()
    {
        var closedPort = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closedPort.Start();
        var port = ((System.Net.IPEndPoint)closedPort.LocalEndpoint).Port;
        closedPort.Stop();
        var options = new EmailOptions { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, FromAddress = "lcc@example.org", Timeout = TimeSpan.FromSeconds(5) };

        var outcome = await Sender(options).SendStaffInvitationAsync(_user, "jo@example.org", Link, Expires, CancellationToken.None);

        Assert.Equal(EmailOutcome.Failed, outcome);
        Assert.Contains(_log.Entries, e => e.Message.Contains("could not be sent: the mail server could not be reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendStaffInvitation_DevelopmentWithoutHost_WritesTheLinkAndNothingElseToTheLog()
    {
        var sender = Sender(new EmailOptions(), Environments.Development);

        var outcome = await sender.SendStaffInvitationAsync(_user, "jo@example.org", Link, Expires, CancellationToken.None);

        Assert.True(sender.CanDeliver);
        Assert.Equal(EmailOutcome.Logged, outcome);
        var entry = Assert.Single(_log.Entries);
        Assert.Equal((LogLevel.Information, $"Email (staff invitation) for user u-1: {Link}"), entry);
    }

    [Fact]
    public async Task SendPasswordResetLink_DevelopmentWithoutHost_LogsTheDecodedLink()
    {
        await Sender(new EmailOptions(), Environments.Development)
            .SendPasswordResetLinkAsync(_user, "jo@example.org", "https://care.example.org/Account/ResetPassword?code=abc&amp;x=1");

        Assert.Equal("Email (password reset) for user u-1: https://care.example.org/Account/ResetPassword?code=abc&x=1", Assert.Single(_log.Entries).Message);
    }

    [Fact]
    public async Task SendStaffInvitation_NoHostOutsideDevelopment_NotSentAndOnlyAWarningWithoutTheLink()
    {
        var sender = Sender(new EmailOptions());

        var outcome = await sender.SendStaffInvitationAsync(_user, "jo@example.org", Link, Expires, CancellationToken.None);

        Assert.False(sender.CanDeliver);
        Assert.Equal(EmailOutcome.NotSent, outcome);
        Assert.Equal((LogLevel.Warning, "Email (staff invitation) for user u-1 not sent: no email service is configured"), Assert.Single(_log.Entries));
    }

    [Theory]
    [InlineData("https://cramps.example.org", "Account/ResetPassword", "https://cramps.example.org/Account/ResetPassword")]
    [InlineData("https://cramps.example.org/", "/Account/ResetPassword", "https://cramps.example.org/Account/ResetPassword")]
    [InlineData(" https://example.org/lcc ", "Account/AcceptInvitation", "https://example.org/lcc/Account/AcceptInvitation")]
    [InlineData("http://localhost:5080/", "Account/ResetPassword", "http://localhost:5080/Account/ResetPassword")]
    public void LinkTo_ConfiguredAddress_LinkUnderIt(string linkBase, string path, string expected) =>
        Assert.Equal(expected, new EmailOptions { LinkBaseUrl = linkBase }.LinkTo(path));

    [Theory]
    [InlineData("")]
    [InlineData("cramps.example.org")]
    [InlineData("ftp://cramps.example.org/")]
    [InlineData("https://cramps.example.org/?next=evil")]
    [InlineData("https://user:secret@cramps.example.org/")]
    public void LinkTo_NoUsableAddress_Null(string linkBase) => Assert.Null(new EmailOptions { LinkBaseUrl = linkBase }.LinkTo("Account/ResetPassword"));

    [Theory]
    [InlineData("")]
    [InlineData("cramps.example.org")]
    public void Problems_HostWithoutALinkAddress_NamesEmailLinkBaseUrl(string linkBase)
    {
        var options = new EmailOptions { Host = "smtp.example.org", FromAddress = "lcc@example.org", LinkBaseUrl = linkBase };

        Assert.Contains(options.Problems(), p => p.StartsWith("Email:LinkBaseUrl must be the address people open LegCrampCare at", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_NoHostButAnUnusableLinkAddress_NamesIt() =>
        Assert.Contains(new EmailOptions { LinkBaseUrl = "not a url" }.Problems(), p => p.StartsWith("Email:LinkBaseUrl", StringComparison.Ordinal));

    [Theory]
    [InlineData("", 587, "", "", "Email:FromAddress")]
    [InlineData("not an address", 587, "", "", "Email:FromAddress")]
    [InlineData("LegCrampCare <lcc@example.org>", 587, "", "", "Email:FromAddress")]
    [InlineData("lcc@example.org", 0, "", "", "Email:Port")]
    [InlineData("lcc@example.org", 587, "user", "", "Email:UserName and Email:Password go together")]
    public void Problems_HostWithUnusableSettings_NameTheSetting(string from, int port, string userName, string password, string expected)
    {
        var options = new EmailOptions { Host = "smtp.example.org", FromAddress = from, Port = port, UserName = userName, Password = password, LinkBaseUrl = "https://cramps.example.org/" };

        Assert.Contains(options.Problems(), p => p.StartsWith(expected, StringComparison.Ordinal));
        Assert.True(new EmailOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Problems_NoHostOrACompleteSetUp_None()
    {
        Assert.Empty(new EmailOptions().Problems());
        Assert.Empty(new EmailOptions { Host = "smtp.example.org", FromAddress = "lcc@example.org", UserName = "u", Password = "p", LinkBaseUrl = "https://cramps.example.org/" }.Problems());
    }
}
