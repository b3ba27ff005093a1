using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Profile;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Web.Api;

/// <summary>Where a cramp was felt (any of them).</summary>
public enum CrampPlace
{
    Calf = 1,
    Foot = 2,
    Thigh = 4,
}

/// <summary>What helped (any of them; "nothing" on its own).</summary>
public enum Relief
{
    Stretching = 1,
    Massage = 2,
    Walking = 4,
    Warmth = 8,
    Nothing = 16,
}

/// <summary>
/// What she records about a cramp (the body of an edit, <c>PUT /api/v1/episodes/{id}</c>): the whole record, so a field
/// left out is "not known" (null, or "notAnswered" for a question).
/// </summary>
public record EpisodeBody
{
    /// <summary>When the cramp started: an instant with its offset, e.g. 2026-12-07T03:10:00+00:00.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public Side? Side { get; init; }

    public int? DurationMinutes { get; init; }

    public IReadOnlyList<CrampPlace>? Locations { get; init; }

    public int? PainScore { get; init; }

    public IReadOnlyList<Relief>? HelpedBy { get; init; }

    public decimal? PainAfterHours { get; init; }

    public int? ContinuousPainMinutes { get; init; }

    public decimal? CalfDifferenceCm { get; init; }

    public EpisodeAnswers? Answers { get; init; }

    public string? Notes { get; init; }

    /// <summary>The service's request from this body, once <see cref="ApiFields.Required"/> has checked the required fields.</summary>
    public EpisodeDetails ToDetails() => new()
    {
        Side = Side ?? default,
        DurationMinutes = DurationMinutes,
        Locations = (Locations ?? []).Aggregate(CrampLocations.None, (all, l) => all | (CrampLocations)(int)l),
        PainScore = PainScore,
        HelpedBy = (HelpedBy ?? []).Aggregate(ReliefMethods.None, (all, r) => all | (ReliefMethods)(int)r),
        PainAfterHours = PainAfterHours,
        ContinuousPainMinutes = ContinuousPainMinutes,
        CalfDifferenceCm = CalfDifferenceCm,
        Answers = Answers ?? new EpisodeAnswers(),
        Notes = Notes,
    };
}

/// <summary>
/// A new cramp (<c>POST /api/v1/episodes</c>): what is known so far, with the client's own id for it. Sending the same
/// body with the same <see cref="ClientId"/> again (a retry) stores nothing new.
/// </summary>
public sealed record EpisodeCreateBody : EpisodeBody
{
    /// <summary>A UUID the client makes once per cramp (unique for her) and sends again on every retry.</summary>
    public Guid? ClientId { get; init; }

    /// <summary>From a phone that kept the answers (the offline quick log): when she answered and what it showed her.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DeviceReportBody? Device { get; init; }
}

/// <summary>
/// What a phone reports with answers it kept (ADR 0021), by its own clock: <see cref="AnsweredAt"/> her last answer,
/// <see cref="SentAt"/> this request, <see cref="Shown"/> what its rules showed her. Not part of the cramp: a retry with
/// another <see cref="SentAt"/> is the same cramp.
/// </summary>
public sealed record DeviceReportBody
{
    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public ShownBody? Shown { get; init; }

    /// <summary>The service's report, or the field that is wrong.</summary>
    public (DeviceReport? Report, FieldError? Error) ToReport(string at)
    {
        if (Shown?.RuleSetVersion is { Length: > MaxVersionLength })
        {
            return (null, new FieldError($"{at}.shown.ruleSetVersion", $"'{at}.shown.ruleSetVersion' must be at most {MaxVersionLength} characters (the version the phone's rules reported, e.g. \"2026.2\")."));
        }

        if (Shown is not null && (Shown.Level is null || string.IsNullOrWhiteSpace(Shown.RuleSetVersion)))
        {
            return (null, new FieldError($"{at}.shown", $"'{at}.shown' needs both 'level' and 'ruleSetVersion' (what the phone's rules showed her), or leave it out."));
        }

        return (new DeviceReport(AnsweredAt?.UtcDateTime, SentAt?.UtcDateTime, Shown?.Level, Shown?.RuleSetVersion), null);
    }

