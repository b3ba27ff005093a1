using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Infrastructure.Tests.Review;

/// <summary>
/// Patients, grants, episodes, assessments and reviews written through the real stores, and the caseload summaries as
/// stored next to what the raw rows say they should be (<see cref="CaseloadReference"/>).
/// </summary>
public sealed class ReviewData(TestDatabase database)
{
    public static readonly TimeZoneInfo London = PregnancyCalendar.FindZoneOrUtc("Europe/London");

    public IEpisodeStore Episodes => database.Services.GetRequiredService<IEpisodeStore>();

    public ICaseloadStore Caseloads => database.Services.GetRequiredService<ICaseloadStore>();

    /// <summary>A patient account with a profile (due 1 October 2026 and London unless given).</summary>
    public async Task<string> PatientAsync(string name = "Anna Patient", string zone = "Europe/London", DateOnly? due = null)
    {
        var id = await database.CreateUserAsync(Roles.Patient);
        await database.Services.GetRequiredService<IProfileStore>().SaveAsync(new PregnancyProfile
        {
            UserId = id,
            DisplayName = name,
            DateOfBirth = new DateOnly(1990, 1, 1),
            DueDate = due ?? new DateOnly(2026, 10, 1),
            TimeZoneId = zone,
            CreatedAtUtc = DateTime.UtcNow,
            UpdatedAtUtc = DateTime.UtcNow,
        }, CancellationToken.None);
        return id;
    }

    /// <summary>A grant for her current pregnancy, as the sharing service makes it.</summary>
    public async Task<CareGrant> GrantAsync(string patientId, string midwifeId, DateTime? createdAtUtc = null)
    {
        var profile = await database.Services.GetRequiredService<IProfileStore>().FindAsync(patientId, CancellationToken.None);
        var grant = new CareGrant
        {
            Id = Guid.NewGuid(),
            PatientId = patientId,
            MidwifeId = midwifeId,
            Method = GrantMethod.MidwifeEmail,
            CreatedAtUtc = createdAtUtc ?? new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc),
            CoversFrom = SharingRules.CoversFrom(profile!)!.Value,
        };
        await database.Services.GetRequiredService<ISharingStore>().AddGrantAsync(grant, CancellationToken.None);
        return grant;
    }

    public static Episode NewEpisode(string patientId, DateTime startUtc, TimeZoneInfo? zone = null) => new()
    {
        Id = Guid.NewGuid(),
        PatientId = patientId,
        StartedAtUtc = startUtc,
        Night = PregnancyCalendar.NightOf(startUtc, zone ?? London),
        Side = Side.Left,
        CreatedAtUtc = startUtc,
        UpdatedAtUtc = startUtc,
    };

    /// <summary>An assessment with the given result (the inputs are those of an empty episode; the caseload never reads them).</summary>
    public static Assessment NewAssessment(Episode episode, TriageLevel level, DateTime atUtc, bool incomplete = false) => new()
    {
        Id = Guid.NewGuid(),
        EpisodeId = episode.Id,
        PatientId = episode.PatientId,
        AssessedAtUtc = atUtc,
        Reason = AssessmentReason.Edited,
        RuleSetVersion = "2026.1",
        Level = level,
        FiredRules = incomplete ? "FS-1" : level switch
        {
            TriageLevel.Emergency => "EM-2",
            TriageLevel.Urgent => "UR-1",
            TriageLevel.Routine => "RO-2",
            _ => "NO-1",
        },
        IsIncomplete = incomplete,
        InputsJson = "{}",
    };

    public static FlagReview NewReview(Assessment assessment, string midwifeId, DateTime atUtc, string note = "Seen on the ward.") => new()
    {
        Id = Guid.NewGuid(),
        PatientId = assessment.PatientId,
        EpisodeId = assessment.EpisodeId,
        AssessmentId = assessment.Id,
        MidwifeId = midwifeId,
        ReviewerName = "Mary Midwife",
        Note = note,
        AtUtc = atUtc,
    };

    /// <summary>Adds an episode with its first assessment; returns both.</summary>
    public async Task<(Episode Episode, Assessment Assessment)> LogAsync(string patientId, DateTime startUtc, TriageLevel level, bool incomplete = false)
    {
        var episode = NewEpisode(patientId, startUtc);
        var assessment = NewAssessment(episode, level, startUtc.AddMinutes(1), incomplete);
        var (_, created) = await Episodes.AddIfAbsentAsync(episode, assessment, CancellationToken.None);
        Assert.True(created);
        return (episode, assessment);
    }

    /// <summary>The summaries as stored for her.</summary>
    public async Task<Stored> StoredAsync(string patientId)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        var nights = await db.PatientNights.AsNoTracking().Where(n => n.PatientId == patientId).ToListAsync();
        var activity = await db.PatientActivity.AsNoTracking().FirstOrDefaultAsync(a => a.PatientId == patientId);
        var flags = await db.UnreviewedFlags.AsNoTracking().Where(f => f.PatientId == patientId).ToListAsync();
        return new Stored(
            nights.OrderBy(n => n.Night).Select(n => (n.Night, n.EpisodeCount)).ToList(),
            activity is null
                ? null
                : new PatientActivitySummary(activity.LastEpisodeAtUtc, activity.UnreviewedRoutine, activity.UnreviewedUrgent, activity.UnreviewedEmergency,
                    activity.OldestAtHighestUtc, activity.LatestNight, activity.RecentNights),
            flags.Count);
    }

    /// <summary>What the summaries should be, computed the slow way from her raw rows.</summary>
    public async Task<Stored> ExpectedAsync(string patientId)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).ToListAsync();
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync();
        var reviews = await db.FlagReviews.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync();
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == patientId);
        var activity = CaseloadReference.Activity(profile, episodes, assessments, reviews);
        return new Stored(
            episodes.GroupBy(e => e.Night).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            activity,
            CaseloadReference.Activity(null, episodes, assessments, reviews)?.UnreviewedCount ?? 0); // one row per flagged episode, any pregnancy
    }

    /// <summary>The stored summaries equal the ones computed from the raw rows.</summary>
    public async Task AssertSummariesRightAsync(string patientId)
    {
        var expected = await ExpectedAsync(patientId);
        var stored = await StoredAsync(patientId);
        Assert.Equal(expected.Nights, stored.Nights);
        Assert.Equal(expected.Activity, stored.Activity);
        Assert.Equal(expected.FlagRows, stored.FlagRows);
    }

    public sealed record Stored(IReadOnlyList<(DateOnly Night, int Episodes)> Nights, PatientActivitySummary? Activity, int FlagRows);
}
