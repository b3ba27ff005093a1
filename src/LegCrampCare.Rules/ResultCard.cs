namespace LegCrampCare.Rules;

/// <summary>Which card a result is: what to do now comes first, and there is one thing to do.</summary>
public enum CardKind : byte
{
    Emergency,
    Urgent,
    Routine,

    /// <summary>FS-1 with nothing urgent: the unanswered questions come first.</summary>
    Incomplete,

    /// <summary>An ordinary cramp, or nothing that is a warning sign: what helps, with the safety net.</summary>
    None,
}

/// <summary>Whom the card's call button rings.</summary>
public enum CallTarget : byte
{
    Emergency,
    MaternityTriage,
    UrgentLine,
}

/// <summary>A full-width tap-to-call button.</summary>
public sealed record CallButton(CallTarget Target, string Label, string Tel);

/// <summary>One reason shown on a card (W9): the rule and what she is told about it.</summary>
public sealed record CardReason(RuleId Id, string Code, TriageLevel Level, string Text);

/// <summary>
/// Everything a result card says, in order, built from a stored assessment by <see cref="ResultCardBuilder"/>: the page
/// only lays it out. The same model serves every place a result is shown (after a save, a cramp's page, the pain
/// follow-up), so the words, the clock and the numbers can't differ between them.
/// </summary>
public sealed record ResultCard
{
    public required CardKind Kind { get; init; }

    public required string Heading { get; init; }

    /// <summary>The button to call with (EMERGENCY, URGENT); null when there is nothing to ring now.</summary>
    public CallButton? Call { get; init; }

    /// <summary>What to do, in order, after the heading (and the button).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>"Because you told us:" or, when her midwife's measurement fired a rule, "Because of what you told us and your midwife's measurement:".</summary>
    public string ReasonsIntro { get; init; } = PatientWording.BecauseYouToldUs;

    /// <summary>W9: at most three reasons, highest level first, then in table order.</summary>
    public IReadOnlyList<CardReason> Reasons { get; init; } = [];

    /// <summary>W9: the rest, behind "More".</summary>
    public IReadOnlyList<CardReason> MoreReasons { get; init; } = [];

    /// <summary>"Do not rub, massage or heat…" when a leg sign fired.</summary>
    public string? LegAdvice { get; init; }

    /// <summary>The questions FS-1 reads that are unanswered (shown with "Answer them now").</summary>
    public IReadOnlyList<TriageField> Unanswered { get; init; } = [];

    /// <summary>W8: "Not answered yet: Is the pain still there?" / "…Which leg still hurts?" (they change no level).</summary>
    public IReadOnlyList<string> NotAnsweredYet { get; init; } = [];

    /// <summary>Besides the level's own words: NO-2's note about slow ankle swelling in pregnancy.</summary>
    public string? Note { get; init; }

    /// <summary>Pain is still there (NONE, ROUTINE or incomplete): "For now" with the leg advice, instead of the self-care list.</summary>
    public string? ForNow { get; init; }

    /// <summary>W5: when to act if the pain is still there, as a clock time; null when no clock applies.</summary>
    public string? Clock { get; init; }

    /// <summary>The self-care list (NONE with no pain still there).</summary>
    public bool ShowsSelfCare { get; init; }

    /// <summary>NO-1: "Some soreness for up to a day is normal."</summary>
    public bool SorenessIsNormal { get; init; }

    /// <summary>A re-assessment under a newer rule set (W12): conditional wording, no clock.</summary>
    public bool IsReassessment { get; init; }

    /// <summary>It says to call maternity triage but has no number for it: invite her to add her unit's number.</summary>
    public bool SuggestsAddingNumber { get; init; }

    /// <summary>She needs to act now (URGENT or EMERGENCY): announced as an alert when it is new.</summary>
    public bool IsUrgent => Kind is CardKind.Emergency or CardKind.Urgent;
}

/// <summary>What a card needs besides the assessment: when it was given, where she is, and the numbers to call.</summary>
public sealed record ResultCardContext(
    DateTime AssessedAtUtc,
    TimeZoneInfo Zone,
    ContactNumbers Contacts,
    bool IsReassessment = false,
    bool MidwifeMeasured = false,
    bool PainQuestionUnanswered = false,
    DateTime? PainKnownUntilUtc = null,
    DateTime? CrampStartedAtUtc = null)
{
    /// <summary>
    /// The context of a result for one cramp, as the server and the phone both make it: her unanswered pain question, a
    /// midwife's measurement that the rules read, when the pain was last known about, when the cramp began.
    /// </summary>
    public static ResultCardContext For(CrampFacts cramp, TriageExplanation explanation, DateTime assessedAtUtc, TimeZoneInfo zone,
        ContactNumbers contacts, bool isReassessment = false, DateTime? painKnownUntilUtc = null) =>
        new(
            assessedAtUtc,
            zone,
            contacts,
            IsReassessment: isReassessment,
            MidwifeMeasured: cramp.MidwifeCalfDifferenceCm is { } measured && explanation.Input.CalfDifferenceCm == measured,
            PainQuestionUnanswered: cramp.Answers.PainStillThere == Answer.NotAnswered,
            PainKnownUntilUtc: painKnownUntilUtc ?? assessedAtUtc,
            CrampStartedAtUtc: cramp.StartedAtUtc);
}

