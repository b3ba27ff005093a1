namespace LegCrampCare.Rules;

/// <summary>
/// Every threshold the rules use, in one place (configuration section "Triage"). Those marked *design* in the clinical
/// README are pragmatic choices a clinical safety officer signs off; the others come from the cited guidance. Any
/// change from these defaults changes the rule-set version the results carry.
/// </summary>
public sealed record TriageOptions
{
    public const string SectionName = "Triage";

    public static TriageOptions Default { get; } = new();

    /// <summary>A typical cramp lasts at most this long (HSE: up to 10 minutes). NO-1, RO-2.</summary>
    public decimal TypicalCrampMaxMinutes { get; init; } = 10m;

    /// <summary>Soreness after a cramp is normal for up to this long (HSE: 24 h). NO-1, RO-8, the W5 clock (d).</summary>
    public decimal NormalSorenessMaxHours { get; init; } = 24m;

    /// <summary>*design* (2026.2): pain after a cramp that is not improving, for at least this many hours (inclusive), is urgent (UR-6).</summary>
    public decimal NotImprovingUrgentHours { get; init; } = 6m;

    /// <summary>A calf difference of at least this many cm is a leg sign (UR-2; LEFt "oEdema").</summary>
    public decimal CalfDifferenceUrgentCm { get; init; } = 2.0m;

    /// <summary>A calf difference from this up to the urgent threshold: re-measure and mention it (RO-3).</summary>
    public decimal CalfDifferenceRoutineCm { get; init; } = 1.0m;

    /// <summary>*design*: in the high-risk context, leg pain persisting this many hours (inclusive) is urgent (UR-7).</summary>
    public decimal HighRiskPainHours { get; init; } = 2m;

    /// <summary>*design* (2026.2): pain not improving for at least this many hours (inclusive)...</summary>
    public decimal CombinedPainHours { get; init; } = 4m;

    /// <summary>*design* (2026.2): ...with a calf difference of at least this many cm (inclusive) is urgent (UR-14).</summary>
    public decimal CombinedCalfDifferenceCm { get; init; } = 1.5m;

    /// <summary>*design*: continuous severe pain for longer than this many minutes is urgent (UR-9).</summary>
    public decimal ContinuousPainUrgentMinutes { get; init; } = 60m;

    /// <summary>*design*: RO-1 fires with cramps on at least this many nights in each week...</summary>
    public int FrequentNightsPerWeek { get; init; } = 3;

    /// <summary>*design*: ...for at least this many consecutive weeks (1–4; the history reaches back 28 nights).</summary>
    public int FrequentConsecutiveWeeks { get; init; } = 2;

    /// <summary>The postnatal high-risk window and the window in which birth-related RCOG points count (RCOG: 6 weeks).</summary>
    public int PostnatalHighRiskDays { get; init; } = 42;

    /// <summary>An RCOG 37a points total of at least this is a high-risk profile (RO-4, high-risk context).</summary>
    public int RcogHighRiskPoints { get; init; } = 3;

    /// <summary>LEFt "First trimester": gestational week at most this.</summary>
    public int FirstTrimesterLastWeek { get; init; } = 13;

    /// <summary>Problems with these values, in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (TypicalCrampMaxMinutes <= 0) problems.Add("TypicalCrampMaxMinutes must be above 0.");
        if (NormalSorenessMaxHours <= 0) problems.Add("NormalSorenessMaxHours must be above 0.");
        if (CalfDifferenceRoutineCm <= 0 || CalfDifferenceRoutineCm >= CalfDifferenceUrgentCm)
            problems.Add("CalfDifferenceRoutineCm must be above 0 and below CalfDifferenceUrgentCm.");
        if (NotImprovingUrgentHours <= 0 || NotImprovingUrgentHours > NormalSorenessMaxHours)
            problems.Add("NotImprovingUrgentHours must be above 0 and at most NormalSorenessMaxHours.");
        if (HighRiskPainHours <= 0 || HighRiskPainHours > CombinedPainHours)
            problems.Add("HighRiskPainHours must be above 0 and at most CombinedPainHours.");
        if (CombinedPainHours <= 0 || CombinedPainHours > NotImprovingUrgentHours)
            problems.Add("CombinedPainHours must be above 0 and at most NotImprovingUrgentHours.");
        if (CombinedCalfDifferenceCm < CalfDifferenceRoutineCm || CombinedCalfDifferenceCm > CalfDifferenceUrgentCm)
            problems.Add("CombinedCalfDifferenceCm must be from CalfDifferenceRoutineCm to CalfDifferenceUrgentCm.");
        if (ContinuousPainUrgentMinutes <= 0) problems.Add("ContinuousPainUrgentMinutes must be above 0.");
        if (FrequentNightsPerWeek is < 1 or > 7) problems.Add("FrequentNightsPerWeek must be 1 to 7.");
        if (FrequentConsecutiveWeeks is < 1 or > 4) problems.Add("FrequentConsecutiveWeeks must be 1 to 4.");
        if (PostnatalHighRiskDays is < 0 or > 365) problems.Add("PostnatalHighRiskDays must be 0 to 365.");
        if (RcogHighRiskPoints < 1) problems.Add("RcogHighRiskPoints must be at least 1.");
        if (FirstTrimesterLastWeek is < 4 or > 42) problems.Add("FirstTrimesterLastWeek must be 4 to 42.");
        return problems;
    }
}
