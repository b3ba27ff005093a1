namespace LegCrampCare.Rules;

/// <summary>What the rules read of one cramp: when, which leg, how long, her answers, the pain after it, a measurement.</summary>
public sealed record CrampFacts
{
    public required DateTime StartedAtUtc { get; init; }

    /// <summary>The night it belongs to (<see cref="RulesCalendar.NightOf"/>).</summary>
    public required DateOnly Night { get; init; }

    /// <summary>Which leg; 0 when not given.</summary>
    public Side Side { get; init; }

    public int? DurationMinutes { get; init; }

    public EpisodeAnswers Answers { get; init; } = new();

    public decimal? PainAfterHours { get; init; }

    public DateTime? PainCheckedAtUtc { get; init; }

    public DateTime? PainGoneAtUtc { get; init; }

    public int? ContinuousPainMinutes { get; init; }

    public decimal? CalfDifferenceCm { get; init; }

    public decimal? MidwifeCalfDifferenceCm { get; init; }
}

/// <summary>
/// Her cramp, her profile and her recent nights → the engine's input: the one mapping, used by the server
/// (<c>EpisodeAssessor</c>) and by the phone (<see cref="DeviceAssessment"/>).
/// </summary>
public static class TriageInputs
{
    public static TriageInput For(CrampFacts episode, PatientFacts profile, TimeZoneInfo zone, IEnumerable<DateOnly> otherNights, DateTime painKnownUntilUtc)
    {
        var stage = PregnancyStages.On(profile, RulesCalendar.LocalDate(episode.StartedAtUtc, zone));
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
}
