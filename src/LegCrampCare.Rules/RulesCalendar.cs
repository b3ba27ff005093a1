namespace LegCrampCare.Rules;

/// <summary>Local dates and nights from UTC instants, in her IANA time zone (the same on the server and the phone).</summary>
public static class RulesCalendar
{
    /// <summary>Night starts at noon: a cramp at 02:30 belongs to the previous evening's night.</summary>
    public static readonly TimeOnly NightStartsAt = new(12, 0);

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
}
