namespace LegCrampCare.Rules;

/// <summary>What the rules read of her profile: the dates that give her stage, how the baby was born, her risk factors.</summary>
public sealed record PatientFacts(DateOnly? DueDate, DateOnly? BirthDate, DateOnly? PregnancyEndedOn, BirthMode? BirthMode, RiskFactors RiskFactors);

/// <summary>Where she is in pregnancy or after birth on a given local date.</summary>
public abstract record PregnancyStage
{
    private PregnancyStage() { }

    /// <summary>While pregnant: completed weeks and days since the pregnancy began (due date − 40 weeks).</summary>
    public sealed record Pregnant(int Weeks, int Days) : PregnancyStage
    {
        public override string Label => Days == 0 ? $"{Weeks} weeks" : $"{Weeks} weeks + {Days} {(Days == 1 ? "day" : "days")}";
    }

    /// <summary>After birth: day 0 is the day of birth.</summary>
    public sealed record Postpartum(int Day) : PregnancyStage
    {
        public override string Label => Day == 0 ? "Day of birth" : $"Day {Day} after birth";
    }

    /// <summary>
    /// After a pregnancy that ended without a birth: day 0 is the day it ended. No pregnancy wording (the label is
    /// empty); the rule engine reads it as a postpartum day with <c>pregnancyEnd</c> = loss (clinical README §2).
    /// </summary>
    public sealed record AfterLoss(int Day) : PregnancyStage
    {
        public override string Label => "";
    }

    /// <summary>Nothing is known (or a date before a recorded loss): no pregnancy wording; the rule engine reads the stage as unknown.</summary>
    public sealed record None : PregnancyStage
    {
        public override string Label => "";
    }

    public abstract string Label { get; }
}

/// <summary>Her stage on a local date, from her profile's dates (clinical README §2, "How the app fills the inputs").</summary>
public static class PregnancyStages
{
    /// <summary>A pregnancy is dated from 40 weeks (280 days) before the due date.</summary>
    public const int FullTermDays = 280;

    public static DateOnly PregnancyStart(DateOnly dueDate) => dueDate.AddDays(-FullTermDays);

    public static PregnancyStage On(PatientFacts profile, DateOnly localDate)
    {
        if (profile.BirthDate is { } birth && localDate >= birth)
        {
            return new PregnancyStage.Postpartum(localDate.DayNumber - birth.DayNumber);
        }

        // After a loss, no pregnancy wording at all: not even on nights logged before it, which read as a stage not
        // known (the rule engine then fails safe, reading it as the maternity period).
        if (profile.PregnancyEndedOn is { } ended && profile.BirthDate is null)
        {
            return localDate >= ended ? new PregnancyStage.AfterLoss(localDate.DayNumber - ended.DayNumber) : new PregnancyStage.None();
        }

        if (profile.DueDate is { } due)
        {
            var days = localDate.DayNumber - PregnancyStart(due).DayNumber;
            if (days < 0)
            {
                return new PregnancyStage.None();
            }

            return new PregnancyStage.Pregnant(days / 7, days % 7);
        }

        return new PregnancyStage.None();
    }
}
