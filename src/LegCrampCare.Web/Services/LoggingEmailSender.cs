using LegCrampCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace LegCrampCare.Web.Services;

/// <summary>
/// Until SMTP is configured (a later release), account emails are written to the log in Development: the link only,
/// never health data. Outside Development the link (a password-reset token) is not logged.
/// </summary>
public sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger, IHostEnvironment environment) : IEmailSender<ApplicationUser>
{
    /// <summary>Whether account emails reach anyone: only in Development, where the link is written to the log.</summary>
    public bool CanDeliver => environment.IsDevelopment();

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        Send(user, "email confirmation", confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        Send(user, "password reset", resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        Send(user, "password reset code", resetCode);

    private Task Send(ApplicationUser user, string kind, string link)
    {
        if (environment.IsDevelopment())
        {
            logger.LogInformation("Email ({Kind}) for user {UserId}: {Link}", kind, user.Id, System.Net.WebUtility.HtmlDecode(link));
        }
        else
        {
            logger.LogWarning("Email ({Kind}) for user {UserId} not sent: no email service is configured", kind, user.Id);
        }

        return Task.CompletedTask;
    }
}
