using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;

namespace LegCrampCare.Core.Triage;

/// <summary>The wording stage from her profile, for words not tied to one result (every page's safety net, the theme).</summary>
public static class ProfileWording
{
    /// <summary>Her stage on a local date, from her profile (for words not tied to one result, e.g. every page's safety net).</summary>
    public static WordingContext For(PregnancyProfile? profile, DateOnly localDate, TriageOptions options)
    {
        if (profile is null)
        {
            return new WordingContext(WordingStage.Unknown, false);
        }

        var stillbirth = (profile.RiskFactors & RiskFactors.Stillbirth) != 0;
        return PregnancyCalendar.StageOn(profile, localDate) switch
        {
            PregnancyStage.Pregnant => new WordingContext(WordingStage.Pregnant, false),
            PregnancyStage.Postpartum { Day: var day } => new WordingContext(
                day <= options.PostnatalHighRiskDays ? WordingStage.AfterBirth : WordingStage.LaterAfterBirth, stillbirth),
            PregnancyStage.AfterLoss { Day: var day } => new WordingContext(
                day <= options.PostnatalHighRiskDays ? WordingStage.AfterLoss : WordingStage.LaterAfterLoss, stillbirth),
            _ => new WordingContext(WordingStage.Unknown, stillbirth),
        };
    }
}
