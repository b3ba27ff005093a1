using System.Security.Cryptography;
using System.Text;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Sharing;

/// <summary>Consent as pure rules: share codes, what a grant covers, when it ends.</summary>
public static class SharingRules
{
    /// <summary>Letters and digits that can't be confused when read aloud or copied: no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B.</summary>
    public const string CodeAlphabet = "ACDEFHJKMNPQRTUVWXY3479";

    public const int CodeLength = 8;

    /// <summary>A new code, shown as two groups of four: "K7QM-3XPR".</summary>
    public static string NewCode()
    {
        Span<char> chars = stackalloc char[CodeLength];
        for (var i = 0; i < CodeLength; i++)
        {
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }

        return Format(new string(chars));
    }

    public static string Format(string normalised) => normalised.Length == CodeLength ? $"{normalised[..4]}-{normalised[4..]}" : normalised;

    /// <summary>Upper case, without spaces or hyphens; null when it can't be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var builder = new StringBuilder(CodeLength);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!CodeAlphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == CodeLength ? builder.ToString() : null;
    }

    public static string Hash(string normalised) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));

    /// <summary>
    /// The first day of her current pregnancy (due date − 280 days, or birth date − 280 days): what a grant shows and what
    /// the caseload counts starts with the night of this day. Null when her profile says no pregnancy. A grant shows her
    /// current pregnancy, so a corrected due date moves this day for every grant.
    /// </summary>
    public static DateOnly? CoversFrom(PregnancyProfile profile) =>
        profile.DueDate is { } due ? PregnancyCalendar.PregnancyStart(due)
        : profile.BirthDate is { } birth ? PregnancyCalendar.PregnancyStart(birth)
        : null;

    /// <summary>
    /// The last local day a grant is active: <see cref="SharingOptions.WeeksAfterBirth"/> after the birth (or after the
    /// pregnancy ended), else <see cref="SharingOptions.WeeksAfterDueDate"/> after the due date.
    /// </summary>
    public static DateOnly? LastDay(PregnancyProfile profile, SharingOptions options) =>
        (profile.BirthDate ?? profile.PregnancyEndedOn) is { } ended ? ended.AddDays(7 * options.WeeksAfterBirth)
        : profile.DueDate is { } due ? due.AddDays(7 * options.WeeksAfterDueDate)
        : null;

    /// <summary>
    /// How far the first day of her pregnancy may move and still be the pregnancy a grant was made in: a due date
    /// corrected by a dating scan moves it by days or a couple of weeks; her next pregnancy starts at least about nine
    /// weeks after the last one did (an early loss, then a new pregnancy), usually a year or more.
    /// </summary>
    public const int SamePregnancyToleranceDays = 8 * 7;

    /// <summary>
    /// Whether the grant was made in another pregnancy than her current one: the first day of her current pregnancy is
    /// more than <see cref="SamePregnancyToleranceDays"/> from the first day the grant was made for
    /// (<see cref="CareGrant.CoversFrom"/>), either way. Consent is for one pregnancy: a grant from an earlier pregnancy
    /// never comes back to life when she enters a new due date, and a due date moved far back never shows a midwife
    /// cramps from before the pregnancy she was given. A correction within the tolerance moves what every grant shows.
    /// </summary>
    public static bool CoversAnotherPregnancy(CareGrant grant, PregnancyProfile profile) =>
        CoversFrom(profile) is not { } start || Math.Abs(start.DayNumber - grant.CoversFrom.DayNumber) > SamePregnancyToleranceDays;

    /// <summary>Whether the grant lets the midwife see the log now.</summary>
    public static GrantStatus Status(CareGrant grant, PregnancyProfile? profile, SharingOptions options, DateTime utcNow) =>
        Status(grant, profile, options, profile is null ? DateOnly.MinValue : PregnancyCalendar.LocalDate(utcNow, PregnancyCalendar.FindZoneOrUtc(profile.TimeZoneId)));

    /// <summary>Whether the grant lets the midwife see the log on <paramref name="patientToday"/>, the patient's local date now.</summary>
    public static GrantStatus Status(CareGrant grant, PregnancyProfile? profile, SharingOptions options, DateOnly patientToday)
    {
        if (grant.RevokedAtUtc is not null)
        {
            return GrantStatus.Revoked;
        }

        if (profile is null || LastDay(profile, options) is not { } last || CoversAnotherPregnancy(grant, profile))
        {
            return GrantStatus.Expired;
        }

        return patientToday > last ? GrantStatus.Expired : GrantStatus.Active;
    }
}

public enum GrantStatus
{
    Active,
    Revoked,
    Expired,
}
