namespace LegCrampCare.Rules;

/// <summary>
/// Where she is, for the words she reads (clinical README §8, W12): every patient-facing sentence has a variant for each.
/// Derived from the engine's input, so a result is worded for the stage it was assessed at.
/// </summary>
public enum WordingStage : byte
{
    Pregnant = 0,

    /// <summary>Up to day 42 after a birth.</summary>
    AfterBirth = 1,

    /// <summary>Up to day 42 after a pregnancy ended without a birth (W10: never "baby" or "the birth").</summary>
    AfterLoss = 2,

    /// <summary>More than 42 days after a birth (W1: never "midwife" or "maternity triage": the GP, NHS 111, the health visitor).</summary>
    LaterAfterBirth = 3,

    /// <summary>More than 42 days after a loss (W1 and W10: "Mention this to your GP.").</summary>
    LaterAfterLoss = 4,

    /// <summary>No stage known (the app only): the maternity-period wording with no "baby", "birth" or "pregnancy".</summary>
    Unknown = 5,
}

/// <summary>The stage of the words, and whether a stillbirth is recorded (W10: never "baby").</summary>
public readonly record struct WordingContext(WordingStage Stage, bool Stillbirth)
{
    /// <summary>Pregnant, up to day 42 after the pregnancy ended, or the stage unknown: maternity triage and the midwife.</summary>
    public bool MaternityPeriod => Stage is WordingStage.Pregnant or WordingStage.AfterBirth or WordingStage.AfterLoss or WordingStage.Unknown;

    /// <summary>More than 42 days after the pregnancy ended: the GP, NHS 111 and the health visitor.</summary>
    public bool Later => Stage is WordingStage.LaterAfterBirth or WordingStage.LaterAfterLoss;

    /// <summary>The pregnancy ended without a birth (W10).</summary>
    public bool AfterLoss => Stage is WordingStage.AfterLoss or WordingStage.LaterAfterLoss;

    /// <summary>The wording stage of an input: its gestational week or postpartum day and how the pregnancy ended.</summary>
    public static WordingContext For(in TriageInput input, TriageOptions options)
    {
        var loss = input.PregnancyEnd == PregnancyEnd.Loss;
        var stage = input switch
        {
            { GestationalWeek: not null } => WordingStage.Pregnant,
            { PostpartumDay: { } day } when day <= options.PostnatalHighRiskDays => loss ? WordingStage.AfterLoss : WordingStage.AfterBirth,
            { PostpartumDay: not null } => loss ? WordingStage.LaterAfterLoss : WordingStage.LaterAfterBirth,
            _ => WordingStage.Unknown,
        };
        var stillbirth = (input.RiskFactors & RiskFactors.Stillbirth) != 0 && input.PostpartumDay is not null;
        return new WordingContext(stage, stillbirth);
    }
}
