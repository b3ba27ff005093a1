using LegCrampCare.Rules;
namespace LegCrampCare.Core.Domain;

/// <summary>One cramp episode as the patient logged it. Times are UTC; <see cref="Night"/> is in her time zone.</summary>
public sealed class Episode
{
    /// <summary>Created by the client when the log action starts, so a retried save never makes a second episode.</summary>
    public Guid Id { get; set; }

    public string PatientId { get; set; } = "";

    /// <summary>
    /// The id the logging client gave this cramp (unique per patient): a retried or replayed log with the same client id
    /// stores nothing new. The live pages use the episode's own id; the API's clients (the offline log) make their own.
    /// </summary>
    public Guid ClientId
    {
        get => _clientId == Guid.Empty ? Id : _clientId;
        set => _clientId = value;
    }

    private Guid _clientId;

    /// <summary>
    /// A fingerprint (SHA-256, hex) of what the client first sent for this <see cref="ClientId"/> through the API: the same
    /// body again answers with the stored cramp, a different one is a conflict. Null for cramps logged on the live pages.
    /// </summary>
    public string? ClientRequestHash { get; set; }

    public DateTime StartedAtUtc { get; set; }

    /// <summary>The night it belongs to (12:00–11:59 local, named by the evening's date).</summary>
    public DateOnly Night { get; set; }

    public Side Side { get; set; }

    public int? DurationMinutes { get; set; }

    public CrampLocations Locations { get; set; }

    public int? PainScore { get; set; }

    public ReliefMethods HelpedBy { get; set; }

    /// <summary>How long pain has stayed after the cramp released, in hours so far.</summary>
    public decimal? PainAfterHours { get; set; }

    /// <summary>Continuous severe pain with no clear release, in minutes.</summary>
    public int? ContinuousPainMinutes { get; set; }

    public decimal? CalfDifferenceCm { get; set; }

    /// <summary>
    /// The calf circumference difference her midwife measured. When set it takes precedence over
    /// <see cref="CalfDifferenceCm"/> (her own) for triage; only the midwife's review path writes it.
    /// </summary>
    public decimal? MidwifeCalfDifferenceCm { get; set; }

    public EpisodeAnswers Answers { get; set; } = new();

    public string? Notes { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When she last answered "is the pain still there?" (the follow-up).</summary>
    public DateTime? PainCheckedAtUtc { get; set; }

    /// <summary>When she told us the pain had gone.</summary>
    public DateTime? PainGoneAtUtc { get; set; }

    /// <summary>A warning-sign question, "Is the pain still there?" or, while it is, "Which leg still hurts?" is unanswered (W8).</summary>
    public bool HasMissingAnswers => Answers.HasMissingAnswers(PainGoneAtUtc is not null);

    /// <summary>When she confirmed it as it is in the morning review (unanswered questions stay unanswered).</summary>
    public DateTime? ReviewedAtUtc { get; set; }
}
