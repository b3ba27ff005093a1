using LegCrampCare.Rules;
using System.Globalization;
using FluentValidation;
using LegCrampCare.Core.Common;

namespace LegCrampCare.Core.Features.Episodes;

/// <summary>The local time range in which an episode may start, and how to explain each end of it.</summary>
public sealed record EpisodeTimeWindow(DateTime EarliestLocal, string EarliestMessage, DateTime LatestLocal, string LatestMessage);

/// <summary>Limits for episode fields. Each message says what is allowed.</summary>
public sealed class EpisodeDetailsValidator : AbstractValidator<EpisodeDetails>
{
    /// <summary>
    /// "Nothing helped" with something that helped: refused when she chooses it (a new cramp, or a change of what helped),
    /// never for a stored cramp she is answering other questions about (the form once allowed both).
    /// </summary>
    public const string NothingHelpedWithOthers =
        "What helped: \"Nothing helped\" can't be chosen with stretching, massage, walking or warmth. Choose one or the other.";

    public static bool IsReliefContradictory(Domain.ReliefMethods helpedBy) =>
        helpedBy.HasFlag(Domain.ReliefMethods.Nothing) && helpedBy != Domain.ReliefMethods.Nothing;

    /// <summary>The start time's message when it is outside the window (the same as the window rule's), else null.</summary>
    public static string? StartTimeError(DateTime startedAtLocal, EpisodeTimeWindow window) =>
        startedAtLocal > window.LatestLocal ? window.LatestMessage
        : startedAtLocal < window.EarliestLocal ? window.EarliestMessage
        : null;

    public const int MaxDurationMinutes = 720;
    public const int MaxNotesLength = 2000;
    public const decimal MaxCalfDifferenceCm = 15m;
    public const decimal MaxPainAfterHours = 720m;
    public const int MaxContinuousPainMinutes = 1440;

    private static readonly System.Reflection.PropertyInfo[] AnswerProperties =
        typeof(Rules.EpisodeAnswers).GetProperties().Where(p => p.PropertyType == typeof(Rules.Answer)).ToArray();

    private static bool AllAnswersValid(Rules.EpisodeAnswers? answers) =>
        answers is not null && Enum.IsDefined(answers.Swelling) &&
        (answers.PainSide is null || Enum.IsDefined(answers.PainSide.Value)) &&
        AnswerProperties.All(p => Enum.IsDefined((Rules.Answer)p.GetValue(answers)!));

    /// <param name="window">
    /// When the episode may have started; null leaves the start time out (the service checks it with
    /// <see cref="StartTimeError"/> and reuses one validator for every call: building the rules is the costly part).
    /// </param>
    /// <param name="typicalCrampMaxMinutes">N of "Did it last more than N minutes?" (the engine's <c>TypicalCrampMaxMinutes</c>).</param>
    public EpisodeDetailsValidator(EpisodeTimeWindow? window, decimal typicalCrampMaxMinutes = 10m)
    {
        var n = typicalCrampMaxMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        if (window is not null)
        {
            RuleFor(x => x.StartedAtLocal)
                .Must(t => t <= window.LatestLocal).WithMessage(window.LatestMessage)
                .Must(t => t >= window.EarliestLocal).WithMessage(window.EarliestMessage);
        }

        RuleFor(x => x.Side).IsInEnum().WithMessage("Choose which leg: left, right or both.");
        RuleFor(x => x.DurationMinutes)
            .InclusiveBetween(0, MaxDurationMinutes)
            .WithMessage($"How long it lasted must be between 0 and {MaxDurationMinutes} minutes (12 hours).");
        RuleFor(x => x.PainScore)
            .InclusiveBetween(0, 10).WithMessage("Pain must be a number from 0 (none) to 10 (worst).");
        RuleFor(x => x.CalfDifferenceCm)
            .InclusiveBetween(0m, MaxCalfDifferenceCm)
            .WithMessage("Calf difference must be between 0 and 15 cm. Measure both calves at the same spot and enter the difference.");
        RuleFor(x => x.PainAfterHours)
            .InclusiveBetween(0m, MaxPainAfterHours)
            .WithMessage($"Hours of pain afterwards must be between 0 and {MaxPainAfterHours.ToString(CultureInfo.InvariantCulture)} (30 days).");
        RuleFor(x => x.ContinuousPainMinutes)
            .InclusiveBetween(0, MaxContinuousPainMinutes)
            .WithMessage($"Minutes of continuous pain must be between 0 and {MaxContinuousPainMinutes} (24 hours).");
        RuleFor(x => x.Notes).Text("Notes", MaxNotesLength, TextKind.MultiLine);
        RuleFor(x => x.Locations)
            .Must(l => (l & ~(Domain.CrampLocations.Calf | Domain.CrampLocations.Foot | Domain.CrampLocations.Thigh)) == 0)
            .WithMessage("Where: choose calf, foot or thigh.");
        RuleFor(x => x.HelpedBy)
            .Must(h => (h & ~(Domain.ReliefMethods.Stretching | Domain.ReliefMethods.Massage | Domain.ReliefMethods.Walking |
                               Domain.ReliefMethods.Warmth | Domain.ReliefMethods.Nothing)) == 0)
            .WithMessage("What helped: choose from stretching, massage, walking, warmth or nothing.");
        RuleFor(x => x.Answers).NotNull()
            .Must(AllAnswersValid).WithMessage("Each question must be answered yes, no, or left unanswered.");
        // The quick "Did it last more than 10 minutes?" and the minutes must say the same (the case format calls a
        // disagreement malformed): she is asked to change one of them rather than have one silently win.
        RuleFor(x => x.Answers.CrampOver10Minutes)
            .Must((details, over10) => details.DurationMinutes is not { } minutes || over10 == Rules.Answer.NotAnswered ||
                                       (over10 == Rules.Answer.Yes) == (minutes > typicalCrampMaxMinutes))
            .When(x => x.Answers is not null)
            .OverridePropertyName("Answers.CrampOver10Minutes")
            .WithMessage(details => details.Answers.CrampOver10Minutes == Rules.Answer.Yes
                ? $"You said the cramp lasted more than {n} minutes, but entered {details.DurationMinutes} minutes. Change the minutes, or answer no."
                : $"You said the cramp did not last more than {n} minutes, but entered {details.DurationMinutes} minutes. Change the minutes, or answer yes.");
    }
}
