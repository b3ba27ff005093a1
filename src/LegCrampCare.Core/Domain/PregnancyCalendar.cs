namespace LegCrampCare.Core.Domain;

/// <summary>Where she is in pregnancy or after birth on a given local date.</summary>
public abstract record PregnancyStage
{
    private PregnancyStage() { }

    /// <summary>While pregnant: completed weeks and days since the pregnancy began (due date − 40 weeks).</summary>
    public sealed record Pregnant(int Weeks, int Days) : PregnancyStage
    {
        public override string Label => Days == 0 ? $"{Weeks} weeks" : $"{Weeks} weeks + {Days} {(Days == 1 ? "day" : "days")}";
    }

    /// <summary>After birth: day 0 is the day of birth.</summary>
    public sealed record Postpartum(int Day) : PregnancyStage
    {
        public override string Label => Day == 0 ? "Day of birth" : $"Day {Day} after birth";
    }

    /// <summary>
    /// After a pregnancy that ended without a birth: day 0 is the day it ended. No pregnancy wording (the label is
    /// empty); the rule engine reads it as a postpartum day with <c>pregnancyEnd</c> = loss (clinical README §2).
    /// </summary>
    public sealed record AfterLoss(int Day) : PregnancyStage
    {
        public override string Label => "";
    }

    /// <summary>Nothing is known (or a date before a recorded loss): no pregnancy wording; the rule engine reads the stage as unknown.</summary>
    public sealed record None : PregnancyStage
    {
        public override string Label => "";
    }

    public abstract string Label { get; }
}

/// <summary>
/// Calendar arithmetic for pregnancy and nights. Pure: time is passed in. Instants are UTC; the patient's dates and
/// nights are in her IANA time zone, so DST changes and time zones are handled by <see cref="TimeZoneInfo"/>.
/// </summary>
public static class PregnancyCalendar
{
    /// <summary>A pregnancy is dated from 40 weeks (280 days) before the due date.</summary>
    public const int FullTermDays = 280;

    /// <summary>Night starts at noon: a cramp at 02:30 belongs to the previous evening's night.</summary>
    public static readonly TimeOnly NightStartsAt = new(12, 0);

    public static DateOnly PregnancyStart(DateOnly dueDate) => dueDate.AddDays(-FullTermDays);

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

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utc, zone));

    /// <summary>The night an instant belongs to: 12:00–11:59 local, named by the evening's date.</summary>
    public static DateOnly NightOf(DateTime utc, TimeZoneInfo zone)
    {
        var local = ToLocal(utc, zone);
        var date = DateOnly.FromDateTime(local);
        return TimeOnly.FromDateTime(local) < NightStartsAt ? date.AddDays(-1) : date;
    }

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

    public static PregnancyStage StageOn(PregnancyProfile profile, DateOnly localDate)
    {
        if (profile.BirthDate is { } birth && localDate >= birth)
        {
            return new PregnancyStage.Postpartum(localDate.DayNumber - birth.DayNumber);
        }

        // After a loss, no pregnancy wording at all: not even on nights logged before it, which read as a stage not
        // known (the rule engine then fails safe, reading it as the maternity period).
        if (profile.PregnancyEndedOn is { } ended && profile.BirthDate is null)
        {
            return localDate >= ended ? new PregnancyStage.AfterLoss(localDate.DayNumber - ended.DayNumber) : new PregnancyStage.None();
        }

        if (profile.DueDate is { } due)
        {
            var days = localDate.DayNumber - PregnancyStart(due).DayNumber;
            if (days < 0)
            {
                return new PregnancyStage.None();
            }

            return new PregnancyStage.Pregnant(days / 7, days % 7);
        }

        return new PregnancyStage.None();
    }

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
