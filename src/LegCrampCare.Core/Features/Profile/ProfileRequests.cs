using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Profile;

/// <summary>The onboarding and profile form. Mutable so that a form can bind to it.</summary>
public sealed record SaveProfileRequest
{
    public string DisplayName { get; set; } = "";

    public DateOnly? DateOfBirth { get; set; }

    public string? HospitalNumber { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>Set once the baby is born.</summary>
    public DateOnly? BirthDate { get; set; }

    public BirthMode? BirthMode { get; set; }

    public string TimeZoneId { get; set; } = "";

    public RiskFactors RiskFactors { get; set; }

    /// <summary>Her maternity unit's or triage line's phone number, as she types it (optional); stored in E.164.</summary>
    public string? MaternityPhone { get; set; }

    public ThemePreference Theme { get; set; }
}

public sealed record RecordBirthRequest
{
    public DateOnly? BirthDate { get; set; }

    public BirthMode? BirthMode { get; set; }
}

/// <summary>Her profile as the app shows it, with what is derived from it for today.</summary>
public sealed record ProfileDto(
    SaveProfileRequest Values,
    string StageLabel,
    bool IsPregnant,
    bool IsPostpartum,
    bool PregnancyEnded,
    bool AskIfBabyArrived,
    DateOnly LocalToday)
{
    /// <summary>What the rules read of her profile (the offline quick log keeps it, ADR 0021).</summary>
    public Rules.PatientFacts? Facts { get; init; }

    /// <summary>Her stage today, for words not tied to one result (W1: who to call).</summary>
    public Rules.WordingContext WordingToday { get; init; }

    /// <summary>The numbers to call: her own maternity unit's when she gave one, else the deploying unit's.</summary>
    public Rules.ContactNumbers Contacts { get; init; } = Rules.ContactNumbers.UnitedKingdom;
}
