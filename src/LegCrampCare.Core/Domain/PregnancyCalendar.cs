using LegCrampCare.Rules;
namespace LegCrampCare.Core.Domain;

/// <summary>
/// Calendar arithmetic for pregnancy and nights. Pure: time is passed in. Instants are UTC; the patient's dates and
/// nights are in her IANA time zone, so DST changes and time zones are handled by <see cref="TimeZoneInfo"/>.
/// </summary>
public static class PregnancyCalendar
{
    /// <summary>A pregnancy is dated from 40 weeks (280 days) before the due date.</summary>
    public const int FullTermDays = PregnancyStages.FullTermDays;

    /// <summary>Night starts at noon: a cramp at 02:30 belongs to the previous evening's night.</summary>
    public static readonly TimeOnly NightStartsAt = RulesCalendar.NightStartsAt;

    public static DateOnly PregnancyStart(DateOnly dueDate) => PregnancyStages.PregnancyStart(dueDate);

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
        catch (System.Security.SecurityException)
        {
            // On Linux an id naming a folder of the tz database ("Europe") is found but cannot be read as a zone.
            return false;
        }
    }

    public static TimeZoneInfo FindZoneOrUtc(string? id) => TryFindZone(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) => RulesCalendar.ToLocal(utc, zone);

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => RulesCalendar.LocalDate(utc, zone);

    /// <summary>The night an instant belongs to: 12:00–11:59 local, named by the evening's date.</summary>
    public static DateOnly NightOf(DateTime utc, TimeZoneInfo zone) => RulesCalendar.NightOf(utc, zone);

    /// <summary>
    /// Converts a local wall-clock time to UTC. A time that does not exist (clocks went forward) is moved forward by
    /// the gap; an ambiguous time (clocks went back) takes the earlier instant.
    /// </summary>
    public static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            var adjustment = zone.GetAdjustmentRules()
                .FirstOrDefault(r => r.DateStart <= unspecified && r.DateEnd >= unspecified);
            var gap = adjustment?.DaylightDelta ?? TimeSpan.FromHours(1);
            unspecified = unspecified.Add(gap);
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(unspecified);
            var largest = offsets.Max();
            return DateTime.SpecifyKind(unspecified - largest, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>The UTC instant at which a local night begins (12:00 local on the night's date).</summary>
    public static DateTime NightStartUtc(DateOnly night, TimeZoneInfo zone) =>
        LocalToUtc(night.ToDateTime(NightStartsAt), zone);

    public static PregnancyStage StageOn(PregnancyProfile profile, DateOnly localDate) => PregnancyStages.On(profile.Facts, localDate);

    /// <summary>Whether to ask, gently, if the baby has arrived: due date passed, no birth or loss recorded, not asked today.</summary>
    public static bool ShouldAskIfBabyArrived(PregnancyProfile profile, DateOnly localToday) =>
        profile.DueDate is { } due && localToday > due && profile.BirthDate is null &&
        profile.PregnancyEndedOn is null && profile.BabyArrivedPromptAnsweredOn != localToday;

    /// <summary>Night palette automatically from 21:00 to 07:00 local, unless she chose one.</summary>
    public static bool IsNightTime(DateTime utcNow, TimeZoneInfo zone, ThemePreference preference = ThemePreference.Auto)
    {
        if (preference != ThemePreference.Auto)
        {
            return preference == ThemePreference.Night;
        }

        var hour = ToLocal(utcNow, zone).Hour;
        return hour >= 21 || hour < 7;
    }
}
