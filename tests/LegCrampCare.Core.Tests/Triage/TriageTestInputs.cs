using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>Inputs shared by the triage tests.</summary>
internal static class TriageTestInputs
{
    /// <summary>
    /// A typical cramp with every question answered: week 30, right calf, 2 minutes, eased by stretching, nothing
    /// else. The engine gives NONE with NO-1 only; each boundary test changes one thing from here.
    /// </summary>
    public static TriageInput TypicalCramp { get; } = new()
    {
        GestationalWeek = 30,
        RiskFactors = RiskFactors.None,
        Side = TriageSide.Right,
        CrampMinutes = 2m,
        Relieved = true,
        ContinuousPainMinutes = null,
        HeavyAche = false,
        PainOnWalkingOrStanding = false,
        PainPullingToesUp = false,
        Tenderness = false,
        HardSoreVein = false,
        Swelling = Swelling.None,
        CalfDifferenceCm = null,
        RedOrDarkerSkin = false,
        Warmth = false,
        Fever = false,
        ButtockGroinOrBackPain = false,
        SuddenBreathlessness = false,
        GradualBreathlessness = false,
        ChestPain = false,
        CoughingBlood = false,
        Fainted = false,
        RacingHeart = false,
        Dizziness = false,
        FaceOrHandSwelling = false,
        SuddenFeetSwelling = false,
        SevereHeadache = false,
        VisionProblems = false,
        PainBelowRibs = false,
        CrampNightsAgo = 0,
        SleepBadlyDisturbed = false,
    };

    /// <summary>The typical cramp on postpartum day <paramref name="day"/> (vaginal birth unless given).</summary>
    public static TriageInput Postpartum(int day, BirthMode birth = BirthMode.Vaginal) =>
        TypicalCramp with { GestationalWeek = null, PostpartumDay = day, PregnancyEnd = PregnancyEnd.Birth, Birth = birth };

    /// <summary>The typical cramp <paramref name="day"/> days after a pregnancy that ended without a birth.</summary>
    public static TriageInput AfterLoss(int day) =>
        TypicalCramp with { GestationalWeek = null, PostpartumDay = day, PregnancyEnd = PregnancyEnd.Loss, Birth = null };

    /// <summary>The typical cramp with the stage unknown (the app only: no due date, birth or end date covers it).</summary>
    public static TriageInput StageUnknown => TypicalCramp with { GestationalWeek = null, PostpartumDay = null };

    /// <summary>Pain that remained after the cramp, still there unless <paramref name="gone"/>, the UR-5 questions answered no.</summary>
    public static TriageInput PainAfter(TriageInput input, decimal hours, bool? improving, bool? gone = false, TriageSide side = TriageSide.NotGiven) =>
        input with { HasPainAfterCramp = true, PainAfterHours = hours, PainAfterImproving = improving, PainAfterGone = gone, PainAfterSide = side };

    /// <summary>The seven red-flag questions of principle 2, each made "not answered".</summary>
    public static IReadOnlyList<(string Name, Func<TriageInput, TriageInput> Unanswer)> RedFlagQuestions { get; } =
    [
        ("suddenBreathlessness", i => i with { SuddenBreathlessness = null }),
        ("chestPain", i => i with { ChestPain = null }),
        ("coughingBlood", i => i with { CoughingBlood = null }),
        ("fainted", i => i with { Fainted = null }),
        ("swelling", i => i with { Swelling = Swelling.NotAnswered }),
        ("redOrDarkerSkin", i => i with { RedOrDarkerSkin = null }),
        ("warmth", i => i with { Warmth = null }),
    ];

    /// <summary>Each red flag answered "yes" (or the leg swollen): the signs that must never lower a level.</summary>
    public static IReadOnlyList<(string Name, Func<TriageInput, TriageInput> Add)> RedFlags { get; } =
    [
        ("suddenBreathlessness", i => i with { SuddenBreathlessness = true }),
        ("chestPain", i => i with { ChestPain = true }),
        ("coughingBlood", i => i with { CoughingBlood = true }),
        ("fainted", i => i with { Fainted = true }),
        ("redOrDarkerSkin", i => i with { RedOrDarkerSkin = true }),
        ("warmth", i => i with { Warmth = true }),
        ("swelling one-leg", i => i with { Swelling = Swelling.OneLeg }),
        ("swelling whole-leg", i => i with { Swelling = Swelling.WholeLeg }),
    ];

    /// <summary>All 24 risk factor flags.</summary>
    public static IReadOnlyList<RiskFactors> AllRiskFactors { get; } = RiskFactorCatalog.All.Select(r => r.Flag).ToArray();

    public static TriageResult Evaluate(in TriageInput input) => TriageEngine.Default.Evaluate(input);

    /// <summary>The fired rule codes, for readable assertion messages.</summary>
    public static string Codes(TriageResult result) => result.Rules.ToString();
}
