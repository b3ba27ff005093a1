using LegCrampCare.Core.Abstractions;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>Keeps every audit entry, in order, with the time it was written.</summary>
public sealed class RecordingAuditLog(TimeProvider time) : IAuditLog
{
    public List<AuditRecord> Records { get; } = [];

    public Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        Records.Add(new AuditRecord(time.GetUtcNow().UtcDateTime, entry.ActorId, entry.ActorRole, entry.Action, entry.SubjectUserId, entry.Resource, entry.Outcome));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> ListAboutAsync(string subjectUserId, int take, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>(Records.Where(r => r.SubjectUserId == subjectUserId).Reverse().Take(take).ToList());
}
