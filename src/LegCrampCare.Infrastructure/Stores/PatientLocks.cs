using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// One transaction at a time changes a patient's cramps, results, reviews or profile, so that her caseload summaries,
/// recounted inside each of them, stay exact (ADR 0022). On PostgreSQL several nodes write at once: each such
/// transaction first takes a transaction-scoped advisory lock on each of her ids, in ascending order, so two batches
/// that share patients can't deadlock. On SQLite the database's single write lock already does this.
/// </summary>
internal static class PatientLocks
{
    public static Task LockAsync(AppDbContext db, string patientId, CancellationToken ct) => LockAsync(db, [patientId], ct);

    public static async Task LockAsync(AppDbContext db, IEnumerable<string> patientIds, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var id in patientIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            // A 64-bit hash of her id: a collision only makes two patients wait for each other.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({id}, 0))", ct).ConfigureAwait(false);
        }
    }
}
