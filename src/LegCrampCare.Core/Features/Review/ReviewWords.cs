using System.Globalization;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Features.Review;

/// <summary>
/// Plain words for what a midwife reads about a patient, shared by her pages and the exported reports, so the screen
/// and the paper say the same thing.
/// </summary>
public static class ReviewWords
{
    /// <summary>How the LEFt score must be read (clinical README §4).</summary>
    public const string LeftScoreCaveat = "derived in suspected DVT; 0 does not exclude DVT";

    /// <summary>"Left leg", "Right leg", "Both legs".</summary>
    public static string Leg(Side side) => side switch
    {
        Side.Left => "Left leg",
        Side.Right => "Right leg",
        _ => "Both legs",
    };

    /// <summary>"calf, foot"; empty when she did not say.</summary>
    public static string Locations(CrampLocations locations) => Join(
        (locations.HasFlag(CrampLocations.Calf), "calf"),
        (locations.HasFlag(CrampLocations.Foot), "foot"),
        (locations.HasFlag(CrampLocations.Thigh), "thigh"));

    /// <summary>"stretching, walking", "nothing helped"; empty when she did not say.</summary>
    public static string HelpedBy(ReliefMethods helpedBy) => Join(
        (helpedBy.HasFlag(ReliefMethods.Stretching), "stretching"),
        (helpedBy.HasFlag(ReliefMethods.Massage), "massage"),
        (helpedBy.HasFlag(ReliefMethods.Walking), "walking"),
        (helpedBy.HasFlag(ReliefMethods.Warmth), "warmth"),
        (helpedBy.HasFlag(ReliefMethods.Nothing), "nothing helped"));

    /// <summary>One fired rule with its id and the inputs behind it: "UR-2: calves 2 cm or more apart (Difference between the calves: 3 cm)".</summary>
    public static string Reason(FiredRuleExplanation rule) =>
        rule.Inputs.Count == 0
            ? $"{rule.Code}: {rule.Sign}"
            : $"{rule.Code}: {rule.Sign} ({string.Join("; ", rule.Inputs.Select(i => $"{i.Label}: {i.Value}"))})";

    /// <summary>"LEFt score 2 of 3 (derived in suspected DVT; 0 does not exclude DVT)"; "LEFt score not available" after birth or without a calf measurement.</summary>
    public static string LeftScore(int? score) =>
        score is { } s ? $"LEFt score {s} of 3 ({LeftScoreCaveat})" : "LEFt score not available (only in pregnancy, with the calves measured)";

    /// <summary>The RCOG Green-top 37a point total and what it implies antenatally.</summary>
    public static string RcogPoints(int points) => points switch
    {
        >= 4 => $"RCOG risk points: {points} (4 or more: consider clot prevention throughout pregnancy)",
        3 => "RCOG risk points: 3 (3: consider clot prevention from 28 weeks)",
        _ => $"RCOG risk points: {points.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>A recorded risk factor, for a clinician.</summary>
    public static string RiskFactor(RiskFactors factor) => factor switch
    {
        RiskFactors.PreviousVte => "Previous VTE (unprovoked)",
        RiskFactors.PreviousVteSurgical => "Previous VTE after major surgery",
        RiskFactors.Thrombophilia => "Known thrombophilia",
        RiskFactors.MedicalComorbidity => "Serious medical comorbidity",
        RiskFactors.FamilyHistoryVte => "Family history of unprovoked VTE",
        RiskFactors.AgeOver35 => "Age over 35",
        RiskFactors.Bmi30 => "BMI 30 or more at booking",
        RiskFactors.Bmi40 => "BMI 40 or more at booking",
        RiskFactors.Parity3Plus => "Parity 3 or more",
        RiskFactors.Smoker => "Smoker",
        RiskFactors.GrossVaricoseVeins => "Gross varicose veins",
        RiskFactors.PreEclampsia => "Current pre-eclampsia",
        RiskFactors.Ivf => "IVF or assisted conception",
        RiskFactors.MultiplePregnancy => "Multiple pregnancy",
        RiskFactors.LongTravel => "Travel over 4 hours in the last 4 weeks",
        RiskFactors.HyperemesisOrDehydration => "Hyperemesis or dehydration",
        RiskFactors.Immobility => "Immobile 3 days or more",
        RiskFactors.SystemicInfection => "Current systemic infection",
        RiskFactors.SurgeryRecent => "Surgery in the last 6 weeks",
        RiskFactors.Ohss => "Ovarian hyperstimulation syndrome",
        RiskFactors.ProlongedLabour => "Labour over 24 hours",
        RiskFactors.Pph => "Postpartum haemorrhage over 1 litre",
        RiskFactors.PretermBirth => "Preterm birth",
        RiskFactors.Stillbirth => "Stillbirth",
        _ => RiskFactorCatalog.Get(factor).Code,
    };

    /// <summary>Every recorded risk factor, in the catalogue's order.</summary>
    public static IReadOnlyList<string> RiskFactorList(RiskFactors set) => RiskFactorCatalog.In(set).Select(r => RiskFactor(r.Flag)).ToList();

    private static string Join(params (bool On, string Word)[] parts) => string.Join(", ", parts.Where(p => p.On).Select(p => p.Word));
}
