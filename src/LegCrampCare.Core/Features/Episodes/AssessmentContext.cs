using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
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
        var others = await episodes.ListByNightsAsync(
            episode.PatientId, episode.Night.AddDays(-TriageInput.MaxNightsAgo), episode.Night.AddDays(-1), ct);
        return others.Select(e => e.Night).Distinct();
    }

    /// <summary>The revisions of the guidance a result at this level links to, as readers see them now: "slug@revision-id,…".</summary>
    public static async Task<string> GuidanceShownAsync(IGuidanceStore guidance, TriageLevel level, CancellationToken ct)
    {
        var shown = new List<string>();
        foreach (var slug in GuidanceLinks.ForLevel(level))
        {
            if (await guidance.FindReadableAsync(slug, ct) is { } found)
            {
                shown.Add($"{slug}@{found.Revision.Id}");
            }
        }

        return string.Join(",", shown);
    }
}