    private const int MaxVersionLength = 64;
}

/// <summary>The level and rule-set version a phone's rules showed her.</summary>
public sealed record ShownBody(TriageLevel? Level, string? RuleSetVersion);

/// <summary>Her answers to some of the questions (<c>PATCH /api/v1/episodes/{id}/answers</c>): each one given replaces hers.</summary>
public sealed record AnswersPatchBody
{
    public Answer? SuddenBreathlessness { get; init; }
    public Answer? ChestPain { get; init; }
    public Answer? CoughingBlood { get; init; }
    public Answer? Fainted { get; init; }
    public Swelling? Swelling { get; init; }
    public Answer? RedOrDarkerSkin { get; init; }
    public Answer? Warmth { get; init; }
    public Answer? GradualBreathlessness { get; init; }
    public Answer? CrampOver10Minutes { get; init; }
    public Answer? EasedByStretching { get; init; }
    public Answer? PainStillThere { get; init; }
    public Side? PainSide { get; init; }
    public Answer? PainAfterImproving { get; init; }
    public Answer? HeavyAche { get; init; }
    public Answer? PainOnWalkingOrStanding { get; init; }
    public Answer? PainPullingToesUp { get; init; }
    public Answer? Tenderness { get; init; }
    public Answer? HardSoreVein { get; init; }
    public Answer? Fever { get; init; }
    public Answer? ButtockGroinOrBackPain { get; init; }
    public Answer? RacingHeart { get; init; }
    public Answer? Dizziness { get; init; }
    public Answer? FaceOrHandSwelling { get; init; }
    public Answer? SuddenFeetSwelling { get; init; }
    public Answer? SevereHeadache { get; init; }
    public Answer? VisionProblems { get; init; }
    public Answer? PainBelowRibs { get; init; }
    public Answer? SleepBadlyDisturbed { get; init; }

    /// <summary>From a phone that kept the answers (the offline quick log): when she answered and what it showed her.</summary>
    public DeviceReportBody? Device { get; init; }

    public EpisodeAnswers ApplyTo(EpisodeAnswers a) => a with
    {
        SuddenBreathlessness = SuddenBreathlessness ?? a.SuddenBreathlessness,
        ChestPain = ChestPain ?? a.ChestPain,
        CoughingBlood = CoughingBlood ?? a.CoughingBlood,
        Fainted = Fainted ?? a.Fainted,
        Swelling = Swelling ?? a.Swelling,
        RedOrDarkerSkin = RedOrDarkerSkin ?? a.RedOrDarkerSkin,
        Warmth = Warmth ?? a.Warmth,
        GradualBreathlessness = GradualBreathlessness ?? a.GradualBreathlessness,
        CrampOver10Minutes = CrampOver10Minutes ?? a.CrampOver10Minutes,
        EasedByStretching = EasedByStretching ?? a.EasedByStretching,
        PainStillThere = PainStillThere ?? a.PainStillThere,
        PainSide = PainSide ?? a.PainSide,
        PainAfterImproving = PainAfterImproving ?? a.PainAfterImproving,
        HeavyAche = HeavyAche ?? a.HeavyAche,
        PainOnWalkingOrStanding = PainOnWalkingOrStanding ?? a.PainOnWalkingOrStanding,
        PainPullingToesUp = PainPullingToesUp ?? a.PainPullingToesUp,
        Tenderness = Tenderness ?? a.Tenderness,
        HardSoreVein = HardSoreVein ?? a.HardSoreVein,
        Fever = Fever ?? a.Fever,
        ButtockGroinOrBackPain = ButtockGroinOrBackPain ?? a.ButtockGroinOrBackPain,
        RacingHeart = RacingHeart ?? a.RacingHeart,
        Dizziness = Dizziness ?? a.Dizziness,
        FaceOrHandSwelling = FaceOrHandSwelling ?? a.FaceOrHandSwelling,
        SuddenFeetSwelling = SuddenFeetSwelling ?? a.SuddenFeetSwelling,
        SevereHeadache = SevereHeadache ?? a.SevereHeadache,
        VisionProblems = VisionProblems ?? a.VisionProblems,
        PainBelowRibs = PainBelowRibs ?? a.PainBelowRibs,
        SleepBadlyDisturbed = SleepBadlyDisturbed ?? a.SleepBadlyDisturbed,
    };
}

