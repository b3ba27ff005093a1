namespace LegCrampCare.Infrastructure.Identity;

/// <summary>
/// The rules for the name patients and readers see for a staff member (e.g. "Dr Jo Bloggs, consultant obstetrician"):
/// never the sign-in email.
/// </summary>
public static class StaffNames
{
    public const int MaxLength = 100;

    /// <summary>What is wrong with an already trimmed name, as the part of a message after the field's label; null when it is fine.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxLength)
        {
            return $"at most {MaxLength} characters.";
        }

        if (name.Any(char.IsControl) || name.Contains('@', StringComparison.Ordinal))
        {
            return "a name and job title as readers should see them, with no email address or special characters.";
        }

        return null;
    }
}
