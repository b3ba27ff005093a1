using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using LegCrampCare.Infrastructure.Identity;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Infrastructure.Email;

/// <summary>What happened to one account email.</summary>
public enum EmailOutcome
{
    /// <summary>Handed to the SMTP server.</summary>
    Sent,

    /// <summary>Development without an SMTP host: the link was written to the log.</summary>
    Logged,

    /// <summary>No SMTP host outside Development: nothing reached anyone.</summary>
    NotSent,

    /// <summary>The SMTP server could not be reached or refused the email.</summary>
    Failed,
}

/// <summary>Why an account was locked, which decides what the email tells her.</summary>
public enum AccountLockReason
{
    /// <summary>Many wrong passwords, from several places.</summary>
    WrongPasswords,

    /// <summary>Her password was typed right, then wrong codes from her authenticator app.</summary>
    WrongTwoStepCodes,
}

/// <summary>The account emails the app's own features send, beyond Identity's <see cref="IEmailSender{TUser}"/>.</summary>
public interface IAccountEmailSender
{
    /// <summary>
    /// Whether an account email reaches anyone: an SMTP host is configured, or this is Development, where the link is
    /// written to the log.
    /// </summary>
    bool CanDeliver { get; }

    /// <summary>The one-time link that lets an invited staff member choose their password.</summary>
    Task<EmailOutcome> SendStaffInvitationAsync(ApplicationUser user, string email, string link, DateTime expiresAtUtc, CancellationToken ct);

    /// <summary>
    /// A notice, without a link, that two-step sign-in on her account changed (<paramref name="change"/>, e.g. "was turned
    /// on"), so that if it wasn't her she can tell her administrator at once.
    /// </summary>
    Task<EmailOutcome> SendTwoFactorChangedAsync(ApplicationUser user, string email, string change, DateTime atUtc, CancellationToken ct);

    /// <summary>
    /// Tells her that her account was locked (after many wrong passwords from several places, or after wrong two-step
    /// codes, which means someone had her password), until when, and gives her a password-reset link, which lets her in
    /// at once and unlocks it.
    /// </summary>
    Task<EmailOutcome> SendAccountLockedAsync(ApplicationUser user, string email, string resetLink, DateTime lockedUntilUtc, AccountLockReason reason, CancellationToken ct);
}

