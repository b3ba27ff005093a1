using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Web.Components.Pages.Midwife;

/// <summary>How levels read to a midwife: the action the patient was given.</summary>
public static class MidwifeWords
{
    public static string Level(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Emergency (told to call 999)",
        TriageLevel.Urgent => "Urgent (told to call maternity triage, or her GP or NHS 111, now)",
        TriageLevel.Routine => "Routine (told to mention it)",
        _ => "No warning signs",
    };

    public static string LevelName(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Emergency",
        TriageLevel.Urgent => "Urgent",
        TriageLevel.Routine => "Routine",
        _ => "None",
    };

    public static string BadgeClass(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "lcc-badge lcc-badge-emergency",
        TriageLevel.Urgent => "lcc-badge lcc-badge-urgent",
        _ => "lcc-badge",
    };

    public static string When(DateTime utc, string timeZoneId)
    {
        var zone = LegCrampCare.Core.Domain.PregnancyCalendar.FindZoneOrUtc(timeZoneId);
        return LegCrampCare.Core.Domain.PregnancyCalendar.ToLocal(utc, zone).ToString("ddd d MMM yyyy, HH:mm");
    }
}
