namespace LegCrampCare.Rules;

/// <summary>Which leg the cramp was in.</summary>
public enum Side
{
    Left = 1,
    Right = 2,
    Both = 3,
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
