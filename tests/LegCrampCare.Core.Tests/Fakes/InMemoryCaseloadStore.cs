using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Tests.Shared;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>
/// An <see cref="ICaseloadStore"/> over the other in-memory stores, with the summaries computed from the raw rows by
/// <see cref="CaseloadReference"/> (the definition the real store keeps current on write).
/// </summary>
public sealed class InMemoryCaseloadStore(InMemorySharingStore sharing, InMemoryProfileStore profiles, InMemoryEpisodeStore episodes) : ICaseloadStore
{
    public async Task<IReadOnlyList<CaseloadCandidate>> ListCandidatesAsync(string midwifeId, CancellationToken ct)
    {
        var result = new List<CaseloadCandidate>();
        var newestPerPatient = (await sharing.ListUnrevokedGrantsForMidwifeAsync(midwifeId, ct))
            .GroupBy(g => g.PatientId)
            .Select(g => g.OrderByDescending(x => x.CreatedAtUtc).First());
        foreach (var grant in newestPerPatient)
        {
            if (await profiles.FindAsync(grant.PatientId, ct) is not { } profile)
            {
                continue;
            }

            var mine = episodes.All.Where(e => e.PatientId == grant.PatientId).ToList();
            var ids = mine.Select(e => e.Id).ToHashSet();
            result.Add(new CaseloadCandidate(
                grant,
                profile,
                CaseloadReference.Activity(profile, mine, episodes.Assessments.Where(a => ids.Contains(a.EpisodeId)), episodes.Reviews.Where(r => ids.Contains(r.EpisodeId)))));
        }

        return result;
    }
}
