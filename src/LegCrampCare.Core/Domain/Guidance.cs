namespace LegCrampCare.Core.Domain;

/// <summary>Where a revision is in the editorial workflow.</summary>
public enum RevisionState
{
    Draft = 1,
    AwaitingApproval = 2,
    Published = 3,
    Returned = 4,

    /// <summary>
    /// Shipped with the app (a versioned seed): readers see it, marked "awaiting approval by your organisation's clinical
    /// approver", until a real approver publishes a revision. Never shown as approved.
    /// </summary>
    Seeded = 5,
}

/// <summary>A guidance article: its stable identity. Its text lives in revisions.</summary>
public sealed class GuidanceArticle
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = "";

    /// <summary>"When to get help" and the like: can only be published through clinical approval.</summary>
    public bool IsSafetyCritical { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Optimistic concurrency: bumped on every save.</summary>
    public int Version { get; set; }
}

/// <summary>One saved version of an article's text and metadata. Never changed after it is saved, except its state.</summary>
public sealed class GuidanceRevision
{
    public Guid Id { get; set; }

    public Guid ArticleId { get; set; }

    public int Number { get; set; }

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Topic { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    /// <summary>The sources as JSON: [{"title": "...", "url": "https://..."}].</summary>
    public string SourcesJson { get; set; } = "[]";

    public int ReviewIntervalMonths { get; set; }

    /// <summary>When the evidence behind this text was last checked.</summary>
    public DateOnly? EvidenceCheckedOn { get; set; }

    public string? AuthorId { get; set; }

    public string AuthorName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string ChangeSummary { get; set; } = "";

    public RevisionState State { get; set; }

    public string? ApprovedById { get; set; }

    public string? ApprovedByName { get; set; }

    public string? ApprovedByRole { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }

    public string? ReturnComment { get; set; }
}

public sealed record GuidanceSource(string Title, string Url);
