using LegCrampCare.Core.Common;

namespace LegCrampCare.Infrastructure.Identity;

/// <summary>
/// The rules for the name patients and readers see for a staff member (e.g. "Dr Jo Bloggs, consultant obstetrician"):
/// a name (<see cref="TextInput"/>'s rule for names), never the sign-in email.
/// </summary>
public static class StaffNames
{
    public const int MaxLength = 100;

    /// <summary>What is wrong with a name as typed, as the part of a message after the field's label; null when it is fine.</summary>
    public static string? Problem(string? name)
    {
        if (TextInput.Problem(name, MaxLength, TextKind.Name) is { } problem)
        {
            return problem;
        }

        return TextInput.Clean(name).Contains('@', StringComparison.Ordinal)
            ? "a name and job title as readers should see them, with no email address."
            : null;
    }
}
