using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// Keeps the caseload summaries (<see cref="PatientNight"/>, <see cref="UnreviewedFlag"/>, <see cref="PatientActivity"/>)
/// current. Called by the stores inside the transaction of every episode, assessment and review write, so a summary is
/// never out of step with what it summarises. Each value is recomputed from the rows it summarises through an index (a
/// night's episodes, her latest episode, her unreviewed flags), never counted up or down, so a summary that was ever
/// wrong is put right by the next write.
/// </summary>
internal static class SummaryWriter
{
    /// <summary>Recounts her episodes on each of these nights: a row for each night that has any, none for the others.</summary>
    public static async Task RefreshNightsAsync(AppDbContext db, string patientId, IEnumerable<DateOnly> nights, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var night in nights.Distinct())
        {
            var count = await db.Episodes.CountAsync(e => e.PatientId == patientId && e.Night == night, ct);
            var row = await db.PatientNights.FindAsync([patientId, night], ct);
            if (count == 0)
            {
                if (row is not null)
                {
                    db.PatientNights.Remove(row);
                }
            }
            else if (row is null)
            {
                db.PatientNights.Add(new PatientNight { PatientId = patientId, Night = night, EpisodeCount = count });
            }
            else
            {
                row.EpisodeCount = count;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The first assessment of a new episode (which can have no waiting flag yet): a flag starts waiting for review, as
    /// this row (null when it is not a flag).
    /// </summary>
    public static UnreviewedFlag? FirstFlag(Assessment assessment) =>
        FlagReview.IsFlag(assessment)
            ? new UnreviewedFlag
            {
                EpisodeId = assessment.EpisodeId,
                PatientId = assessment.PatientId,
                AssessmentId = assessment.Id,
                Level = assessment.Level,
                SinceUtc = assessment.AssessedAtUtc,
            }
            : null;

    /// <summary>
    /// A new assessment is its episode's current one: it becomes the episode's unreviewed flag when it is a flag (keeping
    /// the time the episode's flag started waiting, if it was already waiting), and clears it when it is not.
    /// </summary>
    public static async Task TrackAssessmentAsync(AppDbContext db, Assessment assessment, CancellationToken ct)
    {
        var open = await db.UnreviewedFlags.FindAsync([assessment.EpisodeId], ct);
        if (!FlagReview.IsFlag(assessment))
        {
            if (open is not null)
            {
                db.UnreviewedFlags.Remove(open);
            }

            return;
        }

        if (open is null)
        {
            db.UnreviewedFlags.Add(new UnreviewedFlag
            {
                EpisodeId = assessment.EpisodeId,
                PatientId = assessment.PatientId,
                AssessmentId = assessment.Id,
                Level = assessment.Level,
                SinceUtc = assessment.AssessedAtUtc,
            });
        }
        else
        {
            open.AssessmentId = assessment.Id;
            open.Level = assessment.Level;
        }
    }

    /// <summary>
    /// Recomputes her activity row from her current pregnancy only (nights from <see cref="SharingRules.CoversFrom"/>,
    /// what a grant shows): her latest episode (index PatientId, Night), her unreviewed flags by level (joined to their
    /// episodes' nights) and her recent nights (primary key PatientId, Night, newest first); removes the row when she has
    /// no episodes in it. Also called when her profile is saved, since a new due date moves the first night.
    /// </summary>
    public static async Task RefreshActivityAsync(AppDbContext db, string patientId, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var pregnancy = await db.Profiles
            .Where(p => p.UserId == patientId)
            .Select(p => new PregnancyProfile { DueDate = p.DueDate, BirthDate = p.BirthDate })
            .FirstOrDefaultAsync(ct);
        var from = (pregnancy is null ? null : SharingRules.CoversFrom(pregnancy)) ?? DateOnly.MinValue;
        // Her latest episode through (PatientId, StartedAtUtc): it is in this pregnancy unless she has none in it yet.
        var latest = await db.Episodes
            .Where(e => e.PatientId == patientId)
            .OrderByDescending(e => e.StartedAtUtc)
            .Select(e => new { e.StartedAtUtc, e.Night })
            .FirstOrDefaultAsync(ct);
        var last = latest is null ? null
            : latest.Night >= from ? latest.StartedAtUtc
            : await db.Episodes.Where(e => e.PatientId == patientId && e.Night >= from).MaxAsync(e => (DateTime?)e.StartedAtUtc, ct);

        // Her unreviewed flags (few) through (PatientId, Level, SinceUtc), each kept when its episode's night is in this pregnancy.
        var flags = await db.UnreviewedFlags
            .Where(f => f.PatientId == patientId && db.Episodes.Any(e => e.Id == f.EpisodeId && e.Night >= from))
            .GroupBy(f => f.Level)
            .Select(g => new { Level = g.Key, Count = g.Count(), Oldest = g.Min(f => f.SinceUtc) })
            .ToListAsync(ct);
        var nights = await db.PatientNights
            .Where(n => n.PatientId == patientId && n.Night >= from)
            .OrderByDescending(n => n.Night)
            .Select(n => n.Night)
            .Take(NightMask.Span)
            .ToListAsync(ct);
        var row = await db.PatientActivity.FindAsync([patientId], ct);
        Apply(db, patientId, row, last, flags.Select(f => (f.Level, f.Count, f.Oldest)).ToList(), nights);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// <see cref="RefreshNightsAsync"/> for many patients' nights at once (the writer's batch): the same rows, from one
    /// count of the touched nights and one read of their summary rows.
    /// </summary>
    public static async Task RefreshNightsAsync(AppDbContext db, IReadOnlyDictionary<string, HashSet<DateOnly>> touched, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var patients = touched.Keys.ToList();
        var nights = touched.Values.SelectMany(n => n).Distinct().ToList();
        var counts = (await db.Episodes
                .Where(e => patients.Contains(e.PatientId) && nights.Contains(e.Night))
                .GroupBy(e => new { e.PatientId, e.Night })
                .Select(g => new { g.Key.PatientId, g.Key.Night, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(c => (c.PatientId, c.Night), c => c.Count);
        var rows = (await db.PatientNights
                .Where(n => patients.Contains(n.PatientId) && nights.Contains(n.Night))
                .ToListAsync(ct))
            .ToDictionary(n => (n.PatientId, n.Night));
        foreach (var (patientId, hers) in touched)
        {
            foreach (var night in hers)
            {
                var count = counts.GetValueOrDefault((patientId, night));
                var row = rows.GetValueOrDefault((patientId, night));
                if (count == 0)
                {
                    if (row is not null)
                    {
                        db.PatientNights.Remove(row);
                    }
                }
                else if (row is null)
                {
                    db.PatientNights.Add(new PatientNight { PatientId = patientId, Night = night, EpisodeCount = count });
                }
                else
                {
                    row.EpisodeCount = count;
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// <see cref="RefreshActivityAsync"/> for many patients at once (the writer's batch): the same values, from one read of
    /// their pregnancies with each one's latest episode (correlated lookups through (PatientId, StartedAtUtc)), one of
    /// their unreviewed flags with their episodes' nights, one of each one's newest night, one of the nights the mask can
    /// hold and one of their activity rows (plus a read for a patient with no profile, or whose newest cramp is from
    /// before this pregnancy).
    /// </summary>
    public static async Task RefreshActivityAsync(AppDbContext db, IReadOnlyCollection<string> patientIds, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var patients = patientIds.ToList();
        var pregnancies = await db.Profiles
            .Where(p => patients.Contains(p.UserId))
            .Select(p => new
            {
                p.UserId,
                p.DueDate,
                p.BirthDate,
                // Two scalar lookups, each one step down the index (PatientId, StartedAtUtc) from her newest episode.
                LatestAtUtc = db.Episodes.Where(e => e.PatientId == p.UserId).OrderByDescending(e => e.StartedAtUtc).Select(e => (DateTime?)e.StartedAtUtc).FirstOrDefault(),
                LatestNight = db.Episodes.Where(e => e.PatientId == p.UserId).OrderByDescending(e => e.StartedAtUtc).Select(e => (DateOnly?)e.Night).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var flags = await db.UnreviewedFlags
            .Where(f => patients.Contains(f.PatientId))
            .Select(f => new { f.PatientId, f.Level, f.SinceUtc, Night = db.Episodes.Where(e => e.Id == f.EpisodeId).Select(e => (DateOnly?)e.Night).FirstOrDefault() })
            .ToListAsync(ct);
        // Her newest night, then the nights the mask can hold (within NightMask.Span of it): the same nights the
        // single-patient query takes (the newest Span nights, of which the mask keeps those within Span of the newest).
        var newest = await db.PatientNights
            .Where(n => patients.Contains(n.PatientId))
            .GroupBy(n => n.PatientId)
            .Select(g => new { PatientId = g.Key, Night = g.Max(n => n.Night) })
            .ToListAsync(ct);
        var floor = newest.Count == 0 ? DateOnly.MaxValue : newest.Min(n => n.Night).AddDays(-(NightMask.Span - 1));
        var recentRows = await db.PatientNights
            .Where(n => patients.Contains(n.PatientId) && n.Night >= floor)
            .Select(n => new { n.PatientId, n.Night })
            .ToListAsync(ct);
        var rows = await db.PatientActivity.Where(a => patients.Contains(a.PatientId)).ToListAsync(ct);
        foreach (var patientId in patients)
        {
            var pregnancy = pregnancies.FirstOrDefault(p => p.UserId == patientId);
            var from = (pregnancy is null ? null : SharingRules.CoversFrom(new PregnancyProfile { DueDate = pregnancy.DueDate, BirthDate = pregnancy.BirthDate }))
                ?? DateOnly.MinValue;
            var latest = pregnancy is null
                // No profile (not onboarded): her latest episode, as the single-patient query reads it.
                ? await db.Episodes.Where(e => e.PatientId == patientId).OrderByDescending(e => e.StartedAtUtc)
                    .Select(e => new { e.StartedAtUtc, e.Night }).FirstOrDefaultAsync(ct)
                : pregnancy.LatestAtUtc is { } at && pregnancy.LatestNight is { } night ? new { StartedAtUtc = at, Night = night } : null;

            var last = latest is null ? null
                : latest.Night >= from ? latest.StartedAtUtc
                : await db.Episodes.Where(e => e.PatientId == patientId && e.Night >= from).MaxAsync(e => (DateTime?)e.StartedAtUtc, ct);
            var hers = flags
                .Where(f => f.PatientId == patientId && f.Night is { } night && night >= from)
                .GroupBy(f => f.Level)
                .Select(g => (Level: g.Key, Count: g.Count(), Oldest: g.Min(f => f.SinceUtc)))
                .ToList();
            var newestNight = newest.FirstOrDefault(n => n.PatientId == patientId)?.Night;
            var nights = newestNight is not { } top ? [] : recentRows
                .Where(r => r.PatientId == patientId && r.Night >= from && r.Night > top.AddDays(-NightMask.Span))
                .Select(r => r.Night)
                .OrderDescending()
                .ToList();
            Apply(db, patientId, rows.FirstOrDefault(r => r.PatientId == patientId), last, hers, nights);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Her activity row from what was read (added, changed, or removed when she has nothing in this pregnancy).</summary>
    private static void Apply(AppDbContext db, string patientId, PatientActivity? row, DateTime? last, List<(TriageLevel Level, int Count, DateTime Oldest)> flags, List<DateOnly> nights)
    {
        if (last is null && flags.Count == 0)
        {
            if (row is not null)
            {
                db.PatientActivity.Remove(row);
            }

            return;
        }

        if (row is null)
        {
            row = new PatientActivity { PatientId = patientId };
            db.PatientActivity.Add(row);
        }

        int CountOf(TriageLevel level) => flags.FirstOrDefault(f => f.Level == level).Count;
        var highest = flags.Count == 0 ? ((TriageLevel Level, int Count, DateTime Oldest)?)null : flags.MaxBy(f => f.Level);
        row.LastEpisodeAtUtc = last;
        row.UnreviewedRoutine = CountOf(TriageLevel.Routine);
        row.UnreviewedUrgent = CountOf(TriageLevel.Urgent);
        row.UnreviewedEmergency = CountOf(TriageLevel.Emergency);
        row.OldestAtHighestUtc = highest?.Oldest;
        row.LatestNight = nights.Count == 0 ? null : nights[0];
        row.RecentNights = nights.Count == 0 ? 0 : NightMask.Build(nights[0], nights);
    }
}
