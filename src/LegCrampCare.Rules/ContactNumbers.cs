namespace LegCrampCare.Rules;

/// <summary>A number to call: <see cref="Tel"/> for the tel: link, <see cref="Display"/> as she reads it.</summary>
public sealed record PhoneNumber(string Tel, string Display);

/// <summary>
/// The numbers a result tells her to call: the emergency number, maternity triage (her own unit's number, else the
/// deploying unit's, else none) and the urgent advice line (NHS 111 in England) for after day 42 and as the fallback.
/// </summary>
public sealed record ContactNumbers(PhoneNumber Emergency, PhoneNumber? MaternityTriage, string UrgentLineName, PhoneNumber UrgentLine)
{
    /// <summary>The UK defaults (999, no triage number, NHS 111): for tests and the case-file tools.</summary>
    public static ContactNumbers UnitedKingdom { get; } = new(new PhoneNumber("999", "999"), null, "NHS 111", new PhoneNumber("111", "111"));

    /// <summary>The names the wording uses for the emergency number and the urgent advice line.</summary>
    public ContactWords Words => new(Emergency.Display, UrgentLineName);
}
