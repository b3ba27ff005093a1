using System.Text.RegularExpressions;
using FluentValidation;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Profile;

/// <summary>Profile limits, checked against her local "today".</summary>
public sealed partial class SaveProfileRequestValidator : AbstractValidator<SaveProfileRequest>
{
    public const int MaxPhoneLength = 30;
    public const int MaxDisplayNameLength = 100;
    public const int MaxHospitalNumberLength = 20;

    public SaveProfileRequestValidator(DateOnly today, bool pregnancyEnded = false, string phoneRegion = "GB")
    {
        RuleFor(x => x.DisplayName).Cascade(CascadeMode.Stop)
            .Required("Your name: enter your name as you'd like your midwife to see it.")
            .Text("Your name", MaxDisplayNameLength, TextKind.Name);
        RuleFor(x => x.DateOfBirth)
            .NotNull().WithMessage("Enter your date of birth.")
            .Must(d => d is null || (d <= today.AddYears(-10) && d >= today.AddYears(-70)))
            .WithMessage("Date of birth must be a real date between 10 and 70 years ago.");
        RuleFor(x => x.HospitalNumber).Cascade(CascadeMode.Stop)
            .Text("Hospital or NHS number", MaxHospitalNumberLength, TextKind.SingleLine)
            .Must(n => TextInput.IsBlank(n) || HospitalNumberPattern().IsMatch(TextInput.Clean(n)))
            .WithMessage("Hospital or NHS number: only letters, digits and spaces (no other signs).");
        RuleFor(x => x.DueDate)
            .NotNull().When(x => x.BirthDate is null && !pregnancyEnded)
            .WithMessage("Enter your due date (or, if your baby has arrived, the birth date).")
            .Must(d => d is null || (d >= today.AddDays(-365) && d <= today.AddDays(PregnancyCalendar.FullTermDays + 14)))
            .When(x => x.BirthDate is null && !pregnancyEnded)
            .WithMessage("Due date must be within the next 42 weeks, or, if it has passed, within the last year. If your baby has arrived, enter the birth date instead.");
        RuleFor(x => x.DueDate)
            .Must(d => d is null || (d >= today.AddYears(-2) && d <= today.AddDays(PregnancyCalendar.FullTermDays + 14)))
            .When(x => x.BirthDate is not null || pregnancyEnded)
            .WithMessage("Due date must be a date within the last two years or the next 42 weeks.");
        RuleFor(x => x.BirthDate)
            .Must(d => d is null || d <= today).WithMessage("Birth date can't be in the future.")
            .Must(d => d is null || d >= today.AddYears(-1))
            .WithMessage("Birth date must be within the last year: LegCrampCare is for pregnancy and the year after birth.");
        RuleFor(x => x.BirthMode)
            .Null().When(x => x.BirthDate is null).WithMessage("Choose how your baby was born only after entering the birth date.")
            .IsInEnum().WithMessage("Choose how your baby was born.");
        RuleFor(x => x.TimeZoneId)
            .Must(id => id is { Length: <= 64 } && PregnancyCalendar.TryFindZone(id, out _))
            .WithMessage("Time zone: choose yours from the list.");
        RuleFor(x => x.RiskFactors)
            .Must(r => (r & ~RiskFactorCatalog.All.Aggregate(RiskFactors.None, (a, f) => a | f.Flag)) == 0)
            .WithMessage("Choose risk factors from the list.");
        RuleFor(x => x.Theme).IsInEnum().WithMessage("Choose automatic, day or night colours.");
        RuleFor(x => x.MaternityPhone)
            .Must(p => string.IsNullOrWhiteSpace(p) || (p.Length <= MaxPhoneLength && Safety.Phones.ToE164(p, phoneRegion) is not null))
            .WithMessage("Maternity triage phone number: enter a whole phone number with its area code, for example 01234 567890, " +
                         "or +44 1234 567890 with the country code. Digits, spaces, brackets, + and - only. Or leave it empty.");
    }

    [GeneratedRegex("^[A-Za-z0-9 ]+$")]
    private static partial Regex HospitalNumberPattern();
}

public sealed class RecordBirthRequestValidator : AbstractValidator<RecordBirthRequest>
{
    public RecordBirthRequestValidator(DateOnly today)
    {
        RuleFor(x => x.BirthDate)
            .NotNull().WithMessage("Enter the date your baby was born.")
            .Must(d => d is null || d <= today).WithMessage("Birth date can't be in the future.")
            .Must(d => d is null || d >= today.AddYears(-1)).WithMessage("Birth date must be within the last year.");
        RuleFor(x => x.BirthMode).IsInEnum().WithMessage("Choose how your baby was born.");
    }
}
