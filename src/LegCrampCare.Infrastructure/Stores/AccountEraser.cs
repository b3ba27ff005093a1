using System.Security.Cryptography;
using System.Text;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LegCrampCare.Infrastructure.Stores;

/// <summary>
/// Deletes an account and everything of hers in one transaction: episodes, assessments, her midwives' reviews of them,
/// the caseload summaries, profile, Identity rows. Audit events are kept (the trail is append-only) but her id in them
/// is replaced by a pseudonym. A midwife's reviews stay on her patients' records (they are part of each patient's
/// log) with the midwife's id replaced by the same pseudonym.
/// </summary>
public sealed class AccountEraser(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public static string Pseudonym(string userId) =>
        "deleted-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16];

    public async Task<bool> EraseAsync(string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PatientLocks.LockAsync(db, userId, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return false;
        }

        var pseudonym = Pseudonym(userId);
        await db.FlagReviews.Where(r => r.PatientId == userId).ExecuteDeleteAsync(ct);
        await db.FlagReviews.Where(r => r.MidwifeId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.MidwifeId, pseudonym), ct);
        await db.UnreviewedFlags.Where(f => f.PatientId == userId).ExecuteDeleteAsync(ct);
        await db.PatientNights.Where(n => n.PatientId == userId).ExecuteDeleteAsync(ct);
        await db.PatientActivity.Where(a => a.PatientId == userId).ExecuteDeleteAsync(ct);
        await db.Assessments.Where(a => a.PatientId == userId).ExecuteDeleteAsync(ct);
        await db.Episodes.Where(e => e.PatientId == userId).ExecuteDeleteAsync(ct);
        await db.Profiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.ShareCodes.Where(c => c.PatientId == userId).ExecuteDeleteAsync(ct);
        await db.CareGrants.Where(g => g.PatientId == userId || g.MidwifeId == userId).ExecuteDeleteAsync(ct);
        await db.AuditEvents.Where(a => a.ActorId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorId, pseudonym), ct);
        await db.AuditEvents.Where(a => a.SubjectUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubjectUserId, pseudonym), ct);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            ActorId = pseudonym,
            ActorRole = "Self",
            Action = "account.deleted",
            SubjectUserId = pseudonym,
            Resource = "account",
            Outcome = "success",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
