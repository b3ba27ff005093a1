namespace LegCrampCare.Core.Tests;

/// <summary>IANA zones used by the tests.</summary>
internal static class Zones
{
    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static TimeZoneInfo Auckland { get; } = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    public static TimeZoneInfo ById(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>A UTC instant from a local wall-clock time and the offset in force then (independent of the code under test).</summary>
    public static DateTime Utc(int year, int month, int day, int hour, int minute, double offsetHours) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours)).UtcDateTime;
}
