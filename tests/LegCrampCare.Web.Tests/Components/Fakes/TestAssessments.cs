using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Web.Tests.Components.Fakes;

/// <summary>Assessments as the real engine gives them, for a patient 31 weeks pregnant with no risk factors.</summary>
public static class TestAssessments
{
    private static readonly EpisodeAssessor Assessor = new(TriageEngine.Default);

    public static AssessmentDto For(
        Guid episodeId, EpisodeDetails details, AssessmentReason reason = AssessmentReason.Edited, ContactNumbers? contacts = null, bool midwifeMeasured = false)
    {
        var startUtc = DateTime.SpecifyKind(details.StartedAtLocal, DateTimeKind.Utc);
        var episode = new Episode
        {
            Id = episodeId,
            PatientId = "patient",
            StartedAtUtc = startUtc,
            Night = DateOnly.FromDateTime(startUtc.Hour < 12 ? startUtc.AddDays(-1) : startUtc),
            Side = details.Side,
            DurationMinutes = details.DurationMinutes,
            PainAfterHours = details.PainAfterHours,
            ContinuousPainMinutes = details.ContinuousPainMinutes,
            CalfDifferenceCm = details.CalfDifferenceCm,
            Answers = details.Answers with { },
        };
        var profile = new PregnancyProfile
        {
            UserId = "patient",
            DueDate = DateOnly.FromDateTime(startUtc).AddDays(60),
            TimeZoneId = "Etc/UTC",
        };
        episode.UpdatedAtUtc = startUtc.AddMinutes(5);
        var a = Assessor.Assess(episode, profile, [], reason, startUtc.AddMinutes(5));
        var explanation = Assessor.Explain(a);
        var card = ResultCardBuilder.Build(explanation, new ResultCardContext(
            a.AssessedAtUtc, TimeZoneInfo.Utc, contacts ?? ContactNumbers.UnitedKingdom,
            IsReassessment: reason == AssessmentReason.RuleSetUpgrade,
            MidwifeMeasured: midwifeMeasured,
            PainQuestionUnanswered: details.Answers.PainStillThere == Answer.NotAnswered));
        return new AssessmentDto(a.Id, a.AssessedAtUtc, a.AssessedAtUtc, a.Reason, a.RuleSetVersion, a.Level,
            FiredRules.Parse(a.FiredRules).ToList(), a.IsIncomplete, a.LeftScore, a.RcogPoints, a.HighRiskContext, explanation)
        {
            Card = card,
        };
    }

    /// <summary>The episode with the assessment its details get, its card with these numbers (default: the UK's, no triage number).</summary>
    public static EpisodeDto Assessed(EpisodeDto episode, ContactNumbers? contacts = null) =>
        episode with { Assessment = For(episode.Id, episode.Details, contacts: contacts) };
}
