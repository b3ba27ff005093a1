using LegCrampCare.Core.Abstractions;

namespace LegCrampCare.Core.Tests.Fakes;

/// <summary>An append-only <see cref="IAuditLog"/> in memory, with the time of each entry.</summary>
public sealed class InMemoryAuditLog(TimeProvider time) : IAuditLog
{
    private readonly List<AuditRecord> _records = [];

    /// <summary>Every record written, oldest first.</summary>
    public IReadOnlyList<AuditRecord> Records => _records.ToList();

    public Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        _records.Add(new AuditRecord(time.GetUtcNow().UtcDateTime, entry.ActorId, entry.ActorRole, entry.Action, entry.SubjectUserId, entry.Resource, entry.Outcome));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> ListAboutAsync(string subjectUserId, int take, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>(_records.Where(r => r.SubjectUserId == subjectUserId).Reverse().Take(take).ToList());
}
