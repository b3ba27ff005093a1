using LegCrampCare.Core.Abstractions;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>Append-only: the app has no update or delete path for audit rows (account deletion only pseudonymises).</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            ActorId = entry.ActorId,
            ActorRole = entry.ActorRole,
            Action = entry.Action,
            SubjectUserId = entry.SubjectUserId,
            Resource = entry.Resource,
            Outcome = entry.Outcome,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditRecord>> ListAboutAsync(string subjectUserId, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEvents.AsNoTracking()
            .Where(a => a.SubjectUserId == subjectUserId)
            .OrderByDescending(a => a.Id)
            .Take(take)
            .Select(a => new AuditRecord(a.AtUtc, a.ActorId, a.ActorRole, a.Action, a.SubjectUserId, a.Resource, a.Outcome))
            .ToListAsync(ct);
    }
}
