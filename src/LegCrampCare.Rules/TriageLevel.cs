namespace LegCrampCare.Rules;

/// <summary>What she should do now (clinical README §1). Ordered: the highest fired level wins.</summary>
public enum TriageLevel : byte
{
    /// <summary>An ordinary cramp: the self-care card and the safety net.</summary>
    None = 0,

    /// <summary>Mention it at the next appointment.</summary>
    Routine = 1,

    /// <summary>Call now: maternity triage (or the GP or NHS 111), today, within hours.</summary>
    Urgent = 2,

    /// <summary>Call the emergency number now.</summary>
    Emergency = 3,
}

public static class TriageLevelNames
{
    /// <summary>The case-file spelling: NONE, ROUTINE, URGENT, EMERGENCY.</summary>
    public static string ToCode(this TriageLevel level) => level switch
    {
        TriageLevel.None => "NONE",
        TriageLevel.Routine => "ROUTINE",
        TriageLevel.Urgent => "URGENT",
        TriageLevel.Emergency => "EMERGENCY",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static bool TryParse(string? code, out TriageLevel level)
    {
        switch (code)
        {
            case "NONE": level = TriageLevel.None; return true;
            case "ROUTINE": level = TriageLevel.Routine; return true;
            case "URGENT": level = TriageLevel.Urgent; return true;
            case "EMERGENCY": level = TriageLevel.Emergency; return true;
            default: level = default; return false;
        }
    }
}
