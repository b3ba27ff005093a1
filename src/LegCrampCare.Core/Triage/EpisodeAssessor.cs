using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Triage;

/// <summary>
/// Turns a stored episode, the patient's profile and her recent nights into the engine's input, and the engine's
/// result into an immutable <see cref="Assessment"/>. The only place the app's data meets the rule engine.
/// </summary>
public sealed class EpisodeAssessor(TriageEngine engine)
{
    public TriageEngine Engine => engine;

    /// <summary>
    /// The engine's input for an episode, filled as clinical README §2 "How the app fills the inputs" says: the stage from
    /// the birth date, else the date a pregnancy ended without a birth, else the due date, else unknown. Pain that is still
    /// there has lasted at least from the start of the cramp to <paramref name="painKnownUntilUtc"/> (her own save: now; a
    /// midwife's measurement or a new rule set: her last answer, not a time she told us nothing about), whatever hours
    /// were stored earlier; pain that has gone keeps the hours it lasted. <paramref name="otherNights"/>: nights with other
    /// episodes (any order).
    /// </summary>
    public static TriageInput InputFor(Episode episode, PregnancyProfile profile, IEnumerable<DateOnly> otherNights, DateTime painKnownUntilUtc) =>
        TriageInputs.For(Facts(episode), profile.Facts, PregnancyCalendar.FindZoneOrUtc(profile.TimeZoneId), otherNights, painKnownUntilUtc);

    /// <summary>What the rules read of a stored cramp.</summary>
    public static CrampFacts Facts(Episode episode) => new()
    {
        StartedAtUtc = episode.StartedAtUtc,
        Night = episode.Night,
        Side = episode.Side,
        DurationMinutes = episode.DurationMinutes,
        Answers = episode.Answers,
        PainAfterHours = episode.PainAfterHours,
        PainCheckedAtUtc = episode.PainCheckedAtUtc,
        PainGoneAtUtc = episode.PainGoneAtUtc,
        ContinuousPainMinutes = episode.ContinuousPainMinutes,
        CalfDifferenceCm = episode.CalfDifferenceCm,
        MidwifeCalfDifferenceCm = episode.MidwifeCalfDifferenceCm,
    };

    /// <summary>Hours from <paramref name="startUtc"/> to <paramref name="untilUtc"/>, rounded up to a tenth, never below 0.</summary>
    public static decimal HoursSince(DateTime startUtc, DateTime untilUtc) => TriageInputs.HoursSince(startUtc, untilUtc);

    public Assessment Assess(Episode episode, PregnancyProfile profile, IEnumerable<DateOnly> otherNights, AssessmentReason reason, DateTime nowUtc)
    {
        // Her own saves count unknown pain hours up to now; someone else's re-assessment up to her last answer.
        var painKnownUntil = reason is AssessmentReason.MidwifeMeasurement or AssessmentReason.RuleSetUpgrade
            ? episode.UpdatedAtUtc
            : nowUtc;
        var input = InputFor(episode, profile, otherNights, painKnownUntil);
        var result = engine.Evaluate(input);
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(),
            EpisodeId = episode.Id,
            PatientId = episode.PatientId,
            AssessedAtUtc = nowUtc,
            Reason = reason,
            RuleSetVersion = result.RuleSetVersion,
            Level = result.Level,
            FiredRules = result.Rules.ToString(),
            IsIncomplete = result.IsIncomplete,
            LeftScore = result.LeftScore,
            RcogPoints = result.RcogPoints,
            HighRiskContext = result.HighRiskContext,
            InputsJson = TriageCaseFile.ToJson(input),
        };
        Inputs.AddOrUpdate(assessment, new System.Runtime.CompilerServices.StrongBox<TriageInput>(input));
        return assessment;
    }

    /// <summary>
    /// The input each assessment made here was computed from, while that object lives: explaining a result just made (the
    /// answer to a log) reads it instead of parsing the stored snapshot back. Stored assessments are parsed as before.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Assessment, System.Runtime.CompilerServices.StrongBox<TriageInput>> Inputs = [];

    /// <summary>The plain-language explanation of a stored assessment, from the inputs it saw.</summary>
    public TriageExplanation Explain(Assessment assessment)
    {
        var input = Inputs.TryGetValue(assessment, out var made) ? made.Value : TriageCaseFile.ParseInput(assessment.InputsJson);
        var result = new TriageResult(assessment.Level, FiredRules.Parse(assessment.FiredRules), assessment.LeftScore,
            assessment.RcogPoints, assessment.HighRiskContext, assessment.RuleSetVersion);
        return TriageExplainer.Explain(input, result, engine.Options);
    }
}
