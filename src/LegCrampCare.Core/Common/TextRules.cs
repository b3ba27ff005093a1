using FluentValidation;

namespace LegCrampCare.Core.Common;

/// <summary>
/// <see cref="TextInput"/> and <see cref="EmailAddresses"/> as FluentValidation rules, so that every validator words
/// its text and email messages the same way: "{label}: {what is wrong and what is allowed}".
/// </summary>
public static class TextRules
{
    /// <summary>
    /// Limits a text field: its length after cleaning, and the characters its kind allows. Empty passes (add
    /// <see cref="Required{T}"/> when the field must be filled in).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string label, int maxLength, TextKind kind) =>
        rule.Must(value => TextInput.Problem(value, maxLength, kind) is null)
            .WithMessage((_, value) => $"{label}: {TextInput.Problem(value, maxLength, kind)}");

    /// <summary>The field must show something once cleaned: not empty, not only spaces or invisible characters.</summary>
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, string message) =>
        rule.Must(value => !TextInput.IsBlank(value)).WithMessage(message);

    /// <summary>A required email address (<see cref="EmailAddresses"/>).</summary>
    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(value => EmailAddresses.Problem(value) is null)
            .WithMessage((_, value) => $"{label}: {EmailAddresses.Problem(value)}");
}
