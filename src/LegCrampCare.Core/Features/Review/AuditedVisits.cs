using System.Collections.Concurrent;

namespace LegCrampCare.Core.Features.Review;

/// <summary>
/// The page visits whose view of a patient's log has been audited on this node: one page visit is one "log.viewed"
/// event, also when the page reloads the log after an acknowledgement or is started again by a resumed circuit
/// (Blazor's pause/resume keeps the page's visit id). Kept for 2 hours — as long as Blazor keeps a disconnected
/// circuit's state to resume it — and at most 20,000 visits; a visit resumed on another node, or later, is audited
/// again: more events, never fewer than visits.
/// </summary>
public sealed class AuditedVisits(TimeProvider time)
{
    internal static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    internal const int Capacity = 20_000;

    private readonly ConcurrentDictionary<(string MidwifeId, Guid GrantId, Guid VisitId), DateTimeOffset> _visits = new();

    /// <summary>Whether this midwife's visit of this grant has had its view audited already.</summary>
    public bool WasAudited(string midwifeId, Guid grantId, Guid visitId) =>
        _visits.TryGetValue((midwifeId, grantId, visitId), out var at) && time.GetUtcNow() - at < Lifetime;

    /// <summary>Called once the view's audit event is written.</summary>
    public void Audited(string midwifeId, Guid grantId, Guid visitId)
    {
        var now = time.GetUtcNow();
        if (_visits.Count >= Capacity)
        {
            Prune(now);
        }

        _visits[(midwifeId, grantId, visitId)] = now;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, at) in _visits)
        {
            if (now - at >= Lifetime)
            {
                _visits.TryRemove(key, out _);
            }
        }

        // Still full of live visits: forget the oldest half (they are audited again if they come back).
        if (_visits.Count >= Capacity)
        {
            foreach (var (key, _) in _visits.OrderBy(v => v.Value).Take(_visits.Count / 2).ToList())
            {
                _visits.TryRemove(key, out _);
            }
        }
    }
}
