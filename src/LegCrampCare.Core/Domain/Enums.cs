namespace LegCrampCare.Core.Domain;

/// <summary>Where in the leg; several may apply.</summary>
[Flags]
public enum CrampLocations
{
    None = 0,
    Calf = 1,
    Foot = 2,
    Thigh = 4,
}

/// <summary>What she tried that helped; several may apply.</summary>
[Flags]
public enum ReliefMethods
{
    None = 0,
    Stretching = 1,
    Massage = 2,
    Walking = 4,
    Warmth = 8,
    Nothing = 16,
}

/// <summary>The palette the user chose; Auto follows her local time (night 21:00–07:00).</summary>
public enum ThemePreference
{
    Auto = 0,
    Day = 1,
    Night = 2,
}
