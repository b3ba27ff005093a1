using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Features.Review;
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
    /// Recomputes her activity row: her latest episode (index PatientId, StartedAtUtc), her unreviewed flags by level (index
    /// PatientId, Level, SinceUtc) and her recent nights (primary key PatientId, Night, newest first); removes the row when
    /// she has no episodes.
    /// </summary>
    public static async Task RefreshActivityAsync(AppDbContext db, string patientId, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var last = await db.Episodes.Where(e => e.PatientId == patientId).MaxAsync(e => (DateTime?)e.StartedAtUtc, ct);
        var flags = await db.UnreviewedFlags
            .Where(f => f.PatientId == patientId)
            .GroupBy(f => f.Level)
            .Select(g => new { Level = g.Key, Count = g.Count(), Oldest = g.Min(f => f.SinceUtc) })
            .ToListAsync(ct);
        var nights = await db.PatientNights
            .Where(n => n.PatientId == patientId)
            .OrderByDescending(n => n.Night)
            .Select(n => n.Night)
            .Take(NightMask.Span)
            .ToListAsync(ct);
        var row = await db.PatientActivity.FindAsync([patientId], ct);
        if (last is null && flags.Count == 0)
        {
            if (row is not null)
            {
                db.PatientActivity.Remove(row);
            }

            await db.SaveChangesAsync(ct);
            return;
        }

        if (row is null)
        {
            row = new PatientActivity { PatientId = patientId };
            db.PatientActivity.Add(row);
        }

        int CountOf(TriageLevel level) => flags.FirstOrDefault(f => f.Level == level)?.Count ?? 0;
        var highest = flags.Count == 0 ? null : flags.MaxBy(f => f.Level);
        row.LastEpisodeAtUtc = last;
        row.UnreviewedRoutine = CountOf(TriageLevel.Routine);
        row.UnreviewedUrgent = CountOf(TriageLevel.Urgent);
        row.UnreviewedEmergency = CountOf(TriageLevel.Emergency);
        row.OldestAtHighestUtc = highest?.Oldest;
        row.LatestNight = nights.Count == 0 ? null : nights[0];
        row.RecentNights = nights.Count == 0 ? 0 : NightMask.Build(nights[0], nights);
        await db.SaveChangesAsync(ct);
    }
}
