namespace LegCrampCare.Core.Features.Sharing;

/// <summary>Configuration section "Sharing": how long consent lasts and how often an open page re-checks it.</summary>
public sealed class SharingOptions
{
    public const string Section = "Sharing";

    /// <summary>A grant ends this many weeks after the birth.</summary>
    public int WeeksAfterBirth { get; set; } = 12;

    /// <summary>With no birth recorded, a grant ends this many weeks after the due date.</summary>
    public int WeeksAfterDueDate { get; set; } = 14;

    /// <summary>How long a share code can be used.</summary>
    public int ShareCodeValidDays { get; set; } = 7;

    /// <summary>How often a midwife's open page re-checks that the grant is still active (at most a minute).</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wrong share codes a midwife may enter per hour before she must wait.</summary>
    public int MaxFailedCodesPerHour { get; set; } = 10;
}
