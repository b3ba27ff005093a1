namespace LegCrampCare.Rules;

/// <summary>
/// Every yes/no question asked about an episode (the inputs of the triage case format). Each is answered-yes,
/// answered-no or not answered; the red-flag questions come first and are the ones the app insists on.
/// </summary>
public sealed record EpisodeAnswers
{
    // Red-flag questions (clinical README §1 principle 2), asked first.
    public Answer SuddenBreathlessness { get; set; }
    public Answer ChestPain { get; set; }
    public Answer CoughingBlood { get; set; }
    public Answer Fainted { get; set; }
    public Swelling Swelling { get; set; }
    public Answer RedOrDarkerSkin { get; set; }
    public Answer Warmth { get; set; }

    // Asked on the quick screen after the red flags.
    public Answer GradualBreathlessness { get; set; }

    /// <summary>"Did it last more than 10 minutes?" (one tap, skippable): a long cramp is flagged at night (RO-2), a short one can be ordinary (NO-1).</summary>
    public Answer CrampOver10Minutes { get; set; }
    public Answer EasedByStretching { get; set; }
    public Answer PainStillThere { get; set; }

    /// <summary>"Which leg still hurts?" when pain is still there; null = not answered. Never gates a rule (LEFt reads it).</summary>
    public Side? PainSide { get; set; }

    // Details.
    public Answer PainAfterImproving { get; set; }
    public Answer HeavyAche { get; set; }
    public Answer PainOnWalkingOrStanding { get; set; }
    public Answer PainPullingToesUp { get; set; }
    public Answer Tenderness { get; set; }
    public Answer HardSoreVein { get; set; }
    public Answer Fever { get; set; }
    public Answer ButtockGroinOrBackPain { get; set; }
    public Answer RacingHeart { get; set; }
    public Answer Dizziness { get; set; }
    public Answer FaceOrHandSwelling { get; set; }

    /// <summary>Sudden swelling of the feet or ankles (not the slow evening swelling of both ankles). Not a red-flag question.</summary>
    public Answer SuddenFeetSwelling { get; set; }
    public Answer SevereHeadache { get; set; }
    public Answer VisionProblems { get; set; }
    public Answer PainBelowRibs { get; set; }

    /// <summary>Whether cramps are badly disturbing her sleep (the triage format's history.sleepBadlyDisturbed).</summary>
    public Answer SleepBadlyDisturbed { get; set; }

    /// <summary>
    /// True when a question FS-1 reads has no answer yet: a red-flag question, or, with pain still there after the cramp,
    /// one of the four UR-5 questions (clinical README principle 2).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasUnansweredRedFlag =>
        !SuddenBreathlessness.IsAnswered() || !ChestPain.IsAnswered() || !CoughingBlood.IsAnswered() ||
        !Fainted.IsAnswered() || Swelling == Swelling.NotAnswered || !RedOrDarkerSkin.IsAnswered() ||
        !Warmth.IsAnswered() ||
        (PainStillThere == Answer.Yes && (!HeavyAche.IsAnswered() || !PainOnWalkingOrStanding.IsAnswered() ||
                                          !PainPullingToesUp.IsAnswered() || !Tenderness.IsAnswered()));

    /// <summary>
    /// "Missing" (clinical README §8, W8): a question FS-1 reads, "Is the pain still there?", or, while the pain is still
    /// there (not <paramref name="painGone"/>), "Which leg still hurts?". A cramp with anything missing can't be
    /// confirmed as it is in the morning review.
    /// </summary>
    public bool HasMissingAnswers(bool painGone) =>
        HasUnansweredRedFlag || !PainStillThere.IsAnswered() || (PainStillThere == Answer.Yes && !painGone && PainSide is null);

    /// <summary>True when any question of the short night screen (red flags, then stretching and pain) is unanswered.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasUnansweredQuickQuestion =>
        HasUnansweredRedFlag || !GradualBreathlessness.IsAnswered() || !EasedByStretching.IsAnswered() ||
        !PainStillThere.IsAnswered();
}
