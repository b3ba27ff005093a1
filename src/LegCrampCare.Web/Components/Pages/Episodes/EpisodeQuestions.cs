using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Web.Components.Pages.Episodes;

/// <summary>One yes/no question about an episode, in the patient's words, bound to one stored answer.</summary>
public sealed record EpisodeQuestion(string Id, string Label, string? Hint, Func<EpisodeAnswers, Answer> Get, Action<EpisodeAnswers, Answer> Set);

/// <summary>The questions, in the order they are asked: the red-flag ones first.</summary>
public static class EpisodeQuestions
{
    public static IReadOnlyList<EpisodeQuestion> RedFlags { get; } =
    [
        new("sudden-breathless", "Are you suddenly short of breath, or breathless even when resting?", null,
            a => a.SuddenBreathlessness, (a, v) => a.SuddenBreathlessness = v),
        new("chest-pain", "Do you have pain in your chest or upper back?", "Especially sharp pain, or pain that is worse when you breathe in.",
            a => a.ChestPain, (a, v) => a.ChestPain = v),
        new("coughing-blood", "Are you coughing up blood?", null, a => a.CoughingBlood, (a, v) => a.CoughingBlood = v),
        new("fainted", "Have you fainted or passed out?", null, a => a.Fainted, (a, v) => a.Fainted = v),
        new("one-leg-swollen", "Is one leg swollen?", "The calf, the thigh or the whole leg, on one side more than the other.",
            a => a.Swelling switch
            {
                Swelling.OneLeg or Swelling.WholeLeg => Answer.Yes,
                Swelling.None or Swelling.BothAnklesGradual or Swelling.NotOneLeg => Answer.No,
                _ => Answer.NotAnswered,
            },
            (a, v) => a.Swelling = v switch
            {
                Answer.Yes => a.Swelling == Swelling.WholeLeg ? Swelling.WholeLeg : Swelling.OneLeg,
                // "No" to one leg says nothing about both ankles: keep a fuller answer given in the details.
                Answer.No => a.Swelling is Swelling.None or Swelling.BothAnklesGradual ? a.Swelling : Swelling.NotOneLeg,
                _ => Swelling.NotAnswered,
            }),
        new("calf-red", "Is the skin of a calf or thigh red or darker than usual?", null, a => a.RedOrDarkerSkin, (a, v) => a.RedOrDarkerSkin = v),
        new("calf-warm", "Does a calf or thigh feel warm to the touch?", null, a => a.Warmth, (a, v) => a.Warmth = v),
    ];

    /// <summary>
    /// The question that asks for a rule-engine input FS-1 reads (its unanswered questions, in her words): the seven
    /// red-flag questions, and with pain left after the cramp the four about that pain.
    /// </summary>
    public static EpisodeQuestion? RedFlagFor(TriageField field) => field switch
    {
        TriageField.SuddenBreathlessness => RedFlags[0],
        TriageField.ChestPain => RedFlags[1],
        TriageField.CoughingBlood => RedFlags[2],
        TriageField.Fainted => RedFlags[3],
        TriageField.Swelling => RedFlags[4],
        TriageField.RedOrDarkerSkin => RedFlags[5],
        TriageField.Warmth => RedFlags[6],
        TriageField.HeavyAche => PainLeft[1],
        TriageField.PainOnWalkingOrStanding => PainLeft[2],
        TriageField.PainPullingToesUp => PainLeft[3],
        TriageField.Tenderness => PainLeft[4],
        _ => null,
    };

    public static IReadOnlyList<EpisodeQuestion> AfterRedFlags { get; } =
    [
        new("usual-breathless", "Do you get your usual breathlessness when you walk or climb stairs?",
            "The gradual, everyday breathlessness many women have in pregnancy, not a sudden change.",
            a => a.GradualBreathlessness, (a, v) => a.GradualBreathlessness = v),
        // {TypicalCrampMaxMinutes} is this deployment's N (clinical README §3): filled in where it is shown.
        new("over-10-minutes", "Did it last more than {TypicalCrampMaxMinutes} minutes?", "You can skip this if you're not sure.",
            a => a.CrampOver10Minutes, (a, v) => a.CrampOver10Minutes = v),
        new("eased-by-stretching", "Did the cramp ease when you stretched, rubbed or walked?", null,
            a => a.EasedByStretching, (a, v) => a.EasedByStretching = v),
        new("pain-still-there", "Is there still pain now the cramp has gone?", null, a => a.PainStillThere, (a, v) => a.PainStillThere = v),
    ];

    /// <summary>
    /// Asked when pain is still there after the cramp (with "Which leg still hurts?"): whether it is getting better, and
    /// the four questions FS-1 then needs answered (clinical README principle 2).
    /// </summary>
    public static IReadOnlyList<EpisodeQuestion> PainLeft { get; } =
    [
        new("pain-improving", "Is the pain getting better?", null, a => a.PainAfterImproving, (a, v) => a.PainAfterImproving = v),
        new("heavy-ache", "Does the leg feel heavy or achy?", null, a => a.HeavyAche, (a, v) => a.HeavyAche = v),
        new("pain-walking", "Is the pain worse when you walk or stand?", null, a => a.PainOnWalkingOrStanding, (a, v) => a.PainOnWalkingOrStanding = v),
        new("pain-toes-up", "Does it hurt when you pull your toes up towards your shin?", null, a => a.PainPullingToesUp, (a, v) => a.PainPullingToesUp = v),
        new("tenderness", "Does it hurt when you press along the back of your calf or thigh?", "Pain when pressing, not general soreness.",
            a => a.Tenderness, (a, v) => a.Tenderness = v),
    ];

    public static IReadOnlyList<EpisodeQuestion> Details { get; } =
    [
        new("hard-vein", "Is there a hard, swollen vein that is sore to touch?", null, a => a.HardSoreVein, (a, v) => a.HardSoreVein = v),
        new("fever", "Do you have a fever or feel generally unwell?", null, a => a.Fever, (a, v) => a.Fever = v),
        new("buttock-groin-back", "Do you have pain in your buttock, groin, side or lower back?", null,
            a => a.ButtockGroinOrBackPain, (a, v) => a.ButtockGroinOrBackPain = v),
        new("racing-heart", "Is your heart racing or pounding?", null, a => a.RacingHeart, (a, v) => a.RacingHeart = v),
        new("dizziness", "Do you feel light-headed or dizzy?", null, a => a.Dizziness, (a, v) => a.Dizziness = v),
        new("face-hands", "Have your face or hands suddenly swollen?", null, a => a.FaceOrHandSwelling, (a, v) => a.FaceOrHandSwelling = v),
        new("feet-sudden", "Have your feet or ankles suddenly swollen?", "Swelling that came on quickly, not the slow swelling that gets worse through the day.",
            a => a.SuddenFeetSwelling, (a, v) => a.SuddenFeetSwelling = v),
        new("headache", "Do you have a severe headache?", null, a => a.SevereHeadache, (a, v) => a.SevereHeadache = v),
        new("vision", "Do you have problems with your vision, like blurring or flashing lights?", null, a => a.VisionProblems, (a, v) => a.VisionProblems = v),
        new("below-ribs", "Do you have severe pain just below your ribs?", null, a => a.PainBelowRibs, (a, v) => a.PainBelowRibs = v),
        new("sleep-disturbed", "Are cramps badly disturbing your sleep?", "For example waking most nights, or struggling through the day.",
            a => a.SleepBadlyDisturbed, (a, v) => a.SleepBadlyDisturbed = v),
    ];
}
