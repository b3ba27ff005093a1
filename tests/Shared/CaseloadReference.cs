using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Tests.Shared;

/// <summary>
/// The caseload summaries computed the slow way, from the raw rows, as the definition the kept-on-write summaries must
/// match, counting only her current pregnancy (episodes whose night is on or after its first day): her latest episode; per episode, the current (newest) assessment is an unreviewed flag when it is a flag with
/// no review, waiting since the first of the unreviewed flags in a row that ends with it; nights with any episode.
/// </summary>
public static class CaseloadReference
{
    /// <summary>
    /// Her activity, or null when she has no episodes in her current pregnancy. <paramref name="assessments"/> in the
    /// order they were written (ties in time are broken by that order). <paramref name="profile"/>: her pregnancy profile
    /// (null: no profile, every episode counts).
    /// </summary>
    public static PatientActivitySummary? Activity(PregnancyProfile? profile, IEnumerable<Episode> episodes, IEnumerable<Assessment> assessments, IEnumerable<FlagReview> reviews)
    {
        var from = (profile is null ? null : PregnancyStart(profile)) ?? DateOnly.MinValue;
        var mine = episodes.Where(e => e.Night >= from).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        var reviewed = reviews.Select(r => r.AssessmentId).ToHashSet();
        var byEpisode = assessments.GroupBy(a => a.EpisodeId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.AssessedAtUtc).ToList());
        var waiting = new List<(TriageLevel Level, DateTime Since)>();
        foreach (var episode in mine)
        {
            if (!byEpisode.TryGetValue(episode.Id, out var list) || list.Count == 0)
            {
                continue;
            }

            var current = list[^1];
            if (!FlagReview.IsFlag(current) || reviewed.Contains(current.Id))
            {
                continue;
            }

            var since = current.AssessedAtUtc;
            for (var i = list.Count - 1; i >= 0 && FlagReview.IsFlag(list[i]) && !reviewed.Contains(list[i].Id); i--)
            {
                since = list[i].AssessedAtUtc;
            }

            waiting.Add((current.Level, since));
        }

        var highest = waiting.Count == 0 ? (TriageLevel?)null : waiting.Max(w => w.Level);
        var latestNight = mine.Max(e => e.Night);

        // Bit i: the night i nights before her latest one has an episode (the slow way: one night at a time).
        var recent = 0L;
        foreach (var night in mine.Select(e => e.Night).Distinct())
        {
            var back = latestNight.DayNumber - night.DayNumber;
            if (back < 63)
            {
                recent += 1L << back;
            }
        }

        return new PatientActivitySummary(
            mine.Max(e => e.StartedAtUtc),
            waiting.Count(w => w.Level == TriageLevel.Routine),
            waiting.Count(w => w.Level == TriageLevel.Urgent),
            waiting.Count(w => w.Level == TriageLevel.Emergency),
            highest is null ? null : waiting.Where(w => w.Level == highest).Min(w => w.Since),
            latestNight,
            recent);
    }

    /// <summary>The first day of her current pregnancy, from the due date, else the birth date (280 days before).</summary>
    public static DateOnly? PregnancyStart(PregnancyProfile profile) =>
        (profile.DueDate ?? profile.BirthDate)?.AddDays(-280);

    /// <summary>Distinct nights with an episode of hers from <paramref name="from"/> to <paramref name="to"/>, counted from the rows.</summary>
    public static int Nights(IEnumerable<Episode> episodes, string patientId, DateOnly from, DateOnly to) =>
        episodes.Where(e => e.PatientId == patientId && e.Night >= from && e.Night <= to).Select(e => e.Night).Distinct().Count();
}
