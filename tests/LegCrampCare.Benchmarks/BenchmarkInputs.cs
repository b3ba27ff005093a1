using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Benchmarks;

/// <summary>
/// A fixed, reproducible mix of assessments (the same every run): typical cramps, emergencies, urgent leg signs,
/// unanswered red flags (FS-1), heavy cramp histories, postpartum episodes with risk factors, and random variations.
/// </summary>
public static class BenchmarkInputs
{
    private static readonly TriageInput Typical = new()
    {
        GestationalWeek = 30, Side = TriageSide.Right, CrampMinutes = 2m, Relieved = true, HeavyAche = false,
        PainOnWalkingOrStanding = false, PainPullingToesUp = false, Tenderness = false, HardSoreVein = false,
        Swelling = Swelling.None, RedOrDarkerSkin = false, Warmth = false, Fever = false, ButtockGroinOrBackPain = false,
        SuddenBreathlessness = false, GradualBreathlessness = false, ChestPain = false, CoughingBlood = false, Fainted = false,
        RacingHeart = false, Dizziness = false, FaceOrHandSwelling = false, SevereHeadache = false, VisionProblems = false,
        PainBelowRibs = false, SleepBadlyDisturbed = false,
    };

    public static TriageInput[] Create(int count, int seed = 20261126)
    {
        var random = new Random(seed);
        var inputs = new TriageInput[count];
        for (var i = 0; i < count; i++)
        {
            inputs[i] = (i % 6) switch
            {
                0 => Typical with { CrampMinutes = random.Next(0, 11), Side = random.Next(2) == 0 ? TriageSide.Left : TriageSide.Both },
                1 => Typical with { ChestPain = random.Next(2) == 0, SuddenBreathlessness = true, RacingHeart = true },
                2 => Typical with
                {
                    Swelling = Swelling.OneLeg, CalfDifferenceCm = random.Next(0, 40) / 10m, Warmth = random.Next(2) == 0,
                    HasPainAfterCramp = true, PainAfterHours = random.Next(0, 48), PainAfterImproving = false, HeavyAche = true,
                },
                3 => Typical with { Fainted = null, Swelling = random.Next(2) == 0 ? Swelling.NotAnswered : Swelling.NotOneLeg, Warmth = null },
                4 => Typical with
                {
                    CrampNightsAgo = (uint)random.Next(0, 1 << 28) << 1, SleepBadlyDisturbed = random.Next(4) == 0,
                    CrampMinutes = random.Next(5, 20), GradualBreathlessness = true,
                },
                _ => Typical with
                {
                    GestationalWeek = null, PostpartumDay = random.Next(0, 90), Birth = (BirthMode)random.Next(1, 5),
                    RiskFactors = (RiskFactors)random.Next(0, 1 << 24), Side = TriageSide.Left, ContinuousPainMinutes = random.Next(0, 180),
                    Swelling = random.Next(2) == 0 ? Swelling.BothAnklesGradual : Swelling.None,
                },
            };
        }

        return inputs;
    }
}