/// <summary>
/// Builds a result card from an explained assessment, by clinical README §8: who to call (W1, W2, W3), the clock for pain
/// still there (W5), unanswered questions (W8), the reasons (W9), after a loss (W10) and re-assessments (W12).
/// </summary>
public static class ResultCardBuilder
{
    public const string IncompleteHeading = "We can't check this was an ordinary cramp until you answer";
    public const string RoutineHeading = "Mention it at your next appointment";
    public const string OrdinaryCrampHeading = "This sounds like an ordinary cramp";
    public const string NoWarningSignHeading = "Nothing you told us is a warning sign";
    public const string NothingUrgent = "Nothing you told us needs help straight away.";
    public const string DoNotDrive = "Do not drive yourself. If you can, ask someone to stay with you.";
    public const string TellThem = "Tell them what you told us.";
    public const string EmergencyLegAdvice = "Do not rub, massage or heat your leg.";
    public const string UrgentLegAdvice = "Until you are checked, do not rub, massage or heat that leg.";
    public const string ForNowText =
        "The pain is still there after the cramp. While it stays, do not rub, massage or heat that leg. Gently moving your foot and walking about is fine.";

    private static readonly RuleId[] LegSigns =
    [
        RuleId.Ur1, RuleId.Ur2, RuleId.Ur3, RuleId.Ur4, RuleId.Ur5, RuleId.Ur6, RuleId.Ur7, RuleId.Ur8, RuleId.Ur9, RuleId.Ur10, RuleId.Ur14,
    ];

    private static readonly RuleId[] ReadCalfDifference = [RuleId.Ur2, RuleId.Ur14, RuleId.Ro3];

    public static ResultCard Build(TriageExplanation explanation, ResultCardContext context)
    {
        var result = explanation.Result;
        var wording = explanation.Wording;
        var words = context.Contacts.Words;
        var rules = result.Rules;
        var kind = result.Level switch
        {
            TriageLevel.Emergency => CardKind.Emergency,
            TriageLevel.Urgent => CardKind.Urgent,
            TriageLevel.Routine when rules.Contains(RuleId.Fs1) => CardKind.Incomplete,
            TriageLevel.Routine => CardKind.Routine,
            _ => CardKind.None,
        };
        var reassessment = context.IsReassessment;
        var legSign = LegSigns.Any(rules.Contains);

        // W9: reasons highest level first, then in table order; FS-1, NO-1 and NO-2 are not reasons; the same words once
        // (with the stage unknown UR-12 and UR-13 say the same thing). An incomplete card lists its ROUTINE reasons.
        var reasons = explanation.Rules
            .Where(r => r.Id is not (RuleId.Fs1 or RuleId.No1 or RuleId.No2) && !string.IsNullOrWhiteSpace(r.Message))
            .OrderByDescending(r => r.Level)
            .ThenBy(r => r.Id)
            .Select(r => new CardReason(r.Id, r.Code, r.Level, r.Message))
            .DistinctBy(r => r.Text)
            .ToList();

        var card = kind switch
        {
            CardKind.Emergency => new ResultCard
            {
                Kind = kind,
                Heading = $"Call {words.EmergencyNumber} now",
                Call = new CallButton(CallTarget.Emergency, $"Call {context.Contacts.Emergency.Display}", context.Contacts.Emergency.Tel),
                Actions = reassessment ? [.. PatientWording.ReassessedActions(result.Level, wording, words), DoNotDrive] : [DoNotDrive],
                LegAdvice = legSign ? EmergencyLegAdvice : null,
            },
            CardKind.Urgent => new ResultCard
            {
                Kind = kind,
                Heading = PatientWording.UrgentHeading(wording, words, rules.Contains(RuleId.Ur11)),
                Call = UrgentCall(wording, context.Contacts),
                Actions = reassessment
                    ? PatientWording.ReassessedActions(result.Level, wording, words)
                    : [PatientWording.UrgentAction(wording, words, wording.Later ? null : context.Contacts.MaternityTriage?.Display), TellThem],
                LegAdvice = legSign ? UrgentLegAdvice : null,
            },
            CardKind.Routine => new ResultCard
            {
                Kind = kind,
                Heading = RoutineHeading,
                Actions = reassessment ? PatientWording.ReassessedActions(result.Level, wording, words) : [NothingUrgent],
            },
            CardKind.Incomplete => new ResultCard
            {
                Kind = kind,
                Heading = IncompleteHeading,
                Unanswered = explanation.UnansweredRedFlags,
            },
            _ => new ResultCard
            {
                Kind = kind,
                Heading = rules.Contains(RuleId.No1) ? OrdinaryCrampHeading : NoWarningSignHeading,
                Note = explanation.Rules.FirstOrDefault(r => r.Id == RuleId.No2)?.Message,
            },
        };

        // W5: pain still there at NONE or ROUTINE (incomplete included): "For now", with the clock, never on a re-assessment.
        var painStillThere = explanation.PainStillThere && kind is CardKind.None or CardKind.Routine or CardKind.Incomplete;
        var clock = painStillThere && !reassessment && explanation.IsCurrentRuleSet ? Clock(explanation, context) : null;

        var notAnswered = new List<string>();
        if (context.PainQuestionUnanswered)
        {
            notAnswered.Add(PatientWording.PainStillThereUnanswered);
        }

        if (explanation.PainSideUnanswered)
        {
            notAnswered.Add(PatientWording.PainSideUnanswered);
        }

        var midwifeFired = context.MidwifeMeasured && ReadCalfDifference.Any(rules.Contains);
        return card with
        {
            ReasonsIntro = midwifeFired ? PatientWording.BecauseOfMidwifeMeasurement : PatientWording.BecauseYouToldUs,
            Reasons = reasons.Take(PatientWording.ReasonsShown).ToList(),
            MoreReasons = reasons.Skip(PatientWording.ReasonsShown).ToList(),
            Unanswered = kind == CardKind.None ? [] : explanation.UnansweredRedFlags,
            NotAnsweredYet = notAnswered,
            ForNow = painStillThere ? ForNowText : null,
            Clock = clock,
            ShowsSelfCare = kind == CardKind.None && !explanation.PainStillThere,
            SorenessIsNormal = kind == CardKind.None && rules.Contains(RuleId.No1) && !explanation.PainStillThere,
            IsReassessment = reassessment,
            SuggestsAddingNumber = kind == CardKind.Urgent && !wording.Later && context.Contacts.MaternityTriage is null,
        };
    }