/// <summary>
/// Writes account emails in plain words (plain text plus the same as simple HTML) and sends them through the
/// <see cref="IEmailTransport"/>. In Development the link is also written to the log (with the user id, never the
/// address or any health data), so a developer needs no mail server. Outside Development without an SMTP host nothing
/// is sent and only a warning without the link is logged: a link is as good as a password for a while.
/// A failed send is logged (user id and the kind of failure only) and reported, never thrown.
/// </summary>
public sealed class AccountEmailSender(
    IEmailTransport transport,
    IHostEnvironment environment,
    IOptions<DataProtectionTokenProviderOptions> resetTokens,
    ILogger<AccountEmailSender> logger) : IEmailSender<ApplicationUser>, IAccountEmailSender
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public bool CanDeliver => transport.IsConfigured || environment.IsDevelopment();

    public Task<EmailOutcome> SendStaffInvitationAsync(ApplicationUser user, string email, string link, DateTime expiresAtUtc, CancellationToken ct)
    {
        var until = expiresAtUtc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", British);
        var message = Compose(email, "Set up your LegCrampCare staff account", link,
            "Hello,",
            "An administrator has made a LegCrampCare staff account for you. To finish setting it up, open this link and choose your password:",
            null,
            $"The link works once, until {until}. If it has expired or was already used, ask your administrator for a new invitation.",
            "If you weren't expecting this email, you can ignore it. Nobody can use the account without the password you choose.");
        return SendAsync(user, "staff invitation", link, message, ct);
    }

    public Task<EmailOutcome> SendTwoFactorChangedAsync(ApplicationUser user, string email, string change, DateTime atUtc, CancellationToken ct)
    {
        var when = atUtc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", British);
        var message = Compose(email, "Two-step sign-in on your LegCrampCare account changed", "",
            "Hello,",
            $"Two-step sign-in on the LegCrampCare account for this email address {change} on {when}.",
            "If that was you, there is nothing to do.",
            "If it wasn't you, someone may know your password: tell your LegCrampCare administrator straight away, so they can reset it and check the account.");
        return SendAsync(user, "two-step sign-in changed", "", message, ct);
    }

    public Task<EmailOutcome> SendAccountLockedAsync(ApplicationUser user, string email, string resetLink, DateTime lockedUntilUtc, AccountLockReason reason, CancellationToken ct)
    {
        var until = lockedUntilUtc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", British);
        var what = reason == AccountLockReason.WrongTwoStepCodes
            ? "Someone typed the right password for the LegCrampCare account for this email address, then wrong codes from its authenticator app several times. " +
              $"They did not get in. To keep your log safe, the account is locked until {until}. If that wasn't you, someone knows your password: change it now."
            : "Someone tried many times, from several places, to sign in to the LegCrampCare account for this email address with the wrong password. " +
              $"None of these tries got in. To keep your log safe, the account is locked until {until}.";
        var message = Compose(email, "Your LegCrampCare account is locked for now", resetLink,
            "Hello,",
            what,
            "You can still get in now: choose a new password with this link. That also unlocks the account.",
            null,
            $"The link works once, for {Hours(resetTokens.Value.TokenLifespan)}. If it wasn't you trying, a new password that you use nowhere else keeps your account safe.");
        return SendAsync(user, "account locked", resetLink, message, ct);
    }

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
    {
        var link = WebUtility.HtmlDecode(resetLink);
        var message = Compose(email, "Reset your LegCrampCare password", link,
            "Hello,",
            "Someone asked to reset the password of the LegCrampCare account for this email address. To choose a new password, open this link:",
            null,
            $"The link works once, for {Hours(resetTokens.Value.TokenLifespan)}.",
            "If you didn't ask for this, you can ignore this email. Your password stays the same.");
        return SendAsync(user, "password reset", link, message, CancellationToken.None);
    }

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
    {
        var link = WebUtility.HtmlDecode(confirmationLink);
        var message = Compose(email, "Confirm your email address for LegCrampCare", link,
            "Hello,",
            "To confirm that this is your email address for LegCrampCare, open this link:",
            null,
            "If you didn't sign up for LegCrampCare, you can ignore this email.");
        return SendAsync(user, "email confirmation", link, message, CancellationToken.None);
    }

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode)
    {
        var code = WebUtility.HtmlDecode(resetCode);
        var message = Compose(email, "Your LegCrampCare password reset code", code,
            "Hello,",
            "Someone asked to reset the password of the LegCrampCare account for this email address. Your reset code is:",
            null,
            "If you didn't ask for this, you can ignore this email. Your password stays the same.");
        return SendAsync(user, "password reset code", code, message, CancellationToken.None);
    }

    private async Task<EmailOutcome> SendAsync(ApplicationUser user, string kind, string link, EmailMessage message, CancellationToken ct)
    {
        var development = environment.IsDevelopment();
        if (development)
        {
            logger.LogInformation("Email ({Kind}) for user {UserId}: {Link}", kind, user.Id, link);
        }

        if (!transport.IsConfigured)
        {
            if (!development)
            {
                logger.LogWarning("Email ({Kind}) for user {UserId} not sent: no email service is configured", kind, user.Id);
                return EmailOutcome.NotSent;
            }

            return EmailOutcome.Logged;
        }

        try
        {
            await transport.SendAsync(message, ct);
            logger.LogInformation("Email ({Kind}) for user {UserId} sent", kind, user.Id);
            return EmailOutcome.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The exception's message can repeat the recipient's address (a server's "550 <name@…> unknown"): log the
            // kind of failure and the server's status code only.
            logger.LogWarning("Email ({Kind}) for user {UserId} could not be sent: {Failure}", kind, user.Id, Describe(ex));
            return EmailOutcome.Failed;
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"the mail server refused it ({(int)command.StatusCode} {command.ErrorCode})",
        SmtpProtocolException => "the mail server answered something unexpected",
        MailKit.Security.AuthenticationException => "the mail server did not accept the Email:UserName and Email:Password",
        MailKit.Security.SslHandshakeException => "the secure connection to the mail server failed (check Email:Security and Email:Port)",
        TimeoutException or OperationCanceledException => "the mail server did not answer in time",
        ServiceNotConnectedException or System.Net.Sockets.SocketException or IOException => "the mail server could not be reached",
        _ => ex.GetType().Name,
    };

    private static string Hours(TimeSpan span) =>
        span.TotalHours is var hours && hours == Math.Floor(hours)
            ? hours == 1 ? "1 hour" : $"{hours:0} hours"
            : $"{span.TotalMinutes:0} minutes";

    /// <summary>Paragraphs in order; the null one is where the link goes, on a line of its own.</summary>
    private static EmailMessage Compose(string to, string subject, string link, params string?[] paragraphs)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><body style=\"font-family:sans-serif;font-size:16px;line-height:1.5\">");
        foreach (var paragraph in paragraphs.Append("LegCrampCare"))
        {
            if (paragraph is null)
            {
                text.Append(link).Append("\n\n");
                var encoded = HtmlEncoder.Default.Encode(link);
                html.Append("<p><a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a></p>");
            }
            else
            {
                text.Append(paragraph).Append("\n\n");
                html.Append("<p>").Append(HtmlEncoder.Default.Encode(paragraph)).Append("</p>");
            }
        }

        html.Append("</body></html>");
        return new EmailMessage(to, subject, text.ToString().TrimEnd() + "\n", html.ToString());
    }
}
