using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LegCrampCare.Infrastructure.Email;

namespace LegCrampCare.Tests.Shared;

/// <summary>
/// Stands in for the SMTP server in test hosts: keeps every email the app sends, so tests can read the links in them.
/// Counts as configured, so the app behaves as it does with a mail server.
/// </summary>
public sealed partial class CapturingEmailTransport : IEmailTransport
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public bool IsConfigured => true;

    public IReadOnlyList<EmailMessage> Sent => [.. _sent];

    public Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    /// <summary>The first link in the newest email to <paramref name="to"/>; waits a little for it to arrive.</summary>
    public async Task<Uri> LinkSentToAsync(string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = _sent.LastOrDefault(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase));
            if (message is not null)
            {
                return new Uri(LinkPattern().Match(message.TextBody).Value);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No email was sent to {to}.");
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
