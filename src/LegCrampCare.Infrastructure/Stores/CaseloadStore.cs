using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// The caseload's two queries, both over summaries kept current on write and both through indexes: the midwife's
/// unrevoked grants (index MidwifeId, RevokedAtUtc) joined to each patient's profile and activity row (primary keys);
/// and her nights with cramps counted from <see cref="PatientNight"/> (primary key PatientId, Night: a covering index
/// range per patient). Neither reads the episodes.
/// </summary>
public sealed class CaseloadStore(IDbContextFactory<AppDbContext> contexts) : ICaseloadStore
{
    public async Task<IReadOnlyList<CaseloadCandidate>> ListCandidatesAsync(string midwifeId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await CandidatesQuery(db, midwifeId).ToListAsync(ct);
        return rows.Select(r => new CaseloadCandidate(
                new CareGrant
                {
                    Id = r.GrantId,
                    PatientId = r.PatientId,
                    MidwifeId = midwifeId,
                    Method = r.Method,
                    CreatedAtUtc = r.CreatedAtUtc,
                    CoversFrom = r.CoversFrom,
                    RevokedAtUtc = null,
                },
                new PregnancyProfile
                {
                    UserId = r.PatientId,
                    DisplayName = r.DisplayName,
                    DueDate = r.DueDate,
                    BirthDate = r.BirthDate,
                    PregnancyEndedOn = r.PregnancyEndedOn,
                    TimeZoneId = r.TimeZoneId,
                },
                r.HasActivity
                    ? new PatientActivitySummary(
                        r.LastEpisodeAtUtc, r.UnreviewedRoutine, r.UnreviewedUrgent, r.UnreviewedEmergency,
                        r.OldestRoutineAtUtc, r.OldestUrgentAtUtc, r.OldestEmergencyAtUtc)
                    : null))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<string, RecentNights>> CountRecentNightsAsync(IReadOnlyCollection<RecentNightsQuery> queries, CancellationToken ct)
    {
        var result = new Dictionary<string, RecentNights>(StringComparer.Ordinal);
        if (queries.Count == 0)
        {
            return result;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);

        // Patients in the same time zone share their windows, so there is one query per distinct window (usually one).
        foreach (var group in queries.GroupBy(q => (q.Last7From, q.Last28From, q.Through)))
        {
            var ids = group.Select(q => q.PatientId).Distinct().ToList();
            var counts = await NightsQuery(db, ids, group.Key.Last7From, group.Key.Last28From, group.Key.Through).ToListAsync(ct);
            foreach (var c in counts)
            {
                result[c.PatientId] = new RecentNights(c.Last7, c.Last28);
            }
        }

        return result;
    }

    /// <summary>The candidates query (public for the query-plan test).</summary>
    public static IQueryable<CandidateRow> CandidatesQuery(AppDbContext db, string midwifeId) =>
        from grant in db.CareGrants
        where grant.MidwifeId == midwifeId && grant.RevokedAtUtc == null
        join profile in db.Profiles on grant.PatientId equals profile.UserId
        join activity in db.PatientActivity on grant.PatientId equals activity.PatientId into activities
        from activity in activities.DefaultIfEmpty()
        select new CandidateRow
        {
            GrantId = grant.Id,
            PatientId = grant.PatientId,
            Method = grant.Method,
            CreatedAtUtc = grant.CreatedAtUtc,
            CoversFrom = grant.CoversFrom,
            DisplayName = profile.DisplayName,
            DueDate = profile.DueDate,
            BirthDate = profile.BirthDate,
            PregnancyEndedOn = profile.PregnancyEndedOn,
            TimeZoneId = profile.TimeZoneId,
            HasActivity = activity != null,
            LastEpisodeAtUtc = activity == null ? null : activity.LastEpisodeAtUtc,
            UnreviewedRoutine = activity == null ? 0 : activity.UnreviewedRoutine,
            UnreviewedUrgent = activity == null ? 0 : activity.UnreviewedUrgent,
            UnreviewedEmergency = activity == null ? 0 : activity.UnreviewedEmergency,
            OldestRoutineAtUtc = activity == null ? null : activity.OldestRoutineAtUtc,
            OldestUrgentAtUtc = activity == null ? null : activity.OldestUrgentAtUtc,
            OldestEmergencyAtUtc = activity == null ? null : activity.OldestEmergencyAtUtc,
        };

    /// <summary>The nights query for patients sharing one window (public for the query-plan test).</summary>
    public static IQueryable<NightCountRow> NightsQuery(AppDbContext db, IReadOnlyCollection<string> patientIds, DateOnly last7From, DateOnly last28From, DateOnly through) =>
        db.PatientNights
            .Where(n => patientIds.Contains(n.PatientId) && n.Night >= last28From && n.Night <= through)
            .GroupBy(n => n.PatientId)
            .Select(g => new NightCountRow
            {
                PatientId = g.Key,
                Last7 = g.Count(n => n.Night >= last7From),
                Last28 = g.Count(),
            });

    /// <summary>One row of <see cref="CandidatesQuery"/>.</summary>
    public sealed class CandidateRow
    {
        public Guid GrantId { get; init; }

        public string PatientId { get; init; } = "";

        public GrantMethod Method { get; init; }

        public DateTime CreatedAtUtc { get; init; }

        public DateOnly CoversFrom { get; init; }

        public string DisplayName { get; init; } = "";

        public DateOnly? DueDate { get; init; }

        public DateOnly? BirthDate { get; init; }

        public DateOnly? PregnancyEndedOn { get; init; }

        public string TimeZoneId { get; init; } = "";

        public bool HasActivity { get; init; }

        public DateTime? LastEpisodeAtUtc { get; init; }

        public int UnreviewedRoutine { get; init; }

        public int UnreviewedUrgent { get; init; }

        public int UnreviewedEmergency { get; init; }

        public DateTime? OldestRoutineAtUtc { get; init; }

        public DateTime? OldestUrgentAtUtc { get; init; }

        public DateTime? OldestEmergencyAtUtc { get; init; }
    }

    /// <summary>One row of <see cref="NightsQuery"/>.</summary>
    public sealed class NightCountRow
    {
        public string PatientId { get; init; } = "";

        public int Last7 { get; init; }

        public int Last28 { get; init; }
    }
}
