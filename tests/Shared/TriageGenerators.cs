using FsCheck;
using FsCheck.Fluent;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Tests.Triage;

/// <summary>
/// FsCheck generators for <see cref="TriageInput"/> covering every field of the case format: null (not answered),
/// pregnant (weeks 4–42), after a birth or a loss (days 0–365) and neither, every birth mode, any combination of the 24 risk factors,
/// every <see cref="Swelling"/> value (incl. the app-only <see cref="Swelling.NotOneLeg"/>), every side, decimals with
/// the rule boundaries (0, 1.0, 1.9, 2.0, 10, 24, 60, 61, 120 …) and arbitrary values, the 28-night history and
/// sleepBadlyDisturbed. Values stay inside what the case format can hold (non-negative numbers, painAfterCramp hours
/// and improving only when painAfterCramp is given), so every generated input can also be stored and read back.
/// Each input draws an "answer profile" (how often a yes/no is yes or unanswered), so the samples range from a calm
/// typical cramp to an episode full of signs or mostly unanswered.
/// </summary>
public static class TriageGenerators
{
    private static readonly decimal[] Boundaries =
    [
        0m, 0.5m, 0.9m, 1.0m, 1.5m, 1.9m, 1.99m, 2.0m, 2.01m, 2.5m, 5m, 9.9m, 10m, 10.01m, 10.5m, 11m, 23.9m, 24m, 24.01m, 24.5m,
        25m, 48m, 59.9m, 60m, 60.01m, 60.5m, 61m, 119m, 119.9m, 120m, 121m, 300m, 1440m,
    ];

    private static readonly (int True, int Null)[] AnswerProfiles = [(0, 0), (3, 0), (3, 3), (10, 5), (25, 10), (40, 30), (5, 50), (60, 0)];

    private static readonly RiskFactors[] Flags = RiskFactorCatalog.All.Select(r => r.Flag).ToArray();

    private static readonly BirthMode?[] BirthModes =
        [null, BirthMode.Vaginal, BirthMode.OperativeVaginal, BirthMode.CaesareanPlanned, BirthMode.CaesareanInLabour];

    private static readonly int[] PostpartumDays = [0, 1, 2, 10, 41, 42, 43, 44, 100, 364, 365];

    /// <summary>A yes/no answer: yes with <paramref name="truePct"/> %, unanswered with <paramref name="nullPct"/> %, else no.</summary>
    public static Gen<bool?> Answer(int truePct, int nullPct) =>
        Gen.Choose(0, 99).Select(k => k < nullPct ? null : k < nullPct + truePct ? true : (bool?)false);

    /// <summary>The boundaries of the rules reading each number (exact triggers and the defaults of <see cref="TriageOptions"/>).</summary>
    public static readonly decimal[] CrampMinuteBoundaries = [0m, 1m, 9.9m, 9.99m, 10m, 10.01m, 10.5m, 11m];

    public static readonly decimal[] PainHourBoundaries =
        [0m, 0.5m, 1.9m, 1.99m, 2m, 2.0m, 2.01m, 2.5m, 3.9m, 3.99m, 4m, 4.0m, 4.01m, 5.5m, 5.9m, 5.99m, 6m, 6.0m, 6.01m, 23.9m, 23.99m, 24m, 24.0m, 24.01m, 24.5m, 25m];

    public static readonly decimal[] ContinuousMinuteBoundaries =
        [0m, 9.9m, 10m, 10.01m, 10.5m, 11m, 59.9m, 59.99m, 60m, 60.0m, 60.01m, 60.5m, 61m, 119m, 119.9m, 119.99m, 120m, 120.01m, 121m];

    public static readonly decimal[] CalfBoundaries = [0m, 0.5m, 0.9m, 0.99m, 1m, 1.0m, 1.01m, 1.4m, 1.49m, 1.5m, 1.50m, 1.51m, 1.9m, 1.99m, 2m, 2.0m, 2.01m, 2.5m];

    /// <summary>
    /// A non-negative decimal: null with <paramref name="nullPct"/> %; otherwise about half the time one of the field's own
    /// boundaries, and otherwise any rule boundary or an arbitrary value with up to 2 decimals (0–30 or 0–2000).
    /// </summary>
    public static Gen<decimal?> Number(int nullPct, decimal[] fieldBoundaries) =>
        from k in Gen.Choose(0, 99)
        from own in Gen.Elements(fieldBoundaries)
        from boundary in Gen.Elements(Boundaries)
        from small in Gen.Choose(0, 3000)
        from large in Gen.Choose(0, 200_000)
        select k < nullPct ? null
            : k < nullPct + (100 - nullPct) / 2 ? own
            : k < nullPct + (100 - nullPct) * 2 / 3 ? boundary
            : k % 2 == 0 ? new decimal(small, 0, 0, false, 2)   // 0.00–30.00
            : (decimal?)new decimal(large, 0, 0, false, 2);     // 0.00–2000.00

