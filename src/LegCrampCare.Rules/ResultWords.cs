namespace LegCrampCare.Rules;

/// <summary>
/// A result in a few plain words, the same on her screens, on the midwife's pages and in exported reports: what she
/// should do (or did need to do).
/// </summary>
public static class ResultWords
{
    public const string Emergency = "Emergency: call for help";
    /// <summary>W2: never "Get checked today", which can be read as "later today".</summary>
    public const string Urgent = "Urgent: call now";
    public const string QuestionsToAnswer = "Questions to answer";
    public const string Routine = "Mention at your next appointment";
    public const string OrdinaryCramp = "Ordinary cramp";
    public const string NoWarningSigns = "No warning signs";

    /// <summary>The words for a level and the rules that fired.</summary>
    public static string For(TriageLevel level, IReadOnlyCollection<RuleId> rules) => level switch
    {
        TriageLevel.Emergency => Emergency,
        TriageLevel.Urgent => Urgent,
        TriageLevel.Routine when rules.Contains(RuleId.Fs1) => QuestionsToAnswer,
        TriageLevel.Routine => Routine,
        _ => rules.Contains(RuleId.No1) ? OrdinaryCramp : NoWarningSigns,
    };
}
