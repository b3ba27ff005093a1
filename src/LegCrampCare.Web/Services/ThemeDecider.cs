using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Web.Services;

/// <summary>What every page's frame shows besides the page: the palette and the safety net's words and numbers.</summary>
public sealed record PageFrame(bool IsNight, WordingContext Wording, ContactNumbers Contacts);

/// <summary>
/// Decides the page frame for the first paint, on the server, from one read of her profile. The palette, so there is
/// never a white flash at night: her choice (cookie or profile) wins; otherwise night from 21:00 to 07:00 in her time
/// zone (profile, else the browser's zone that app.js keeps in a cookie, else UTC). The safety net: who to call for her
/// stage today (W1) and her own maternity unit's number; anyone else gets the maternity-period words.
/// </summary>
public sealed class ThemeDecider(IProfileStore profiles, SafetyOptions safety, TriageEngine engine, TimeProvider time)
{
    public const string ThemeCookie = "lcc-theme";
    public const string TimeZoneCookie = "lcc-tz";

    public async Task<bool> IsNightAsync(HttpContext http) => (await DecideAsync(http)).IsNight;

    public async Task<PageFrame> DecideAsync(HttpContext http)
    {
        var preference = ParsePreference(http.Request.Cookies[ThemeCookie]);
        string? zoneId = http.Request.Cookies[TimeZoneCookie];
        PregnancyProfile? profile = null;
        var user = CurrentUser.FromPrincipal(http.User, StaffTwoFactorMode.Off); // only her patient role and profile are read
        if (user.UserId is not null && user.IsInRole(Roles.Patient))
        {
            profile = await profiles.FindAsync(user.UserId, http.RequestAborted);
            if (profile is not null)
            {
                zoneId = profile.TimeZoneId;
                if (preference == ThemePreference.Auto)
                {
                    preference = profile.Theme;
                }
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var zone = PregnancyCalendar.FindZoneOrUtc(zoneId);
        return new PageFrame(
            PregnancyCalendar.IsNightTime(now, zone, preference),
            ProfileWording.For(profile, PregnancyCalendar.LocalDate(now, zone), engine.Options),
            safety.ContactsFor(profile?.MaternityPhone));
    }

    public static ThemePreference ParsePreference(string? value) => value switch
    {
        "day" => ThemePreference.Day,
        "night" => ThemePreference.Night,
        _ => ThemePreference.Auto,
    };
}
