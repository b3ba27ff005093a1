using MudBlazor;

namespace LegCrampCare.Web.Components.Layout;

/// <summary>
/// The one theme: calm teal on warm off-white by day; a dark, low-glare palette at night (no pure white, no
/// saturated colours), both with text contrast of at least 4.5:1.
/// </summary>
public static class LccTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2d6a6e",
            PrimaryContrastText = "#ffffff",
            Secondary = "#6d5a3f",
            Background = "#f6f4ef",
            Surface = "#ffffff",
            AppbarBackground = "#2d6a6e",
            AppbarText = "#ffffff",
            TextPrimary = "#27262a",
            TextSecondary = "#55524c",
            Error = "#a4302a",
            Warning = "#8a5a00",
            Success = "#2e6b3a",
            Info = "#2d5f8a",
            LinesDefault = "#d9d4c9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#82b5b1",
            PrimaryContrastText = "#0e1515",
            Secondary = "#c3a985",
            Background = "#111315",
            BackgroundGray = "#16191b",
            Surface = "#1a1d20",
            DrawerBackground = "#1a1d20",
            AppbarBackground = "#1a1d20",
            AppbarText = "#cfc8bb",
            TextPrimary = "#d2cbbe",
            TextSecondary = "#a9a295",
            ActionDefault = "#b6afa3",
            Error = "#e39587",
            Warning = "#d9b26a",
            Success = "#8fc59b",
            Info = "#8fb4d9",
            LinesDefault = "#343a3e",
            Divider = "#343a3e",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "12px" },
    };
}
