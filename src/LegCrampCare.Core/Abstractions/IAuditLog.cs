namespace LegCrampCare.Core.Abstractions;

/// <summary>Append-only audit trail: who did what to whose data, never the content.</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>What others did with this person's data, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAboutAsync(string subjectUserId, int take, CancellationToken ct);
}

/// <summary>One stored audit event.</summary>
public sealed record AuditRecord(DateTime AtUtc, string ActorId, string ActorRole, string Action, string? SubjectUserId, string Resource, string Outcome);

public sealed record AuditEntry(
    string ActorId,
    string ActorRole,
    string Action,
    string? SubjectUserId,
    string Resource,
    string Outcome);
