using System.ComponentModel.DataAnnotations;
using LegCrampCare.Core.Common;

namespace LegCrampCare.Web.Components.Account;

/// <summary>
/// <see cref="EmailAddresses"/>' rule for the account pages' forms, so that registration refuses exactly what invitations
/// and sharing refuse, with the same words: "Email: …".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidEmailAttribute : ValidationAttribute
{
    /// <summary>Empty is left to [Required], which says what to enter.</summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        EmailAddresses.Clean(value as string).Length > 0 && EmailAddresses.Problem(value as string) is { } problem
            ? new ValidationResult("Email: " + problem, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
