using MailKit.Security;

namespace LegCrampCare.Infrastructure.Email;

/// <summary>
/// The "Email" settings: the SMTP server account emails (staff invitations, password resets) are sent through. With no
/// <see cref="Host"/> nothing is sent: in Development the link is written to the log instead, elsewhere a warning.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The SMTP server, e.g. "smtp.example.org". Empty: no email is sent.</summary>
    public string Host { get; set; } = "";

    /// <summary>587 (submission with STARTTLS) unless the server says otherwise; 465 goes with <see cref="SecureSocketOptions.SslOnConnect"/>.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// How the connection is encrypted: StartTls (the default: refuse a server that can't encrypt), SslOnConnect (port
    /// 465), StartTlsWhenAvailable, Auto, or None (only for a relay on the same machine).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The SMTP account; empty means the server needs no sign-in (a local relay).</summary>
    public string UserName { get; set; } = "";

    /// <summary>Its password. Give it as an environment variable (Email__Password), never in a file under version control.</summary>
    public string Password { get; set; } = "";

    /// <summary>The address emails come from, e.g. "legcrampcare@maternity.example.org". Required when <see cref="Host"/> is set.</summary>
    public string FromAddress { get; set; } = "";

    /// <summary>The name people see as the sender.</summary>
    public string FromName { get; set; } = "LegCrampCare";

    /// <summary>
    /// The address people open the app at, e.g. "https://cramps.maternity.example.org/": links in emails (invitations,
    /// password resets) start with it, never with the host a request claims to be for (a forged Host header would
    /// otherwise put a reset link to another site in a real email). Required when <see cref="Host"/> is set; empty
    /// otherwise means the address the page was opened at (Development, links written to the console).
    /// </summary>
    public string LinkBaseUrl { get; set; } = "";

    /// <summary>How long to wait for the server before giving up on one email.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasHost => !string.IsNullOrWhiteSpace(Host);

    /// <summary>
    /// The absolute link to <paramref name="relativePath"/> (e.g. "Account/ResetPassword") under <see cref="LinkBaseUrl"/>;
    /// null when no usable base is configured.
    /// </summary>
    public string? LinkTo(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (LinkBase() is not { } root)
        {
            return null;
        }

        return new Uri(root, relativePath.TrimStart('/')).AbsoluteUri;
    }

    /// <summary><see cref="LinkBaseUrl"/> as an absolute http(s) address ending in "/", or null when it isn't one.</summary>
    private Uri? LinkBase()
    {
        var text = LinkBaseUrl.Trim();
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri;
    }

    /// <summary>What is wrong with these settings, each naming the setting and what is allowed; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        const string LinkBaseProblem = "Email:LinkBaseUrl must be the address people open LegCrampCare at, like https://cramps.maternity.example.org/ (http or https, no query)";
        if (!HasHost)
        {
            if (!string.IsNullOrWhiteSpace(LinkBaseUrl) && LinkBase() is null)
            {
                problems.Add(LinkBaseProblem + ".");
            }

            return problems;
        }

        if (LinkBase() is null)
        {
            problems.Add(LinkBaseProblem + ", when Email:Host is set: links in emails start with it.");
        }

        if (Port is < 1 or > 65535)
        {
            problems.Add($"Email:Port must be between 1 and 65535 (it is {Port}).");
        }

        if (!IsAddress(FromAddress))
        {
            problems.Add("Email:FromAddress must be the address emails come from, like legcrampcare@maternity.example.org (the name goes in Email:FromName), when Email:Host is set.");
        }

        if (!Enum.IsDefined(Security))
        {
            problems.Add("Email:Security must be StartTls, SslOnConnect, StartTlsWhenAvailable, Auto or None.");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Email:Timeout must be more than 0 and at most 00:05:00.");
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            problems.Add("Email:UserName and Email:Password go together: set both, or neither for a server that needs no sign-in.");
        }

        return problems;
    }

    private static bool IsAddress(string value) =>
        !string.IsNullOrWhiteSpace(value) && MimeKit.MailboxAddress.TryParse(value, out var address) &&
        string.Equals(address.Address, value, StringComparison.Ordinal) && value.Contains('@', StringComparison.Ordinal);
}

/// <summary>Stops the app at start when the "Email" settings can't work, naming each setting that is wrong.</summary>
public sealed class EmailOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<EmailOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
