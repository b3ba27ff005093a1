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
    public static TriageInput InputFor(Episode episode, PregnancyProfile profile, IEnumerable<DateOnly> otherNights, DateTime painKnownUntilUtc)
    {
        var zone = PregnancyCalendar.FindZoneOrUtc(profile.TimeZoneId);
        var stage = PregnancyCalendar.StageOn(profile, PregnancyCalendar.LocalDate(episode.StartedAtUtc, zone));
        var a = episode.Answers;
        var painAfter = a.PainStillThere == Answer.Yes;
        // Still there: counted from the start of the cramp up to now, rounded up to a tenth of an hour (conservative:
        // from the start, not the release, and never short of a threshold), and never less than hours she gave or an
        // earlier answer stored: an hours value saved at 03:00 must not read as the duration at 08:00. Gone: as recorded.
        var gone = episode.PainGoneAtUtc is not null;
        var sinceStart = HoursSince(episode.StartedAtUtc, painKnownUntilUtc);
        var painHours = gone
            ? episode.PainAfterHours ?? HoursSince(episode.StartedAtUtc, episode.PainCheckedAtUtc ?? painKnownUntilUtc)
            : Math.Max(episode.PainAfterHours ?? 0m, sinceStart);

        uint nights = 0;
        foreach (var night in otherNights)
        {
            var ago = episode.Night.DayNumber - night.DayNumber;
            if (ago is >= 1 and <= TriageInput.MaxNightsAgo)
            {
                nights |= 1u << ago;
            }
        }

        return new TriageInput
        {
            GestationalWeek = stage is PregnancyStage.Pregnant p ? p.Weeks : null,
            PostpartumDay = stage switch
            {
                PregnancyStage.Postpartum pp => pp.Day,
                PregnancyStage.AfterLoss loss => loss.Day,
                _ => null,
            },
            PregnancyEnd = stage switch
            {
                PregnancyStage.Postpartum => PregnancyEnd.Birth,
                PregnancyStage.AfterLoss => PregnancyEnd.Loss,
                _ => PregnancyEnd.NotGiven,
            },
            Birth = stage is PregnancyStage.Postpartum ? profile.BirthMode : null,
            RiskFactors = profile.RiskFactors,
            Side = episode.Side switch
            {
                Side.Left => TriageSide.Left,
                Side.Right => TriageSide.Right,
                Side.Both => TriageSide.Both,
                _ => TriageSide.NotGiven,
            },
            CrampMinutes = episode.DurationMinutes,
            CrampOver10Minutes = a.CrampOver10Minutes.ToBool(),
            Relieved = a.EasedByStretching.ToBool(),
            HasPainAfterCramp = painAfter,
            PainAfterHours = painAfter ? painHours : null,
            PainAfterImproving = painAfter ? a.PainAfterImproving.ToBool() : null,
            PainAfterSide = !painAfter ? TriageSide.NotGiven : a.PainSide switch
            {
                Side.Left => TriageSide.Left,
                Side.Right => TriageSide.Right,
                Side.Both => TriageSide.Both,
                _ => TriageSide.NotGiven,
            },
            PainAfterGone = painAfter ? episode.PainGoneAtUtc is not null : null,
            ContinuousPainMinutes = episode.ContinuousPainMinutes,
            HeavyAche = a.HeavyAche.ToBool(),
            PainOnWalkingOrStanding = a.PainOnWalkingOrStanding.ToBool(),
            PainPullingToesUp = a.PainPullingToesUp.ToBool(),
            Tenderness = a.Tenderness.ToBool(),
            HardSoreVein = a.HardSoreVein.ToBool(),
            Swelling = a.Swelling,
            // A midwife's measurement takes precedence over the patient's own (clinical README §2).
            CalfDifferenceCm = episode.MidwifeCalfDifferenceCm ?? episode.CalfDifferenceCm,
            RedOrDarkerSkin = a.RedOrDarkerSkin.ToBool(),
            Warmth = a.Warmth.ToBool(),
            Fever = a.Fever.ToBool(),
            ButtockGroinOrBackPain = a.ButtockGroinOrBackPain.ToBool(),
            SuddenBreathlessness = a.SuddenBreathlessness.ToBool(),
            GradualBreathlessness = a.GradualBreathlessness.ToBool(),
            ChestPain = a.ChestPain.ToBool(),
            CoughingBlood = a.CoughingBlood.ToBool(),
            Fainted = a.Fainted.ToBool(),
            RacingHeart = a.RacingHeart.ToBool(),
            Dizziness = a.Dizziness.ToBool(),
            FaceOrHandSwelling = a.FaceOrHandSwelling.ToBool(),
            SuddenFeetSwelling = a.SuddenFeetSwelling.ToBool(),
            SevereHeadache = a.SevereHeadache.ToBool(),
            VisionProblems = a.VisionProblems.ToBool(),
            PainBelowRibs = a.PainBelowRibs.ToBool(),
            CrampNightsAgo = nights,
            SleepBadlyDisturbed = a.SleepBadlyDisturbed.ToBool(),
        };
    }

    /// <summary>Hours from <paramref name="startUtc"/> to <paramref name="untilUtc"/>, rounded up to a tenth, never below 0.</summary>
    public static decimal HoursSince(DateTime startUtc, DateTime untilUtc) =>
        Math.Ceiling((decimal)Math.Max(0, (untilUtc - startUtc).TotalHours) * 10m) / 10m;

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
