using LegCrampCare.Core.Domain;

namespace LegCrampCare.Web.Components.Shared;

/// <summary>Plain words for values shown in more than one place.</summary>
public static class Words
{
    /// <summary>"left leg", "right leg", "both legs".</summary>
    public static string Leg(Side side) => side switch
    {
        Side.Left => "left leg",
        Side.Right => "right leg",
        _ => "both legs",
    };

    /// <summary>"Left leg", "Right leg", "Both legs".</summary>
    public static string LegCapitalised(Side side)
    {
        var text = Leg(side);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
