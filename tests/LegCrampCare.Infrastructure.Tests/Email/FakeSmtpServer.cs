using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace LegCrampCare.Infrastructure.Tests.Email;

/// <summary>One email as the fake server received it: the envelope, who signed in, and the parsed message.</summary>
public sealed record ReceivedEmail(string? SignedInAs, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

/// <summary>
/// A minimal SMTP server on 127.0.0.1 and a free port, enough for MailKit: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT.
/// No encryption (clients connect with SecureSocketOptions.None). It can refuse recipients to test failures.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedEmail> _received = new();
    private readonly Task _accepting;

    public FakeSmtpServer((string UserName, string Password)? login = null, string? refuseRecipientsWith = null)
    {
        Login = login;
        RefuseRecipientsWith = refuseRecipientsWith;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>When set, the server requires this sign-in before MAIL FROM.</summary>
    public (string UserName, string Password)? Login { get; }

    /// <summary>When set, every RCPT TO gets this reply (e.g. "550 5.1.1 &lt;x@example.org&gt;: no such user").</summary>
    public string? RefuseRecipientsWith { get; }

    public IReadOnlyList<ReceivedEmail> Received => [.. _received];

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 fake.smtp.test ESMTP ready");

                string? signedInAs = null;
                string? from = null;
                var to = new List<string>();
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-fake.smtp.test");
                            await writer.WriteLineAsync(Login is null ? "250 8BITMIME" : "250-8BITMIME");
                            if (Login is not null)
                            {
                                await writer.WriteLineAsync("250 AUTH PLAIN");
                            }

                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 fake.smtp.test");
                            break;
                        case "AUTH":
                            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                            var response = parts.Length > 2 ? parts[2] : null;
                            if (response is null)
                            {
                                await writer.WriteLineAsync("334 ");
                                response = await reader.ReadLineAsync(_stop.Token);
                            }

                            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response ?? "")).Split('\0');
                            if (Login is { } login && fields.Length == 3 && fields[1] == login.UserName && fields[2] == login.Password)
                            {
                                signedInAs = fields[1];
                                await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                            }
                            else
                            {
                                await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
                            }

                            break;
                        case "MAIL":
                            if (Login is not null && signedInAs is null)
                            {
                                await writer.WriteLineAsync("530 5.7.0 Authentication required");
                                break;
                            }

                            from = Address(line);
                            to.Clear();
                            await writer.WriteLineAsync("250 2.1.0 OK");
                            break;
                        case "RCPT":
                            if (RefuseRecipientsWith is not null)
                            {
                                await writer.WriteLineAsync(RefuseRecipientsWith);
                                break;
                            }

                            to.Add(Address(line));
                            await writer.WriteLineAsync("250 2.1.5 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            using (var raw = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                            {
                                _received.Enqueue(new ReceivedEmail(signedInAs, from ?? "", [.. to], await MimeMessage.LoadAsync(raw)));
                            }

                            await writer.WriteLineAsync("250 2.0.0 OK queued");
                            break;
                        case "RSET":
                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _listener.Dispose();
        _stop.Dispose();
    }
}