/// <summary>"Is the pain still there?" (<c>POST /api/v1/episodes/{id}/pain-check</c>), and while it is, which leg.</summary>
public sealed record PainCheckBody
{
    public PainNow? PainNow { get; init; }

    public Side? StillHurts { get; init; }
}

/// <summary>One cramp as the API shows it, with its current assessment.</summary>
public sealed record EpisodeView(
    Guid Id,
    Guid ClientId,
    DateTimeOffset StartedAt,
    DateTime StartedAtLocal,
    DateOnly Night,
    string Stage,
    Side Side,
    int? DurationMinutes,
    IReadOnlyList<CrampPlace> Locations,
    int? PainScore,
    IReadOnlyList<Relief> HelpedBy,
    decimal? PainAfterHours,
    int? ContinuousPainMinutes,
    decimal? CalfDifferenceCm,
    decimal? MidwifeCalfDifferenceCm,
    EpisodeAnswers Answers,
    string? Notes,
    bool PainGone,
    bool HasMissingAnswers,
    AssessmentView? Assessment)
{
    public static EpisodeView From(EpisodeDto e) => new(
        e.Id,
        e.ClientId,
        new DateTimeOffset(DateTime.SpecifyKind(e.StartedAtUtc, DateTimeKind.Utc)),
        e.Details.StartedAtLocal,
        e.Night,
        e.StageLabel,
        e.Details.Side,
        e.Details.DurationMinutes,
        Enum.GetValues<CrampPlace>().Where(p => e.Details.Locations.HasFlag((CrampLocations)(int)p)).ToList(),
        e.Details.PainScore,
        Enum.GetValues<Relief>().Where(r => e.Details.HelpedBy.HasFlag((ReliefMethods)(int)r)).ToList(),
        e.Details.PainAfterHours,
        e.Details.ContinuousPainMinutes,
        e.Details.CalfDifferenceCm,
        e.MidwifeCalfDifferenceCm,
        e.Details.Answers,
        e.Details.Notes,
        e.PainGone,
        e.HasMissingAnswers,
        e.Assessment is { } a ? AssessmentView.From(a) : null);
}

/// <summary>
/// An assessment: the level, the rules that fired (their codes, e.g. "UR-2"), and where one cramp is shown, the result
/// card she reads (what to do now, who to call, why).
/// </summary>
public sealed record AssessmentView(
    Guid Id,
    DateTimeOffset AssessedAt,
    AssessmentReason Reason,
    string RuleSetVersion,
    TriageLevel Level,
    IReadOnlyList<string> Rules,
    bool IsIncomplete,
    bool IsFlag,
    FlagReviewView? Review,
    ResultCard? Card)
{
    public static AssessmentView From(AssessmentDto a) => new(
        a.Id,
        new DateTimeOffset(DateTime.SpecifyKind(a.AssessedAtUtc, DateTimeKind.Utc)),
        a.Reason,
        a.RuleSetVersion,
        a.Level,
        a.Rules.Select(r => r.ToCode()).ToList(),
        a.IsIncomplete,
        a.IsFlag,
        a.Review,
        a.Card);
}

/// <summary>A page of her cramps, newest first; <see cref="Next"/> is the cursor for the next page, null on the last.</summary>
public sealed record EpisodeListView(IReadOnlyList<EpisodeView> Items, string? Next);

