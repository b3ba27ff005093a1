namespace LegCrampCare.Infrastructure.Persistence;

/// <summary>One audit row: who did what to whose data, when, with what outcome. Never the content.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorRole { get; set; } = "";

    public string Action { get; set; } = "";

    public string? SubjectUserId { get; set; }

    public string Resource { get; set; } = "";

    public string Outcome { get; set; } = "";
}
