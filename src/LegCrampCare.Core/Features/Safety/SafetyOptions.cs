using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Safety;

/// <summary>
/// Configuration section "Safety": the numbers every result and every page's safety net gives. Configure them for the
/// deploying maternity unit and country (clinical README §8: other locales substitute their numbers for 999 and NHS 111).
/// </summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>The emergency number (999 in the UK, 112 in the EU, 911 in North America).</summary>
    public string EmergencyNumber { get; set; } = "999";

    /// <summary>
    /// Optional maternity triage number of the deploying unit, used when a patient has not given her own unit's number;
    /// with neither, the app says "call maternity triage, or your GP or NHS 111 if you can't reach them".
    /// </summary>
    public string? MaternityTriageNumber { get; set; }

    /// <summary>What the urgent advice line is called where the app is deployed ("NHS 111" in England).</summary>
    public string UrgentAdviceLineName { get; set; } = "NHS 111";

    /// <summary>The number to dial for the urgent advice line.</summary>
    public string UrgentAdviceLineNumber { get; set; } = "111";

    /// <summary>The region (ISO 3166 two-letter code) a phone number typed without a country code belongs to, e.g. "GB".</summary>
    public string PhoneRegion { get; set; } = "GB";

    /// <summary>Problems with these values, in plain words naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Phones.IsDialable(EmergencyNumber))
        {
            problems.Add("Safety:EmergencyNumber must be a number to dial (digits, and + ( ) - or spaces), e.g. 999.");
        }

        if (!string.IsNullOrWhiteSpace(MaternityTriageNumber) && !Phones.IsDialable(MaternityTriageNumber))
        {
            problems.Add("Safety:MaternityTriageNumber must be empty or a number to dial, e.g. 01234 567890.");
        }

        if (string.IsNullOrWhiteSpace(UrgentAdviceLineName) || UrgentAdviceLineName.Length > 40)
        {
            problems.Add("Safety:UrgentAdviceLineName must be the name of the urgent advice line, up to 40 characters, e.g. NHS 111.");
        }

        if (!Phones.IsDialable(UrgentAdviceLineNumber))
        {
            problems.Add("Safety:UrgentAdviceLineNumber must be a number to dial, e.g. 111.");
        }

        if (!Phones.IsKnownRegion(PhoneRegion))
        {
            problems.Add("Safety:PhoneRegion must be a two-letter country code, e.g. GB.");
        }

        return problems;
    }

    /// <summary>The numbers for a patient: her own maternity unit's number when she gave one, else this unit's.</summary>
    public ContactNumbers ContactsFor(string? herMaternityPhoneE164)
    {
        PhoneNumber? triage = null;
        if (!string.IsNullOrWhiteSpace(herMaternityPhoneE164))
        {
            triage = new PhoneNumber(herMaternityPhoneE164, Phones.Display(herMaternityPhoneE164, PhoneRegion));
        }
        else if (!string.IsNullOrWhiteSpace(MaternityTriageNumber))
        {
            triage = new PhoneNumber(Phones.TelOf(MaternityTriageNumber), MaternityTriageNumber.Trim());
        }

        return new ContactNumbers(
            new PhoneNumber(Phones.TelOf(EmergencyNumber), EmergencyNumber.Trim()),
            triage,
            UrgentAdviceLineName.Trim(),
            new PhoneNumber(Phones.TelOf(UrgentAdviceLineNumber), UrgentAdviceLineNumber.Trim()));
    }
}