    /// <summary>Any set of the 24 RCOG risk factors: none, one, a few, or any combination.</summary>
    public static Gen<RiskFactors> Risks { get; } = Gen.Frequency(
        (3, Gen.Constant(RiskFactors.None)),
        (3, Gen.Elements(Flags)),
        (3, Gen.Choose(0, 99).ArrayOf(Flags.Length).Select(pct => Combine(pct, 12))),
        (2, Gen.Choose(0, (1 << 24) - 1).Select(bits => (RiskFactors)bits)));

    private static RiskFactors Combine(int[] pct, int threshold)
    {
        var set = RiskFactors.None;
        for (var i = 0; i < Flags.Length; i++)
        {
            if (pct[i] < threshold)
            {
                set |= Flags[i];
            }
        }

        return set;
    }

    /// <summary>The other cramp nights (bits 1–28): none, sparse, dense or any.</summary>
    public static Gen<uint> NightsAgo { get; } = Gen.Frequency(
        (3, Gen.Constant(0u)),
        (3, Gen.Choose(0, 99).ArrayOf(TriageInput.MaxNightsAgo).Select(pct => Nights(pct, 30))),
        (2, Gen.Choose(0, 99).ArrayOf(TriageInput.MaxNightsAgo).Select(pct => Nights(pct, 70))),
        (1, Gen.Choose(0, (1 << TriageInput.MaxNightsAgo) - 1).Select(bits => (uint)bits << 1)));

    private static uint Nights(int[] pct, int threshold)
    {
        uint mask = 0;
        for (var n = 1; n <= TriageInput.MaxNightsAgo; n++)
        {
            if (pct[n - 1] < threshold)
            {
                mask |= 1u << n;
            }
        }

        return mask;
    }

    /// <summary>
    /// Pregnant (week 4–42), after a birth (day 0–365, any birth mode or none, pregnancyEnd "birth" or not given), after a
    /// loss (day 0–365, no birth mode) or neither (the stage not known, the app only).
    /// </summary>
    public static Gen<(int? Week, int? Day, PregnancyEnd End, BirthMode? Birth)> Stage { get; } = Gen.Frequency(
        (4, Gen.Choose(4, 42).Select(w => ((int?)w, (int?)null, PregnancyEnd.NotGiven, (BirthMode?)null))),
        (2, from day in Gen.Elements(PostpartumDays)
            from birth in Gen.Elements(BirthModes)
            from end in Gen.Elements(PregnancyEnd.NotGiven, PregnancyEnd.Birth)
            select ((int?)null, (int?)day, end, birth)),
        (2, from day in Gen.Choose(0, 365)
            from birth in Gen.Elements(BirthModes)
            from end in Gen.Elements(PregnancyEnd.NotGiven, PregnancyEnd.Birth)
            select ((int?)null, (int?)day, end, birth)),
        (2, from day in Gen.Frequency((1, Gen.Elements(PostpartumDays)), (1, Gen.Choose(0, 365)))
            select ((int?)null, (int?)day, PregnancyEnd.Loss, (BirthMode?)null)),
        (1, Gen.Elements(BirthModes).Select(birth => ((int?)null, (int?)null, PregnancyEnd.NotGiven, birth))));

    public static Gen<TriageSide> Side { get; } = Gen.Elements(TriageSide.NotGiven, TriageSide.None, TriageSide.Left, TriageSide.Right, TriageSide.Both);

    public static Gen<Swelling> Swellings { get; } = Gen.Frequency(
        (6, Gen.Constant(Swelling.None)),
        (5, Gen.Elements(Swelling.NotAnswered, Swelling.OneLeg, Swelling.WholeLeg, Swelling.BothAnklesGradual, Swelling.NotOneLeg)));

    private static Gen<(bool Given, decimal? Hours, bool? Improving, TriageSide Side, bool? Gone)> PainAfterCramp(int truePct, int nullPct) => Gen.Frequency(
        (1, Gen.Constant((false, (decimal?)null, (bool?)null, TriageSide.NotGiven, (bool?)null))),
        (1, from hours in Number(10, PainHourBoundaries)
            from improving in Answer(50, nullPct)
            from side in Gen.Elements(TriageSide.NotGiven, TriageSide.Left, TriageSide.Right, TriageSide.Both)
            from gone in Answer(25, 40)
            select (true, hours, improving, side, gone)));

    /// <summary>The quick "more than 10 minutes?": unanswered, or any answer when the minutes are not given, else agreeing with them.</summary>
    private static Gen<bool?> Over10(decimal? crampMinutes, int nullPct) =>
        from answer in Answer(40, nullPct)
        from keep in Gen.Choose(0, 1)
        select crampMinutes is { } m && answer is not null ? (keep == 0 ? null : m > 10m) : answer;

    /// <summary>
    /// A whole input: any combination, or (2 in 5) one calmed towards a typical cramp, where each group of fields is
    /// independently reset to its typical-cramp value with 75 % chance, so NONE results and single signs near their
    /// boundaries are common too.
    /// </summary>
    public static Gen<TriageInput> Input => Gen.Frequency(
        (3, AnyInput),
        (2, from input in AnyInput
            from reset in Gen.Choose(0, 99).ArrayOf(9)
            select Calm(input, reset)));

