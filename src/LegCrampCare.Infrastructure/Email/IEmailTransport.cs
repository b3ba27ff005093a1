namespace LegCrampCare.Infrastructure.Email;

/// <summary>One email, as plain text and optionally as simple HTML.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Hands an email to whatever delivers it: the SMTP server in production, a capturing sink in tests.</summary>
public interface IEmailTransport
{
    /// <summary>True when messages leave the app (an SMTP host is configured).</summary>
    bool IsConfigured { get; }

    /// <summary>Sends the message, or throws when it could not be handed over.</summary>
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
