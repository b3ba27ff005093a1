namespace LegCrampCare.Rules;

/// <summary>
/// A yes/no question's stored answer. Nothing unanswered is ever stored as "no": the default is
/// <see cref="NotAnswered"/>, which the rule engine treats as unknown (fail-safe).
/// </summary>
public enum Answer
{
    NotAnswered = 0,
    Yes = 1,
    No = 2,
}

public static class AnswerExtensions
{
    public static bool IsAnswered(this Answer answer) => answer != Answer.NotAnswered;

    public static bool? ToBool(this Answer answer) => answer switch
    {
        Answer.Yes => true,
        Answer.No => false,
        _ => null,
    };

    public static Answer FromBool(bool? value) => value switch
    {
        true => Answer.Yes,
        false => Answer.No,
        null => Answer.NotAnswered,
    };
}
