namespace LegCrampCare.Rules;

/// <summary>Where the leg symptoms are (the case format's <c>episode.side</c>).</summary>
public enum TriageSide : byte
{
    NotGiven = 0,

    /// <summary>No leg symptoms this time.</summary>
    None = 1,
    Left = 2,
    Right = 3,
    Both = 4,
}

/// <summary>How the pregnancy ended (the case format's <c>patient.pregnancyEnd</c>); read only with a postpartum day.</summary>
public enum PregnancyEnd : byte
{
    /// <summary>Not given: read as a birth.</summary>
    NotGiven = 0,
    Birth = 1,

    /// <summary>Ended without a birth (miscarriage, ectopic pregnancy, termination, or an end with no birth date).</summary>
    Loss = 2,
}

/// <summary>
/// Everything one assessment reads, field for field the triage case format (shared triage-cases.md): the patient's
/// context, the episode, other symptoms and her recent history. A value: evaluating it allocates nothing. A yes/no
/// answer is <c>null</c> when not answered; the engine never reads that as "no" where it matters (principle 2).
/// </summary>
public readonly record struct TriageInput
{
    // patient
    /// <summary>Completed weeks of pregnancy (4–42 in case files); null after the pregnancy ended or when unknown.</summary>
    public int? GestationalWeek { get; init; }

    /// <summary>
    /// Days since the pregnancy ended (0–365): since the birth, or since the loss when <see cref="PregnancyEnd"/> is
    /// <see cref="Rules.PregnancyEnd.Loss"/>. Null while pregnant or when unknown. With neither this nor
    /// <see cref="GestationalWeek"/> the stage is unknown (the app only), which every stage-bound rule reads as the
    /// maternity period (clinical README §2, "How the app fills the inputs").
    /// </summary>
    public int? PostpartumDay { get; init; }

    /// <summary>How the pregnancy ended: a birth (also when not given) or a loss. Only with <see cref="PostpartumDay"/>.</summary>
    public PregnancyEnd PregnancyEnd { get; init; }

    /// <summary>How the baby was born; only read after birth.</summary>
    public BirthMode? Birth { get; init; }

    public RiskFactors RiskFactors { get; init; }

    // episode
    public TriageSide Side { get; init; }

    /// <summary>How long the cramp itself lasted; null when there was no cramp or it is not known.</summary>
    public decimal? CrampMinutes { get; init; }

    /// <summary>The quick "Did it last more than 10 minutes?" (10 = <see cref="TriageOptions.TypicalCrampMaxMinutes"/>); null = not answered.</summary>
    public bool? CrampOver10Minutes { get; init; }

    /// <summary>Eased by stretching, massage or walking.</summary>
    public bool? Relieved { get; init; }

    /// <summary>
    /// Pain remained after the cramp released (the case format's <c>painAfterCramp</c> is given), whether or not it has
    /// gone since (<see cref="PainAfterGone"/>).
    /// </summary>
    public bool HasPainAfterCramp { get; init; }

    /// <summary>For how long so far, or, once gone, how long it lasted, in hours (only with <see cref="HasPainAfterCramp"/>).</summary>
    public decimal? PainAfterHours { get; init; }

    /// <summary>Whether that pain is getting better (only with <see cref="HasPainAfterCramp"/>); null is read as not improving.</summary>
    public bool? PainAfterImproving { get; init; }

    /// <summary>"Which leg still hurts?" (only with <see cref="HasPainAfterCramp"/>): never gates a rule; LEFt reads it.</summary>
    public TriageSide PainAfterSide { get; init; }

    /// <summary>True when the pain had gone by the time of the assessment (only with <see cref="HasPainAfterCramp"/>).</summary>
    public bool? PainAfterGone { get; init; }

    /// <summary>Continuous severe pain with no clear release, in minutes.</summary>
    public decimal? ContinuousPainMinutes { get; init; }

    public bool? HeavyAche { get; init; }
    public bool? PainOnWalkingOrStanding { get; init; }
    public bool? PainPullingToesUp { get; init; }

    /// <summary>Tender when pressing along the back of the calf or thigh.</summary>
    public bool? Tenderness { get; init; }
    public bool? HardSoreVein { get; init; }

    /// <summary><see cref="Swelling.NotAnswered"/> is "not answered"; <see cref="Swelling.NotOneLeg"/> (the app's quick
    /// "no") is answered but is not "none".</summary>
    public Swelling Swelling { get; init; }

    /// <summary>Measured difference between the calves, in centimetres.</summary>
    public decimal? CalfDifferenceCm { get; init; }

    public bool? RedOrDarkerSkin { get; init; }
    public bool? Warmth { get; init; }

    /// <summary>Fever or feeling generally unwell.</summary>
    public bool? Fever { get; init; }
    public bool? ButtockGroinOrBackPain { get; init; }

    // symptoms
    public bool? SuddenBreathlessness { get; init; }
    public bool? GradualBreathlessness { get; init; }
    public bool? ChestPain { get; init; }
    public bool? CoughingBlood { get; init; }
    public bool? Fainted { get; init; }
    public bool? RacingHeart { get; init; }
    public bool? Dizziness { get; init; }
    public bool? FaceOrHandSwelling { get; init; }

    /// <summary>Sudden swelling of the feet or ankles (not the slow evening swelling of both ankles). Not a red-flag question.</summary>
    public bool? SuddenFeetSwelling { get; init; }
    public bool? SevereHeadache { get; init; }
    public bool? VisionProblems { get; init; }
    public bool? PainBelowRibs { get; init; }

    // history
    /// <summary>Other nights with a logged cramp as bits: bit n set = n nights before this episode's night (1–28).</summary>
    public uint CrampNightsAgo { get; init; }

    public bool? SleepBadlyDisturbed { get; init; }

    public const int MaxNightsAgo = 28;

    /// <summary>The history bit mask for the given nights ago (each 1–28).</summary>
    public static uint NightsAgoMask(IEnumerable<int> nightsAgo)
    {
        uint mask = 0;
        foreach (var n in nightsAgo)
        {
            if (n is < 1 or > MaxNightsAgo)
            {
                throw new ArgumentOutOfRangeException(nameof(nightsAgo), n, "Nights ago must be 1 to 28.");
            }

            mask |= 1u << n;
        }

        return mask;
    }

    /// <summary>The nights ago in the history mask, ascending.</summary>
    public IEnumerable<int> NightsAgo()
    {
        for (var n = 1; n <= MaxNightsAgo; n++)
        {
            if ((CrampNightsAgo & (1u << n)) != 0)
            {
                yield return n;
            }
        }
    }
}
