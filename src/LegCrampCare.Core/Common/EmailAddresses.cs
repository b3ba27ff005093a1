namespace LegCrampCare.Core.Common;

/// <summary>
/// The one rule for an email address, wherever one is entered (registration, staff invitations, sharing by email, the
/// command that creates an admin); Identity's allowed user-name characters match it. An address is a dot-atom local
/// part of at most 64 characters, an "@", and a domain name of letters, digits and hyphens with dots between (each label
/// 1–63 characters, a top-level label that is not all digits), at most 254 characters in all (RFC 5321 §4.5.3.1).
/// Only ASCII is accepted: letters from other alphabets can't be told apart from Latin ones at a glance ("аnna" with a
/// Cyrillic "а"), and an address with accents in its domain can be typed in its xn-- form.
/// </summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;
    public const int MaxLabelLength = 63;

    /// <summary>What every email message ends with: the shape that is allowed.</summary>
    public const string Example = "like name@example.org";

    /// <summary>Trimmed (nothing else: an address is never rewritten).</summary>
    public static string Clean(string? value) => value?.Trim() ?? "";

    /// <summary>
    /// What is wrong with the address, as the part of a message after the field's label ("Email: …"); null when it can be
    /// used. Empty is a problem too: every email field is required where it is asked.
    /// </summary>
    public static string? Problem(string? value)
    {
        var address = Clean(value);
        if (address.Length == 0)
        {
            return $"enter an email address, {Example}.";
        }

        if (address.Length > MaxLength)
        {
            return $"at most {MaxLength} characters (this has {address.Length:N0}).";
        }

        if (address.Any(c => c > '\u007E' || c < '\u0021'))
        {
            return address.Any(char.IsWhiteSpace) || address.Any(char.IsControl)
                ? $"an email address has no spaces or hidden characters; enter one {Example}."
                : "use only the plain letters a–z, digits and the signs . _ - + (letters from other alphabets, even ones that look " +
                  "like a–z, can't be used). A domain with accents can be typed in its xn-- form.";
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return $"enter a whole email address with one @, {Example}.";
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length > MaxLocalPartLength)
        {
            return $"the part before the @ can be at most {MaxLocalPartLength} characters (this has {local.Length:N0}).";
        }

        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal) || !local.All(IsLocalPartCharacter))
        {
            return $"the part before the @ can have letters, digits and the signs . _ - + (no dot at the start or end, no two dots together), {Example}.";
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > MaxLabelLength || l.StartsWith('-') || l.EndsWith('-') || !l.All(IsLabelCharacter)) ||
            labels[^1].All(char.IsAsciiDigit))
        {
            return $"the part after the @ must be a domain name such as example.org: letters, digits and hyphens, with dots between.";
        }

        return null;
    }

    /// <summary>RFC 5322 "atext" (letters, digits and !#$%&amp;'*+-/=?^_`{|}~) and the dot.</summary>
    private static bool IsLocalPartCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal);

    private static bool IsLabelCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';
}
