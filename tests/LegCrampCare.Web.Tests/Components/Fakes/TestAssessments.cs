using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Web.Tests.Components.Fakes;

/// <summary>Assessments as the real engine gives them, for a patient 31 weeks pregnant with no risk factors.</summary>
public static class TestAssessments
{
    private static readonly EpisodeAssessor Assessor = new(TriageEngine.Default);

    public static AssessmentDto For(Guid episodeId, EpisodeDetails details, AssessmentReason reason = AssessmentReason.Edited)
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
        var a = Assessor.Assess(episode, profile, [], reason, startUtc.AddMinutes(5));
        return new AssessmentDto(a.Id, a.AssessedAtUtc, a.AssessedAtUtc, a.Reason, a.RuleSetVersion, a.Level,
            FiredRules.Parse(a.FiredRules).ToList(), a.IsIncomplete, a.LeftScore, a.RcogPoints, a.HighRiskContext, Assessor.Explain(a));
    }

    /// <summary>The episode with the assessment its details get.</summary>
    public static EpisodeDto Assessed(EpisodeDto episode) => episode with { Assessment = For(episode.Id, episode.Details) };
}
