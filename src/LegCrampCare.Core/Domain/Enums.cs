namespace LegCrampCare.Core.Domain;

/// <summary>Which leg the cramp was in.</summary>
public enum Side
{
    Left = 1,
    Right = 2,
    Both = 3,
}

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

/// <summary>Swelling, as answered. <see cref="NotAnswered"/> is never read as "no swelling".</summary>
public enum Swelling
{
    NotAnswered = 0,
    None = 1,
    OneLeg = 2,
    WholeLeg = 3,
    BothAnklesGradual = 4,

    /// <summary>
    /// "Is one leg swollen?" answered no on the quick screen: no one-sided swelling, but gradual swelling of both
    /// ankles was not asked, so it is not recorded as <see cref="None"/>.
    /// </summary>
    NotOneLeg = 5,
}

public enum BirthMode
{
    Vaginal = 1,
    OperativeVaginal = 2,
    CaesareanPlanned = 3,
    CaesareanInLabour = 4,
}

/// <summary>The palette the user chose; Auto follows her local time (night 21:00–07:00).</summary>
public enum ThemePreference
{
    Auto = 0,
    Day = 1,
    Night = 2,
}
