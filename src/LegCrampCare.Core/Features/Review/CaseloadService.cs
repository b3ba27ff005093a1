using System.Globalization;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
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

        // Her local date and current night depend only on her time zone: computed once per zone, not per patient.
        var zones = new Dictionary<string, (DateOnly Today, DateOnly CurrentNight)>(StringComparer.Ordinal);
        var rows = new List<CaseloadRow>();
        foreach (var candidate in await store.ListCandidatesAsync(midwifeId, ct))
        {
            if (!zones.TryGetValue(candidate.Profile.TimeZoneId, out var local))
            {
                var zone = PregnancyCalendar.FindZoneOrUtc(candidate.Profile.TimeZoneId);
                local = (PregnancyCalendar.LocalDate(now, zone), PregnancyCalendar.NightOf(now, zone));
                zones[candidate.Profile.TimeZoneId] = local;
            }

            if (SharingRules.Status(candidate.Grant, candidate.Profile, options, local.Today) == GrantStatus.Active
                && MatchesLevel(candidate.Activity, level)
                && MatchesName(candidate.Profile.DisplayName, text))
            {
                rows.Add(ToRow(candidate, local.Today, local.CurrentNight));
            }
        }

        rows.Sort(Order);
        logger.LogInformation("Caseload listed for midwife {MidwifeId}: {Count} patients", midwifeId, rows.Count);
        return ServiceResult<IReadOnlyList<CaseloadRow>>.Ok(rows);
    }

    /// <summary>
    /// Nights with cramps in her last 7 and 28 nights, up to and including her current night, never before the first
    /// night the grant covers (her current pregnancy; nothing logged before it is the midwife's to see).
    /// </summary>
    public static (int Last7, int Last28) RecentNights(PatientActivitySummary? activity, DateOnly coversFrom, DateOnly currentNight)
    {
        if (activity is null)
        {
            return (0, 0);
        }

        var first = coversFrom;
        var from7 = currentNight.AddDays(-6);
        var from28 = currentNight.AddDays(-27);
        return (
            activity.NightsBetween(from7 < first ? first : from7, currentNight),
            activity.NightsBetween(from28 < first ? first : from28, currentNight));
    }

    /// <summary>
    /// Unreviewed flags first: highest level (EMERGENCY, URGENT, ROUTINE), then the one waiting longest at that level;
    /// then everyone else by latest episode, newest first (no episode yet: last). Ties by name, then grant, so the order
    /// never jumps between refreshes.
    /// </summary>
    public static int Order(CaseloadRow a, CaseloadRow b)
    {
        var flagged = (b.HighestUnreviewed is not null).CompareTo(a.HighestUnreviewed is not null);
        if (flagged != 0)
        {
            return flagged;
        }

        var level = (b.HighestUnreviewed ?? TriageLevel.None).CompareTo(a.HighestUnreviewed ?? TriageLevel.None);
        if (level != 0)
        {
            return level;
        }

        var waiting = (a.OldestUnreviewedAtUtc ?? DateTime.MaxValue).CompareTo(b.OldestUnreviewedAtUtc ?? DateTime.MaxValue);
        if (waiting != 0)
        {
            return waiting;
        }

        var latest = (b.LastEpisodeAtUtc ?? DateTime.MinValue).CompareTo(a.LastEpisodeAtUtc ?? DateTime.MinValue);
        if (latest != 0)
        {
            return latest;
        }

        var name = StringComparer.CurrentCultureIgnoreCase.Compare(a.Name, b.Name);
        return name != 0 ? name : a.GrantId.CompareTo(b.GrantId);
    }

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

    private static CaseloadRow ToRow(CaseloadCandidate candidate, DateOnly today, DateOnly currentNight)
    {
        var activity = candidate.Activity;
        var counted = RecentNights(activity, SharingRules.CoversFrom(candidate.Profile) ?? candidate.Grant.CoversFrom, currentNight);
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