    /// <summary>
    /// W1: maternity triage's number when there is one; otherwise, and after day 42, the urgent advice line (the fallback
    /// W1 always names).
    /// </summary>
    public static CallButton UrgentCall(WordingContext wording, ContactNumbers contacts) =>
        !wording.Later && contacts.MaternityTriage is { } triage
            ? new CallButton(CallTarget.MaternityTriage, $"Call maternity triage: {triage.Display}", triage.Tel)
            : new CallButton(CallTarget.UrgentLine, $"Call {contacts.UrgentLineName}", contacts.UrgentLine.Tel);

    /// <summary>
    /// W5: every clock whose condition holds, from S = the assessment time − the pain hours; the earliest that is later
    /// than the assessment, as her local "HH:mm" with "today" or "tomorrow"; none when every clock has passed.
    /// </summary>
    public static string? Clock(TriageExplanation explanation, ResultCardContext context)
    {
        var input = explanation.Input;
        var options = explanation.Options;
        if (!explanation.PainStillThere)
        {
            return null;
        }

        // S: the assessment time (or her last answer about the pain) minus the pain hours. Hours the app counted from the
        // cramp's start are rounded up to a tenth, which would put S (and the clock) up to 6 minutes before the cramp
        // began: then S is the cramp's start. Hours she gave that reach further back are hers, and kept.
        var start = (context.PainKnownUntilUtc ?? context.AssessedAtUtc) - TimeSpan.FromHours((double)(input.PainAfterHours ?? 0m));
        if (context.CrampStartedAtUtc is { } cramp && cramp > start && cramp - start <= TimeSpan.FromHours(0.1))
        {
            start = cramp;
        }
        var clocks = new List<(PatientWording.ClockKind Kind, decimal Hours)>();
        if (explanation.Result.HighRiskContext)
        {
            clocks.Add((PatientWording.ClockKind.HighRisk, options.HighRiskPainHours));
        }

        if (input.PainAfterImproving != true)
        {
            clocks.Add((PatientWording.ClockKind.NotImproving, options.NotImprovingUrgentHours));
            if (input.CalfDifferenceCm >= options.CombinedCalfDifferenceCm)
            {
                clocks.Add((PatientWording.ClockKind.Combined, options.CombinedPainHours));
            }
        }
        else
        {
            clocks.Add((PatientWording.ClockKind.Improving, options.NormalSorenessMaxHours));
        }

        var next = clocks
            .Select(c => (c.Kind, c.Hours, At: start + TimeSpan.FromHours((double)c.Hours)))
            .Where(c => c.At > context.AssessedAtUtc)
            .OrderBy(c => c.At)
            .FirstOrDefault();
        if (next.At == default)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(next.At, DateTimeKind.Utc), context.Zone);
        var today = DateOnly.FromDateTime(local) == DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(context.AssessedAtUtc, DateTimeKind.Utc), context.Zone));
        return PatientWording.Clock(next.Kind, explanation.Wording, context.Contacts.Words, local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), today, next.Hours);
    }
}
