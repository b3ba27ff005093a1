namespace LegCrampCare.Core.Domain;

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
    public Answer EasedByStretching { get; set; }
    public Answer PainStillThere { get; set; }

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
    public Answer SevereHeadache { get; set; }
    public Answer VisionProblems { get; set; }
    public Answer PainBelowRibs { get; set; }

    /// <summary>Whether cramps are badly disturbing her sleep (the triage format's history.sleepBadlyDisturbed).</summary>
    public Answer SleepBadlyDisturbed { get; set; }

    /// <summary>True when any red-flag question has no answer yet.</summary>
    public bool HasUnansweredRedFlag =>
        !SuddenBreathlessness.IsAnswered() || !ChestPain.IsAnswered() || !CoughingBlood.IsAnswered() ||
        !Fainted.IsAnswered() || Swelling == Swelling.NotAnswered || !RedOrDarkerSkin.IsAnswered() ||
        !Warmth.IsAnswered();

    /// <summary>True when any question of the short night screen (red flags, then stretching and pain) is unanswered.</summary>
    public bool HasUnansweredQuickQuestion =>
        HasUnansweredRedFlag || !GradualBreathlessness.IsAnswered() || !EasedByStretching.IsAnswered() ||
        !PainStillThere.IsAnswered();
}
