using System.Globalization;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using Microsoft.Extensions.Logging;

namespace LegCrampCare.Core.Features.Review;

/// <summary>
/// The calling midwife's caseload, from the summaries kept current on write: her active grants (revoked and expired
/// ones never appear), with nights counted in each patient's own time zone, sorted by what needs attention.
/// </summary>
public sealed class CaseloadService(
    ICurrentUser currentUser,
    ICaseloadStore store,
    SharingOptions options,
    TimeProvider time,
    ILogger<CaseloadService> logger) : ICaseloadService
{
    /// <summary>The search text is cut to this length (a name is at most 100 characters).</summary>
    public const int MaxSearchLength = 100;

    public async Task<ServiceResult<IReadOnlyList<CaseloadRow>>> ListAsync(TriageLevel? level = null, string? search = null, CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync(ct);
        if (user.UserId is not { } midwifeId || !user.IsInRole(Roles.Midwife))
        {
            return ServiceResult<IReadOnlyList<CaseloadRow>>.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var text = search?.Trim() ?? "";
        if (text.Length > MaxSearchLength)
        {
            text = text[..MaxSearchLength];
        }

        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var active = new List<(CaseloadCandidate Candidate, DateOnly CurrentNight, DateOnly Today)>();
        foreach (var candidate in Deduplicate(await store.ListCandidatesAsync(midwifeId, ct)))
        {
            if (SharingRules.Status(candidate.Grant, candidate.Profile, options, now) != GrantStatus.Active
                || !MatchesLevel(candidate.Activity, level)
                || !MatchesName(candidate.Profile.DisplayName, text))
            {
                continue;
            }

            if (!zones.TryGetValue(candidate.Profile.TimeZoneId, out var zone))
            {
                zone = PregnancyCalendar.FindZoneOrUtc(candidate.Profile.TimeZoneId);
                zones[candidate.Profile.TimeZoneId] = zone;
            }

            active.Add((candidate, PregnancyCalendar.NightOf(now, zone), PregnancyCalendar.LocalDate(now, zone)));
        }

        var queries = active.Select(a => NightsQuery(a.Candidate, a.CurrentNight)).ToList();
        var nights = queries.Count == 0 ? new Dictionary<string, RecentNights>() : await store.CountRecentNightsAsync(queries, ct);
        var rows = Sort(active.Select(a => ToRow(a.Candidate, a.Today, nights))).ToList();
        logger.LogInformation("Caseload listed for midwife {MidwifeId}: {Count} patients", midwifeId, rows.Count);
        return ServiceResult<IReadOnlyList<CaseloadRow>>.Ok(rows);
    }

    /// <summary>
    /// The 7 and 28 nights up to and including her current night, never before the first day the grant covers (nothing
    /// logged before it is hers to show).
    /// </summary>
    public static RecentNightsQuery NightsQuery(CaseloadCandidate candidate, DateOnly currentNight)
    {
        var coversFromNight = candidate.Grant.CoversFrom.AddDays(-1);
        var from7 = currentNight.AddDays(-6);
        var from28 = currentNight.AddDays(-27);
        return new RecentNightsQuery(
            candidate.Profile.UserId,
            from7 < coversFromNight ? coversFromNight : from7,
            from28 < coversFromNight ? coversFromNight : from28,
            currentNight);
    }

    /// <summary>
    /// Unreviewed flags first: highest level (EMERGENCY, URGENT, ROUTINE), then the one waiting longest at that level;
    /// then everyone else by latest episode, newest first (no episode yet: last). Ties by name, then grant, so the order
    /// never jumps between refreshes.
    /// </summary>
    public static IEnumerable<CaseloadRow> Sort(IEnumerable<CaseloadRow> rows) => rows
        .OrderBy(r => r.HighestUnreviewed is null ? 1 : 0)
        .ThenByDescending(r => r.HighestUnreviewed ?? TriageLevel.None)
        .ThenBy(r => r.OldestUnreviewedAtUtc ?? DateTime.MaxValue)
        .ThenByDescending(r => r.LastEpisodeAtUtc ?? DateTime.MinValue)
        .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
        .ThenBy(r => r.GrantId);

    /// <summary>Case- and accent-insensitive "contains", so "zoe" finds "Zoë".</summary>
    public static bool MatchesName(string name, string search) =>
        search.Length == 0 ||
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(name, search, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    /// <summary>
    /// A level keeps the patients whose highest unreviewed flag is that level; <see cref="TriageLevel.None"/> keeps those
    /// with nothing unreviewed.
    /// </summary>
    public static bool MatchesLevel(PatientActivitySummary? activity, TriageLevel? level) =>
        level is null || (activity?.HighestUnreviewed ?? TriageLevel.None) == level;

    /// <summary>One row per patient: should she have shared twice with the same midwife, the newest grant stands.</summary>
    private static IEnumerable<CaseloadCandidate> Deduplicate(IReadOnlyList<CaseloadCandidate> candidates) => candidates
        .GroupBy(c => c.Grant.PatientId, StringComparer.Ordinal)
        .Select(g => g.OrderByDescending(c => c.Grant.CreatedAtUtc).ThenBy(c => c.Grant.Id).First());

    private static CaseloadRow ToRow(CaseloadCandidate candidate, DateOnly today, IReadOnlyDictionary<string, RecentNights> nights)
    {
        var activity = candidate.Activity;
        var counted = nights.TryGetValue(candidate.Profile.UserId, out var n) ? n : new RecentNights(0, 0);
        return new CaseloadRow(
            candidate.Grant.Id,
            candidate.Profile.DisplayName,
            PregnancyCalendar.StageOn(candidate.Profile, today).Label,
            counted.Last7,
            counted.Last28,
            activity?.HighestUnreviewed,
            activity?.UnreviewedCount ?? 0,
            activity?.OldestAtHighestUtc,
            activity?.LastEpisodeAtUtc);
    }
}
