using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Triage;

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

    /// <summary>A result in a few words, for lists: what she should do (or did need to do). The same words as her midwife's pages and reports.</summary>
    public static string Result(AssessmentDto a) => ResultWords.For(a.Level, a.Rules);

    /// <summary>The CSS modifier for a result badge.</summary>
    public static string ResultClass(AssessmentDto a) => a.Level switch
    {
        TriageLevel.Emergency => "lcc-badge lcc-badge-emergency",
        TriageLevel.Urgent => "lcc-badge lcc-badge-urgent",
        _ => "lcc-badge",
    };

    /// <summary>Lists show a result badge unless the result is "questions to answer" (lists link to the questions instead).</summary>
    public static bool ShowsBadge(AssessmentDto a) => !(a.Level < TriageLevel.Urgent && a.HasUnansweredRedFlag);

    /// <summary>"in your left leg", "in your right leg", "in both legs".</summary>
    public static string InLeg(Side side) => side == Side.Both ? "in both legs" : "in your " + Leg(side);
}
