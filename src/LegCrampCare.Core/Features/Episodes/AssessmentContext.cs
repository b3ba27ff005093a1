using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Core.Triage;

namespace LegCrampCare.Core.Features.Episodes;

/// <summary>
/// What every assessment of an episode needs besides the episode itself, the same whoever causes it (the patient's
/// log, edit or follow-up, or her midwife's measurement).
/// </summary>
public static class AssessmentContext
{
    /// <summary>Nights of her other episodes in the 28 nights before this one (RO-1), in her time zone.</summary>
    public static async Task<IEnumerable<DateOnly>> OtherNightsAsync(IEpisodeStore episodes, Episode episode, CancellationToken ct)
    {
        return await episodes.ListNightsBetweenAsync(
            episode.PatientId, episode.Night.AddDays(-TriageInput.MaxNightsAgo), episode.Night.AddDays(-1), ct);
    }

    /// <summary>The revisions of the guidance a result at this level links to, as readers see them now: "slug@revision-id,…".</summary>
    public static async Task<string> GuidanceShownAsync(IGuidanceStore guidance, TriageLevel level, CancellationToken ct)
    {
        var slugs = GuidanceLinks.ForLevel(level);
        var revisions = await guidance.FindReadableRevisionIdsAsync(slugs, ct);
        return string.Join(",", slugs.Where(revisions.ContainsKey).Select(slug => $"{slug}@{revisions[slug]}"));
    }
}
