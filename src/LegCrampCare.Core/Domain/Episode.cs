namespace LegCrampCare.Core.Domain;

/// <summary>One cramp episode as the patient logged it. Times are UTC; <see cref="Night"/> is in her time zone.</summary>
public sealed class Episode
{
    /// <summary>Created by the client when the log action starts, so a retried save never makes a second episode.</summary>
    public Guid Id { get; set; }

    public string PatientId { get; set; } = "";

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
