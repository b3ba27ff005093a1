using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Web.Components.Pages.Profile;

/// <summary>Plain words for profile choices.</summary>
public static class ProfileText
{
    public static IReadOnlyList<(BirthMode Mode, string Label)> BirthModes { get; } =
    [
        (BirthMode.Vaginal, "Vaginal birth"),
        (BirthMode.OperativeVaginal, "Assisted (forceps or ventouse)"),
        (BirthMode.CaesareanPlanned, "Planned caesarean"),
        (BirthMode.CaesareanInLabour, "Caesarean during labour"),
    ];

    public static IReadOnlyList<(ThemePreference Theme, string Label)> Themes { get; } =
    [
        (ThemePreference.Auto, "Automatic (night colours from 9 pm to 7 am)"),
        (ThemePreference.Day, "Always day colours"),
        (ThemePreference.Night, "Always night colours"),
    ];
}
