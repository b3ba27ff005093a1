using LegCrampCare.Rules;
namespace LegCrampCare.Core.Domain;

/// <summary>The patient's pregnancy profile, filled in at onboarding and editable later.</summary>
public sealed class PregnancyProfile
{
    public string UserId { get; set; } = "";

    /// <summary>Her name as she wants a midwife to see it.</summary>
    public string DisplayName { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }

    /// <summary>Optional hospital or NHS number, so a midwife can be sure it is the right person.</summary>
    public string? HospitalNumber { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateOnly? BirthDate { get; set; }

    public BirthMode? BirthMode { get; set; }

    /// <summary>IANA time-zone id, e.g. "Europe/London".</summary>
    public string TimeZoneId { get; set; } = "Etc/UTC";

    public RiskFactors RiskFactors { get; set; }

    /// <summary>
    /// Her maternity unit's (or triage line's) phone number, in E.164 ("+441234567890"), or null. Every result that says
    /// to call maternity triage offers it as a tap-to-call button, so a number is there at 3 a.m.
    /// </summary>
    public string? MaternityPhone { get; set; }

    /// <summary>Set when she tells us the pregnancy ended without a birth: all pregnancy wording stops.</summary>
    public DateOnly? PregnancyEndedOn { get; set; }

    /// <summary>The local date on which she last answered "not yet" to "has your baby arrived?".</summary>
    public DateOnly? BabyArrivedPromptAnsweredOn { get; set; }

    public ThemePreference Theme { get; set; }

    /// <summary>What the rules read of this profile.</summary>
    public PatientFacts Facts => new(DueDate, BirthDate, PregnancyEndedOn, BirthMode, RiskFactors);

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
