using LegCrampCare.Core.Domain;
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
