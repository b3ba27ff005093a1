using System.Text.RegularExpressions;
using PhoneNumberUtil = PhoneNumbers.PhoneNumberUtil;

namespace LegCrampCare.Core.Features.Safety;

/// <summary>
/// Phone numbers with libphonenumber: a number she types is checked and stored in E.164 ("+441234567890"), and shown in
/// her national format ("01234 567890"); a number a deployment configures is dialled as written.
/// </summary>
public static partial class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The E.164 form of a phone number she typed (with or without a country code; <paramref name="region"/> for a
    /// national number), or null when it is not a valid number.
    /// </summary>
    public static string? ToE164(string? input, string region)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30 || !DialablePattern().IsMatch(input.Trim()))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(input.Trim(), region);
            return Util.IsValidNumber(number) ? Util.Format(number, global::PhoneNumbers.PhoneNumberFormat.E164) : null;
        }
        catch (global::PhoneNumbers.NumberParseException)
        {
            return null;
        }
    }

    /// <summary>An E.164 number in the national format of <paramref name="region"/> ("01234 567890"), else international.</summary>
    public static string Display(string e164, string region)
    {
        try
        {
            var number = Util.Parse(e164, region);
            var format = string.Equals(Util.GetRegionCodeForNumber(number), region, StringComparison.OrdinalIgnoreCase)
                ? global::PhoneNumbers.PhoneNumberFormat.NATIONAL
                : global::PhoneNumbers.PhoneNumberFormat.INTERNATIONAL;
            return Util.Format(number, format);
        }
        catch (global::PhoneNumbers.NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>Digits and symbols a phone keypad dials: "999", "01234 567890", "+44 (0)1234-567890".</summary>
    public static bool IsDialable(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 30 && DialablePattern().IsMatch(text.Trim()) && text.Any(char.IsAsciiDigit);

    /// <summary>The value of a tel: link: the digits, with a leading + kept.</summary>
    public static string TelOf(string text)
    {
        var trimmed = text.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        return trimmed.StartsWith('+') ? "+" + digits : digits;
    }

    public static bool IsKnownRegion(string? region) =>
        !string.IsNullOrWhiteSpace(region) && Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex DialablePattern();
}