/// <summary>What the rule engine needs about her (<c>GET /api/v1/me/profile</c>), and the numbers and thresholds in force.</summary>
public sealed record ProfileView(
    string TimeZone,
    DateOnly? DueDate,
    DateOnly? BirthDate,
    BirthMode? BirthMode,
    bool PregnancyEnded,
    bool IsPregnant,
    bool IsPostpartum,
    string Stage,
    WordingStage WordingStage,
    IReadOnlyList<string> RiskFactors,
    string? MaternityPhone,
    ContactsView Contacts,
    string RuleSetVersion,
    TriageOptions Thresholds)
{
    public static ProfileView From(ProfileDto p, TriageEngine engine) => new(
        p.Values.TimeZoneId,
        p.Values.DueDate,
        p.Values.BirthDate,
        p.Values.BirthMode,
        p.PregnancyEnded,
        p.IsPregnant,
        p.IsPostpartum,
        p.StageLabel,
        p.WordingToday.Stage,
        RiskFactorCatalog.In(p.Values.RiskFactors).Select(r => r.Code).ToList(),
        p.Values.MaternityPhone,
        new ContactsView(p.Contacts.Emergency, p.Contacts.MaternityTriage, p.Contacts.UrgentLineName, p.Contacts.UrgentLine),
        engine.RuleSetVersion,
        engine.Options);
}

/// <summary>
/// What the offline quick log keeps on her phone (<c>GET /api/v1/me/offline-kit</c>, ADR 0021): the facts of her profile
/// the rules read, her nights with cramps in the last four weeks, the thresholds and rule-set version in force, the
/// numbers to call, the safety net in her stage's words and the "later" notice (W6); <see cref="AccountKey"/> names her account on the phone
/// without her email or id; <see cref="ServerTime"/> lets the phone notice a clock that is far off.
/// </summary>
public sealed record OfflineKitView(
    string AccountKey,
    OfflinePatientView Patient,
    string TimeZone,
    IReadOnlyList<DateOnly> Nights,
    ContactsView Contacts,
    string RuleSetVersion,
    TriageOptions Options,
    IReadOnlyList<string> SafetyNet,
    IReadOnlyList<string> LaterNotice,
    IReadOnlyList<OfflineQuestionView> Questions,
    DateTimeOffset ServerTime)
{
    public static OfflineKitView From(string accountKey, ProfileDto p, IReadOnlyList<DateOnly> nights, TriageEngine engine, DateTimeOffset now)
    {
        var words = p.Contacts.Words;
        return new(
            accountKey,
            new OfflinePatientView(p.Facts?.DueDate, p.Facts?.BirthDate, p.Facts?.PregnancyEndedOn, p.Facts?.BirthMode,
                RiskFactorCatalog.In(p.Facts?.RiskFactors ?? RiskFactors.None).Select(r => r.Code).ToList()),
            p.Values.TimeZoneId,
            nights,
            new ContactsView(p.Contacts.Emergency, p.Contacts.MaternityTriage, p.Contacts.UrgentLineName, p.Contacts.UrgentLine),
            engine.RuleSetVersion,
            engine.Options,
            [PatientWording.SafetyNetEmergency(words), PatientWording.SafetyNetUrgent(p.WordingToday, words, p.Contacts.MaternityTriage?.Display)],
            PatientWording.LaterNotice(words),
            OfflineQuestionView.Quick(engine.Options),
            now);
    }

    /// <summary>
    /// An opaque, stable key for her account on a phone: a hash of her account's random id under a fixed label, never her
    /// email. Another account on the same browser has another key, so it never sees or sends her waiting cramps.
    /// </summary>
    public static string AccountKeyOf(System.Security.Claims.ClaimsPrincipal user) =>
        AccountKeyOf(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "");

    /// <summary>The key of the account with this user id (the drafts of the live pages use it too).</summary>
    public static string AccountKeyOf(string id)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("legcrampcare-offline-account:" + id));
        return Convert.ToHexStringLower(hash, 0, 16);
    }
}

