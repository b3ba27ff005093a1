namespace LegCrampCare.Infrastructure.Persistence;

/// <summary>One-time release work that is done (e.g. "reassess-2026.2"): recorded so that no restart runs it again.</summary>
public sealed class ReleaseTask
{
    public string Name { get; set; } = "";

    public DateTime CompletedAtUtc { get; set; }
}