    private static TriageInput Calm(TriageInput i, int[] reset)
    {
        const int Pct = 75;
        if (reset[0] < Pct)
        {
            i = i with { SuddenBreathlessness = false, ChestPain = false, CoughingBlood = false, Fainted = false, RedOrDarkerSkin = false, Warmth = false };
        }

        if (reset[1] < Pct)
        {
            i = i with
            {
                RacingHeart = false, Dizziness = false, GradualBreathlessness = false, FaceOrHandSwelling = false, SuddenFeetSwelling = false,
                SevereHeadache = false, VisionProblems = false, PainBelowRibs = false,
            };
        }

        if (reset[2] < Pct)
        {
            i = i with { HeavyAche = false, PainOnWalkingOrStanding = false, PainPullingToesUp = false, Tenderness = false, HardSoreVein = false, Fever = false, ButtockGroinOrBackPain = false };
        }

        if (reset[3] < Pct)
        {
            i = i with { RiskFactors = RiskFactors.None };
        }

        if (reset[4] < Pct)
        {
            i = i with { CrampNightsAgo = 0, SleepBadlyDisturbed = false };
        }

        if (reset[5] < Pct)
        {
            i = i with { CalfDifferenceCm = null, ContinuousPainMinutes = null };
        }

        if (reset[6] < Pct)
        {
            i = reset[6] % 3 == 0
                ? i with { CrampMinutes = null, CrampOver10Minutes = false, Relieved = true }
                : i with { CrampMinutes = reset[6] % 10, CrampOver10Minutes = reset[6] % 2 == 0 ? null : false, Relieved = true };
        }

        if (reset[7] < Pct)
        {
            i = i with { HasPainAfterCramp = false, PainAfterHours = null, PainAfterImproving = null, PainAfterSide = TriageSide.NotGiven, PainAfterGone = null };
        }

        if (reset[8] < Pct)
        {
            i = i with { Swelling = Swelling.None };
        }

        return i;
    }

    private static Gen<TriageInput> AnyInput { get; } =
        from profile in Gen.Elements(AnswerProfiles)
        from answers in Answer(profile.True, profile.Null).ArrayOf(21)
        from relieved in Answer(75, profile.Null)
        from stage in Stage
        from risks in Risks
        from side in Side
        from swelling in Swellings
        from crampMinutes in Number(15, CrampMinuteBoundaries)
        from over10 in Over10(crampMinutes, profile.Null + 20)
        from painAfter in PainAfterCramp(profile.True, profile.Null)
        from continuous in Gen.Frequency((3, Gen.Constant((decimal?)null)), (2, Number(0, ContinuousMinuteBoundaries)))
        from calf in Gen.Frequency((1, Gen.Constant((decimal?)null)), (1, Number(0, CalfBoundaries)))
        from nights in NightsAgo
        from sleep in Answer(10, 30)
        select new TriageInput
        {
            GestationalWeek = stage.Week,
            PostpartumDay = stage.Day,
            PregnancyEnd = stage.End,
            Birth = stage.Birth,
            RiskFactors = risks,
            Side = side,
            CrampMinutes = crampMinutes,
            CrampOver10Minutes = over10,
            Relieved = relieved,
            HasPainAfterCramp = painAfter.Given,
            PainAfterHours = painAfter.Hours,
            PainAfterImproving = painAfter.Improving,
            PainAfterSide = painAfter.Side,
            PainAfterGone = painAfter.Gone,
            ContinuousPainMinutes = continuous,
            HeavyAche = answers[0],
            PainOnWalkingOrStanding = answers[1],
            PainPullingToesUp = answers[2],
            Tenderness = answers[3],
            HardSoreVein = answers[4],
            Swelling = swelling,
            CalfDifferenceCm = calf,
            RedOrDarkerSkin = answers[5],
            Warmth = answers[6],
            Fever = answers[7],
            ButtockGroinOrBackPain = answers[8],
            SuddenBreathlessness = answers[9],
            GradualBreathlessness = answers[10],
            ChestPain = answers[11],
            CoughingBlood = answers[12],
            Fainted = answers[13],
            RacingHeart = answers[14],
            Dizziness = answers[15],
            FaceOrHandSwelling = answers[16],
            SevereHeadache = answers[17],
            VisionProblems = answers[18],
            PainBelowRibs = answers[19],
            SuddenFeetSwelling = answers[20],
            CrampNightsAgo = nights,
            SleepBadlyDisturbed = sleep,
        };
}

/// <summary>The arbitraries the properties use (FsCheck finds the public static methods returning <see cref="Arbitrary{T}"/>).</summary>
public static class TriageArbitraries
{
    public static Arbitrary<TriageInput> Inputs() => Arb.From(TriageGenerators.Input);

    public static Arbitrary<RiskFactors> RiskFactorSets() => Arb.From(TriageGenerators.Risks);
}
