namespace LegCrampCare.Core.Abstractions;

/// <summary>Append-only audit trail: who did what to whose data, never the content.</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken ct);
}

public sealed record AuditEntry(
    string ActorId,
    string ActorRole,
    string Action,
    string? SubjectUserId,
    string Resource,
    string Outcome);