/// <summary>
/// One yes/no question of the quick log, as the live pages ask it (<c>EpisodeQuestions</c>), with the answer it sets in the
/// API's words: <see cref="Answer"/> is the member of <c>answers</c>, <see cref="Yes"/> and <see cref="No"/> its values.
/// <see cref="WarningSign"/>: a "yes" is a warning sign (the red-flag questions). <see cref="AskedWhen"/>: asked only
/// when that answer was given (the questions about pain still there after the cramp).
/// </summary>
public sealed record OfflineQuestionView(string Id, string Label, string? Hint, string Answer, string? Yes, string? No, bool WarningSign, OfflineQuestionCondition? AskedWhen)
{
    /// <summary>For a question that is not yes/no (which leg): the answers offered, in order.</summary>
    public IReadOnlyList<OfflineChoiceView>? Choices { get; init; }

    /// <summary>The red-flag questions, the quick ones after them, then, with pain still there, the questions about it.</summary>
    public static IReadOnlyList<OfflineQuestionView> Quick(TriageOptions options)
    {
        var painStillThere = From(Components.Pages.Episodes.EpisodeQuestions.AfterRedFlags.Single(q => q.Id == "pain-still-there"), options, false, null);
        var whenPain = new OfflineQuestionCondition(painStillThere.Answer, painStillThere.Yes!);
        return
        [
            .. Components.Pages.Episodes.EpisodeQuestions.RedFlags.Select(q => From(q, options, true, null)),
            .. Components.Pages.Episodes.EpisodeQuestions.AfterRedFlags.Select(q => From(q, options, false, null)),
            new OfflineQuestionView("pain-side", Components.Shared.WhichLegQuestion.Label, null, "painSide", null, null, false, whenPain)
            {
                Choices = [.. Components.Shared.WhichLegQuestion.Sides.Select(s => new OfflineChoiceView(s.Label, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.Side.ToString())))],
            },
            .. Components.Pages.Episodes.EpisodeQuestions.PainLeft.Select(q => From(q, options, false, whenPain)),
        ];
    }

    /// <summary>Which member of the answers the question sets, and to what, found by asking it on a blank set of answers.</summary>
    private static OfflineQuestionView From(Components.Pages.Episodes.EpisodeQuestion q, TriageOptions options, bool warningSign, OfflineQuestionCondition? when)
    {
        var (member, yes) = Set(q, Rules.Answer.Yes);
        var (_, no) = Set(q, Rules.Answer.No);
        var label = q.Label.Replace("{TypicalCrampMaxMinutes}", options.TypicalCrampMaxMinutes.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new OfflineQuestionView(q.Id, label, q.Hint, member, yes, no, warningSign, when);
    }

    private static (string Member, string Value) Set(Components.Pages.Episodes.EpisodeQuestion q, Rules.Answer answer)
    {
        var blank = new EpisodeAnswers();
        var answered = new EpisodeAnswers();
        q.Set(answered, answer);
        var changed = typeof(EpisodeAnswers).GetProperties().Where(p => p.CanWrite).Single(p => !Equals(p.GetValue(blank), p.GetValue(answered)));
        return (System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(changed.Name),
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(changed.GetValue(answered)!.ToString()!));
    }
}

/// <summary>One answer offered by a question that is not yes/no: what the button says, and the value in the API's words.</summary>
public sealed record OfflineChoiceView(string Label, string Value);

/// <summary>A question is asked only when <see cref="Answer"/> was answered <see cref="Value"/>.</summary>
public sealed record OfflineQuestionCondition(string Answer, string Value);

/// <summary>What the rules read of her profile: the dates that give her stage, how the baby was born, her risk factors' codes.</summary>
public sealed record OfflinePatientView(DateOnly? DueDate, DateOnly? BirthDate, DateOnly? PregnancyEndedOn, BirthMode? BirthMode, IReadOnlyList<string> RiskFactors);

/// <summary>The numbers to call: the emergency number, her maternity triage line (hers, or the unit's), the urgent advice line.</summary>
public sealed record ContactsView(PhoneNumber Emergency, PhoneNumber? MaternityTriage, string UrgentLineName, PhoneNumber UrgentLine);

/// <summary>The antiforgery token a same-origin script sends in <see cref="HeaderName"/> on every POST, PUT, PATCH and DELETE.</summary>
public sealed record AntiforgeryView(string HeaderName, string Token);
