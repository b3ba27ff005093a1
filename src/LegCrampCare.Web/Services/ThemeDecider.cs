using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;

namespace LegCrampCare.Web.Services;

/// <summary>
/// Decides the palette for the first paint, on the server, so there is never a white flash at night: her choice
/// (cookie or profile) wins; otherwise night from 21:00 to 07:00 in her time zone (profile, else the browser's zone
/// that app.js keeps in a cookie, else UTC).
/// </summary>
public sealed class ThemeDecider(IProfileStore profiles, TimeProvider time)
{
    public const string ThemeCookie = "lcc-theme";
    public const string TimeZoneCookie = "lcc-tz";

    public async Task<bool> IsNightAsync(HttpContext http)
    {
        var preference = ParsePreference(http.Request.Cookies[ThemeCookie]);
        string? zoneId = http.Request.Cookies[TimeZoneCookie];
        var user = CurrentUser.FromPrincipal(http.User, StaffTwoFactorMode.Off); // only her patient role and profile are read
        if (user.UserId is not null && user.IsInRole(Roles.Patient))
        {
            var profile = await profiles.FindAsync(user.UserId, http.RequestAborted);
            if (profile is not null)
            {
                zoneId = profile.TimeZoneId;
                if (preference == ThemePreference.Auto)
                {
                    preference = profile.Theme;
                }
            }
        }

        return PregnancyCalendar.IsNightTime(time.GetUtcNow().UtcDateTime, PregnancyCalendar.FindZoneOrUtc(zoneId), preference);
    }

    public static ThemePreference ParsePreference(string? value) => value switch
    {
        "day" => ThemePreference.Day,
        "night" => ThemePreference.Night,
        _ => ThemePreference.Auto,
    };
}
