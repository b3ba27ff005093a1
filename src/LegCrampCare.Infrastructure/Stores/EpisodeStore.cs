using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// The single write path for episodes, their assessments and the midwife's reviews. Every write runs in one transaction
/// with the caseload summaries it affects (<see cref="SummaryWriter"/>), so the summaries are never behind.
/// </summary>
public sealed class EpisodeStore(IDbContextFactory<AppDbContext> contexts, EpisodeWriter writer) : IEpisodeStore
{
    /// <summary>Through the one writer (group commit): answered when the batch it was stored in is durable.</summary>
    public Task<(Episode Episode, bool Created)> AddIfAbsentAsync(Episode episode, Assessment assessment, CancellationToken ct) =>
        writer.AddIfAbsentAsync(episode, assessment, ct);

    public async Task<Episode?> FindByClientIdAsync(string patientId, Guid clientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.PatientId == patientId && e.ClientId == clientId, ct);
    }

    public async Task<IReadOnlyList<Episode>> ListPageAsync(string patientId, (DateTime StartedAtUtc, Guid Id)? after, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var hers = db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId);
        var list = new List<Episode>();
        if (after is { } cursor)
        {
            // The rest of the cursor's own start time (rare: two cramps logged in the same tick), in id order.
            var ties = await hers.Where(e => e.StartedAtUtc == cursor.StartedAtUtc).ToListAsync(ct);
            list.AddRange(ties.Where(e => e.Id.CompareTo(cursor.Id) < 0));
            hers = hers.Where(e => e.StartedAtUtc < cursor.StartedAtUtc);
        }

        // Through the index (PatientId, StartedAtUtc), newest first; one more than asked tells whether there is a next page.
        var older = await hers.OrderByDescending(e => e.StartedAtUtc).Take(take + 1).ToListAsync(ct);
        if (older.Count > take && older[take].StartedAtUtc == older[take - 1].StartedAtUtc)
        {
            // The page would end inside a group of cramps with the same start time: take the whole group, so that the
            // order inside it (by id) is complete and the next page's cursor continues it exactly.
            var boundary = older[take].StartedAtUtc;
            older.RemoveAll(e => e.StartedAtUtc == boundary);
            older.AddRange(await hers.Where(e => e.StartedAtUtc == boundary).ToListAsync(ct));
        }

        list.AddRange(older);
        return list
            .OrderByDescending(e => e.StartedAtUtc)
            .ThenByDescending(e => e.Id)
            .Take(take + 1)
            .ToList();
    }

    public async Task<Episode?> FindAsync(string patientId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.PatientId == patientId, ct);
    }

    public async Task<bool> BelongsToAnotherAsync(string patientId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AnyAsync(e => e.Id == id && e.PatientId != patientId, ct);
    }

    public async Task<bool> UpdateAsync(Episode episode, Assessment? assessment, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PatientLocks.LockAsync(db, episode.PatientId, ct);
        var stored = await db.Episodes.AsNoTracking()
            .Where(e => e.Id == episode.Id && e.PatientId == episode.PatientId)
            .Select(e => new { e.Night })
            .FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return false;
        }

        db.Episodes.Update(episode);

        // Only the midwife's path writes her measurement: the patient's edit (loaded before) must not erase a newer one.
        db.Entry(episode).Property(e => e.MidwifeCalfDifferenceCm).IsModified = false;
        if (assessment is not null)
        {
            db.Assessments.Add(assessment);
            await SummaryWriter.TrackAssessmentAsync(db, assessment, ct);
        }

        await SummaryWriter.RefreshNightsAsync(db, episode.PatientId, [stored.Night, episode.Night], ct);
        await SummaryWriter.RefreshActivityAsync(db, episode.PatientId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> RecordMidwifeCalfDifferenceAsync(string patientId, Guid episodeId, decimal? differenceCm, Assessment assessment, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PatientLocks.LockAsync(db, patientId, ct);
        var changed = await db.Episodes
            .Where(e => e.Id == episodeId && e.PatientId == patientId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.MidwifeCalfDifferenceCm, differenceCm), ct);
        if (changed != 1 || assessment.EpisodeId != episodeId || assessment.PatientId != patientId)
        {
            return false;
        }

        db.Assessments.Add(assessment);
        await SummaryWriter.TrackAssessmentAsync(db, assessment, ct);
        await SummaryWriter.RefreshActivityAsync(db, patientId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<Assessment?> FindAssessmentAsync(string patientId, Guid assessmentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, ct);
    }

    public async Task<IReadOnlyList<Assessment>> ListAssessmentsForEpisodesAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct)
    {
        if (episodeIds.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && episodeIds.Contains(a.EpisodeId))
            .ToListAsync(ct);
        return list.OrderBy(a => a.AssessedAtUtc).ToList();
    }

    public async Task<ReviewWrite> AddReviewAsync(FlagReview review, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await PatientLocks.LockAsync(db, review.PatientId, ct);
            var assessment = await db.Assessments.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Id == review.AssessmentId && a.PatientId == review.PatientId && a.EpisodeId == review.EpisodeId, ct);
            if (assessment is null)
            {
                return new ReviewWrite(ReviewWriteStatus.NotFound, null);
            }

            if (await db.FlagReviews.AsNoTracking().FirstOrDefaultAsync(r => r.AssessmentId == review.AssessmentId, ct) is { } existing)
            {
                return new ReviewWrite(ReviewWriteStatus.AlreadyReviewed, existing);
            }

            if (await db.Assessments.AnyAsync(a => a.EpisodeId == assessment.EpisodeId && a.AssessedAtUtc > assessment.AssessedAtUtc, ct))
            {
                return new ReviewWrite(ReviewWriteStatus.NotCurrent, null);
            }

            db.FlagReviews.Add(review);
            await db.UnreviewedFlags.Where(f => f.AssessmentId == review.AssessmentId).ExecuteDeleteAsync(ct);
            await SummaryWriter.RefreshActivityAsync(db, review.PatientId, ct);
            await tx.CommitAsync(ct);
            return new ReviewWrite(ReviewWriteStatus.Added, review);
        }
        catch (DbUpdateException)
        {
            // Another review of the same assessment was stored first (one per assessment): answer with that one.
            await using var again = await contexts.CreateDbContextAsync(ct);
            var stored = await again.FlagReviews.AsNoTracking().FirstOrDefaultAsync(r => r.AssessmentId == review.AssessmentId, ct);
            if (stored is null)
            {
                throw;
            }

            return new ReviewWrite(ReviewWriteStatus.AlreadyReviewed, stored);
        }
    }

    public async Task<IReadOnlyList<FlagReview>> ListReviewsSinceAsync(string patientId, DateTime sinceUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.FlagReviews.AsNoTracking().Where(r => r.PatientId == patientId && r.AtUtc >= sinceUtc).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, FlagReview>> ReviewsForAsync(string patientId, IReadOnlyCollection<Guid> assessmentIds, CancellationToken ct)
    {
        if (assessmentIds.Count == 0)
        {
            return new Dictionary<Guid, FlagReview>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.FlagReviews.AsNoTracking()
            .Where(r => r.PatientId == patientId && assessmentIds.Contains(r.AssessmentId))
            .ToListAsync(ct);
        return list.ToDictionary(r => r.AssessmentId);
    }

    public async Task<IReadOnlyList<Assessment>> ListAssessmentsAsync(string patientId, Guid episodeId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.Assessments.AsNoTracking()
            .Where(a => a.EpisodeId == episodeId && a.PatientId == patientId)
            .ToListAsync(ct);
        return list.OrderByDescending(a => a.AssessedAtUtc).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, Assessment>> LatestAssessmentsAsync(string patientId, IReadOnlyCollection<Guid> episodeIds, CancellationToken ct)
    {
        if (episodeIds.Count == 0)
        {
            return new Dictionary<Guid, Assessment>();
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && episodeIds.Contains(a.EpisodeId))
            .ToListAsync(ct);
        return list
            .GroupBy(a => a.EpisodeId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedAtUtc).First());
    }

    public async Task<IReadOnlyList<Guid>> ListEpisodesAssessedSinceAsync(string patientId, AssessmentReason reason, DateTime sinceUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.AssessedAtUtc >= sinceUtc && a.Reason == reason)
            .Select(a => a.EpisodeId)
            .Distinct()
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Guid>> ListEpisodesAssessedAboveShownSinceAsync(string patientId, DateTime sinceUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && (a.ReceivedAtUtc ?? a.AssessedAtUtc) >= sinceUtc && a.ShownLevel != null && a.Level > a.ShownLevel)
            .Select(a => a.EpisodeId)
            .Distinct()
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Episode>> ListWithOngoingPainAsync(string patientId, DateTime sinceUtc, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.StartedAtUtc >= sinceUtc && e.PainGoneAtUtc == null &&
                        e.Answers.PainStillThere == Answer.Yes)
            .ToListAsync(ct);
    }

    public async Task<bool> DeleteAsync(string patientId, Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PatientLocks.LockAsync(db, patientId, ct);
        var stored = await db.Episodes.AsNoTracking()
            .Where(e => e.Id == id && e.PatientId == patientId)
            .Select(e => new { e.Night })
            .FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return false;
        }

        // Its assessments, reviews and unreviewed flag go with it (foreign keys, cascade).
        await db.UnreviewedFlags.Where(f => f.EpisodeId == id).ExecuteDeleteAsync(ct);
        await db.Episodes.Where(e => e.Id == id && e.PatientId == patientId).ExecuteDeleteAsync(ct);
        await SummaryWriter.RefreshNightsAsync(db, patientId, [stored.Night], ct);
        await SummaryWriter.RefreshActivityAsync(db, patientId, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<int> DeleteAllAsync(string patientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PatientLocks.LockAsync(db, patientId, ct);
        await db.UnreviewedFlags.Where(f => f.PatientId == patientId).ExecuteDeleteAsync(ct);
        var deleted = await db.Episodes.Where(e => e.PatientId == patientId).ExecuteDeleteAsync(ct);
        await db.PatientNights.Where(n => n.PatientId == patientId).ExecuteDeleteAsync(ct);
        await db.PatientActivity.Where(a => a.PatientId == patientId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    public async Task<IReadOnlyList<DateOnly>> ListNightsBetweenAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.Night >= fromNight && e.Night <= toNight)
            .Select(e => e.Night)
            .Distinct()
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<DateOnly>> ListNightsAsync(string patientId, int skip, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.AsNoTracking()
            .Where(e => e.PatientId == patientId)
            .Select(e => e.Night)
            .Distinct()
            .OrderByDescending(n => n)
            .Skip(skip)
            .Take(take)
            .ToListAsync(ct);
    }

    public async Task<int> CountNightsAsync(string patientId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Episodes.Where(e => e.PatientId == patientId).Select(e => e.Night).Distinct().CountAsync(ct);
    }

    public async Task<IReadOnlyList<Episode>> ListByNightsAsync(string patientId, DateOnly fromNight, DateOnly toNight, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var list = await db.Episodes.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.Night >= fromNight && e.Night <= toNight)
            .ToListAsync(ct);
        return list.OrderByDescending(e => e.StartedAtUtc).ToList();
    }
}
