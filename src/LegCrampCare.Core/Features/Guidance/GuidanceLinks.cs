using LegCrampCare.Core.Triage;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>Which guidance each result links to: NONE → what helps now; anything else → when to get help.</summary>
public static class GuidanceLinks
{
    public const string DuringACramp = "during-a-cramp";
    public const string WallCalfStretch = "wall-calf-stretch";
    public const string WhenToGetHelp = "when-to-seek-help";

    public static IReadOnlyList<string> ForLevel(TriageLevel level) =>
        level == TriageLevel.None ? [DuringACramp, WallCalfStretch] : [WhenToGetHelp];
}
