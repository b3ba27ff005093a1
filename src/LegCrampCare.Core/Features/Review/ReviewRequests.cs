using FluentValidation;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;

namespace LegCrampCare.Core.Features.Review;

/// <summary>A midwife's note when she marks a flag as reviewed. The patient reads it.</summary>
public sealed record AcknowledgeFlagRequest(string? Note);

/// <summary>The note is required, at most <see cref="FlagReview.MaxNoteLength"/> characters of plain text (<see cref="TextInput"/>); each message names the field.</summary>
public sealed class AcknowledgeFlagRequestValidator : AbstractValidator<AcknowledgeFlagRequest>
{
    public const string NoteRequiredMessage =
        "Note: write what you did or advised (for example \"Called her, assessed on the ward, no clot\"). She will see this note.";

    public AcknowledgeFlagRequestValidator()
    {
        RuleFor(r => r.Note).Cascade(CascadeMode.Stop)
            .Required(NoteRequiredMessage)
            .Text("Note", FlagReview.MaxNoteLength, TextKind.MultiLine);
    }
}

/// <summary>A calf circumference difference the midwife measured; null clears hers, so the patient's own counts again.</summary>
public sealed record RecordCalfDifferenceRequest(decimal? DifferenceCm);

/// <summary>The same bounds as the patient's own value (<see cref="EpisodeDetailsValidator"/>): 0 to 15 cm.</summary>
public sealed class RecordCalfDifferenceRequestValidator : AbstractValidator<RecordCalfDifferenceRequest>
{
    public const string RangeMessage =
        "Calf difference: enter a number of centimetres from 0 to 15. Measure both calves at the same level (the widest point, or 10 cm below the bony bump under the kneecap) and enter the difference.";

    public RecordCalfDifferenceRequestValidator()
    {
        RuleFor(r => r.DifferenceCm)
            .InclusiveBetween(0m, EpisodeDetailsValidator.MaxCalfDifferenceCm)
            .WithMessage(RangeMessage);
    }
}
