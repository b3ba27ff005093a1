namespace LegCrampCare.Rules;

/// <summary>The RCOG Green-top 37a points total and the high-risk context (clinical README §2).</summary>
public static class RiskProfile
{
    /// <summary>Points for the persistent risk factors (always counted).</summary>
    private static readonly (RiskFactors Flag, int Points)[] Persistent =
    [
        (RiskFactors.Thrombophilia, 3),
        (RiskFactors.MedicalComorbidity, 3),
        (RiskFactors.FamilyHistoryVte, 1),
        (RiskFactors.AgeOver35, 1),
        (RiskFactors.Parity3Plus, 1),
        (RiskFactors.Smoker, 1),
        (RiskFactors.GrossVaricoseVeins, 1),
        (RiskFactors.PreEclampsia, 1),
        (RiskFactors.Ivf, 1),
        (RiskFactors.MultiplePregnancy, 1),
    ];

    /// <summary>Points that count only after the pregnancy ended (a birth or a loss), up to the end of the postnatal window.</summary>
    private static readonly (RiskFactors Flag, int Points)[] BirthRelated =
    [
        (RiskFactors.ProlongedLabour, 1),
        (RiskFactors.Pph, 1),
        (RiskFactors.PretermBirth, 1),
        (RiskFactors.Stillbirth, 1),
    ];

    /// <summary>Risk factors that make the high-risk context on their own (transient factors carry no points).</summary>
    public const RiskFactors HighRiskContextFactors =
        RiskFactors.PreviousVte | RiskFactors.PreviousVteSurgical | RiskFactors.Thrombophilia | RiskFactors.SurgeryRecent |
        RiskFactors.Immobility | RiskFactors.LongTravel | RiskFactors.HyperemesisOrDehydration | RiskFactors.Ohss |
        RiskFactors.SystemicInfection;

    /// <summary>A high VTE-risk profile for RO-4 (besides the points total).</summary>
    public const RiskFactors HighRiskProfileFactors = RiskFactors.PreviousVte | RiskFactors.PreviousVteSurgical | RiskFactors.Thrombophilia;

    public static int RcogPoints(in TriageInput input, TriageOptions options)
    {
        var factors = input.RiskFactors;
        var points = 0;

        // Previous VTE (4) and previous VTE provoked by major surgery (3) count once, the higher.
        if ((factors & RiskFactors.PreviousVte) != 0)
        {
            points += 4;
        }
        else if ((factors & RiskFactors.PreviousVteSurgical) != 0)
        {
            points += 3;
        }

        // BMI ≥ 40 counts 2 and replaces BMI ≥ 30.
        if ((factors & RiskFactors.Bmi40) != 0)
        {
            points += 2;
        }
        else if ((factors & RiskFactors.Bmi30) != 0)
        {
            points += 1;
        }

        foreach (var (flag, value) in Persistent)
        {
            if ((factors & flag) != 0)
            {
                points += value;
            }
        }

        if (InPostnatalWindow(input, options) || IsStageUnknown(input))
        {
            points += input.Birth switch
            {
                BirthMode.CaesareanInLabour => 2,
                BirthMode.CaesareanPlanned => 1,
                BirthMode.OperativeVaginal => 1,
                _ => 0,
            };
            foreach (var (flag, value) in BirthRelated)
            {
                if ((factors & flag) != 0)
                {
                    points += value;
                }
            }
        }

        return points;
    }

    /// <summary>"Postnatal": day 0 to day 42 (inclusive) after the pregnancy ended, after a birth or a loss.</summary>
    public static bool InPostnatalWindow(in TriageInput input, TriageOptions options) =>
        input.PostpartumDay is { } day && day >= 0 && day <= options.PostnatalHighRiskDays;

    /// <summary>"After day 42": more than 42 days after the pregnancy ended, after a birth or a loss.</summary>
    public static bool AfterPostnatalWindow(in TriageInput input, TriageOptions options) =>
        input.PostpartumDay is { } day && day > options.PostnatalHighRiskDays;

    /// <summary>
    /// Neither a gestational week nor a postpartum day (the app only: no due date, birth or end date that covers the
    /// cramp). Every stage-bound condition reads it as pregnancy and the postnatal window, never as after day 42.
    /// </summary>
    public static bool IsStageUnknown(in TriageInput input) => input.GestationalWeek is null && input.PostpartumDay is null;

    /// <summary>
    /// Any of: previous clot, thrombophilia, the postnatal window after a birth or a loss (which covers a caesarean in the
    /// last 6 weeks), an unknown stage, recent surgery, immobility, long travel, hyperemesis or dehydration, OHSS, systemic
    /// infection, or RCOG points ≥ 3. A fever is not the risk factor "systemic infection".
    /// </summary>
    public static bool IsHighRiskContext(in TriageInput input, int rcogPoints, TriageOptions options) =>
        (input.RiskFactors & HighRiskContextFactors) != 0 ||
        InPostnatalWindow(input, options) ||
        IsStageUnknown(input) ||
        rcogPoints >= options.RcogHighRiskPoints;
}
