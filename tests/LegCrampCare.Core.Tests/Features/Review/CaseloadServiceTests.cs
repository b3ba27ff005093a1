using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Review;
using LegCrampCare.Core.Features.Sharing;
using LegCrampCare.Core.Triage;
using static LegCrampCare.Core.Tests.Features.Review.ReviewHarness;

namespace LegCrampCare.Core.Tests.Features.Review;

/// <summary>
/// The caseload's order (every tier and tie-break), filters, search, nights in each patient's time zone, and which grants
/// count. Episodes, assessments and reviews are put in the stores directly so each case is exact; the summaries come
/// from the raw rows (<see cref="LegCrampCare.Tests.Shared.CaseloadReference"/>).
/// </summary>
public sealed class CaseloadServiceTests
{
    private static readonly DateOnly PregnancyStart = new(2025, 12, 25);
    private readonly ReviewHarness _h = new();

    private DateTime Now => _h.Time.GetUtcNow().UtcDateTime;

    private string Patient(string name, string zone = "Europe/London", DateOnly? due = null, DateOnly? birth = null, DateOnly? coversFrom = null)
    {
        var id = "p-" + Guid.NewGuid().ToString("N")[..8];
        var profile = ReviewHarness.Profile(id, name, zone, due);
        if (birth is not null)
        {
            profile.BirthDate = birth;
        }

        _h.Profiles.Seed(profile);
        _h.Sharing.SeedGrant(NewGrant(id, coversFrom ?? SharingRules.CoversFrom(profile)!.Value));
        return id;
    }

    private CareGrant NewGrant(string patientId, DateOnly coversFrom, DateTime? createdAtUtc = null) => new()
    {
        Id = Guid.NewGuid(),
        PatientId = patientId,
        MidwifeId = MidwifeM,
        Method = GrantMethod.MidwifeEmail,
        CreatedAtUtc = createdAtUtc ?? Now.AddDays(-30),
        CoversFrom = coversFrom,
    };

    private Episode Episode(string patientId, DateTime startUtc, DateOnly? night = null)
    {
        var zone = PregnancyCalendar.FindZoneOrUtc(_h.Profiles.Peek(patientId)!.TimeZoneId);
        var episode = new Episode
        {
            Id = Guid.NewGuid(),
            PatientId = patientId,
            StartedAtUtc = startUtc,
            Night = night ?? PregnancyCalendar.NightOf(startUtc, zone),
            Side = Side.Left,
        };
        _h.Episodes.Seed(episode);
        return episode;
    }

    private Episode EpisodeOnNight(string patientId, DateOnly night)
    {
        var zone = PregnancyCalendar.FindZoneOrUtc(_h.Profiles.Peek(patientId)!.TimeZoneId);
        return Episode(patientId, PregnancyCalendar.LocalToUtc(night.ToDateTime(new TimeOnly(23, 0)), zone), night);
    }

    private Assessment Assess(Episode episode, TriageLevel level, DateTime atUtc, bool incomplete = false)
    {
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(),
            EpisodeId = episode.Id,
            PatientId = episode.PatientId,
            AssessedAtUtc = atUtc,
            Level = level,
            IsIncomplete = incomplete,
            FiredRules = incomplete ? "FS-1" : "",
            RuleSetVersion = "2026.1",
            Reason = AssessmentReason.Edited,
        };
        _h.Episodes.SeedAssessment(assessment);
        return assessment;
    }

    /// <summary>A patient with one episode whose only assessment is a flag at <paramref name="level"/>, raised <paramref name="ago"/>.</summary>
    private string Flagged(string name, TriageLevel level, TimeSpan ago)
    {
        var id = Patient(name);
        Assess(Episode(id, Now - ago - TimeSpan.FromMinutes(5)), level, Now - ago);
        return id;
    }

    private async Task ReviewAsync(Assessment assessment)
    {
        var written = await _h.Episodes.AddReviewAsync(new FlagReview
        {
            Id = Guid.NewGuid(), PatientId = assessment.PatientId, EpisodeId = assessment.EpisodeId, AssessmentId = assessment.Id,
            MidwifeId = MidwifeM, ReviewerName = MidwifeName, Note = "Seen.", AtUtc = Now,
        }, CancellationToken.None);
        Assert.Equal(ReviewWriteStatus.Added, written.Status);
    }

    private async Task<IReadOnlyList<CaseloadRow>> ListAsync(TriageLevel? level = null, string? search = null)
    {
        _h.SignIn(MidwifeM, Roles.Midwife);
        var result = await _h.CaseloadService.ListAsync(level, search);
        Assert.Equal(ResultStatus.Ok, result.Status);
        return result.Value!;
    }

    private async Task<string[]> NamesAsync(TriageLevel? level = null, string? search = null) =>
        [.. (await ListAsync(level, search)).Select(r => r.Name)];

    // ---- Order ----

    [Fact]
    public async Task ListAsync_UnreviewedFlags_EmergencyThenUrgentThenRoutineThenEveryoneElse()
    {
        var quiet = Patient("Nia Quiet");
        Episode(quiet, Now.AddMinutes(-1));
        Flagged("Rose Routine", TriageLevel.Routine, TimeSpan.FromHours(10));
        Flagged("Eve Emergency", TriageLevel.Emergency, TimeSpan.FromHours(1));
        Flagged("Uma Urgent", TriageLevel.Urgent, TimeSpan.FromHours(5));

        var rows = await ListAsync();

        Assert.Equal(["Eve Emergency", "Uma Urgent", "Rose Routine", "Nia Quiet"], rows.Select(r => r.Name));
        Assert.Equal([TriageLevel.Emergency, TriageLevel.Urgent, TriageLevel.Routine, (TriageLevel?)null], rows.Select(r => r.HighestUnreviewed));
        Assert.Equal([1, 1, 1, 0], rows.Select(r => r.UnreviewedCount));
    }

    [Fact]
    public async Task ListAsync_SameHighestLevel_OldestUnreviewedFirst()
    {
        Flagged("Una Newer", TriageLevel.Urgent, TimeSpan.FromHours(1));
        Flagged("Ula Older", TriageLevel.Urgent, TimeSpan.FromHours(3));

        var rows = await ListAsync();

        Assert.Equal(["Ula Older", "Una Newer"], rows.Select(r => r.Name));
        Assert.Equal(Now.AddHours(-3), rows[0].OldestUnreviewedAtUtc);
    }

    [Fact]
    public async Task ListAsync_SameHighestLevel_WaitingTimeIsThatOfTheHighestLevelNotOfOlderLowerFlags()
    {
        var both = Flagged("Cara Both", TriageLevel.Emergency, TimeSpan.FromHours(1));
        Assess(Episode(both, Now.AddDays(-10)), TriageLevel.Routine, Now.AddDays(-10));
        Flagged("Dina Emergency", TriageLevel.Emergency, TimeSpan.FromHours(3));

        var rows = await ListAsync();

        Assert.Equal(["Dina Emergency", "Cara Both"], rows.Select(r => r.Name));
        Assert.Equal((TriageLevel.Emergency, 2, Now.AddHours(-1)), (rows[1].HighestUnreviewed!.Value, rows[1].UnreviewedCount, rows[1].OldestUnreviewedAtUtc!.Value));
    }

    [Fact]
    public async Task ListAsync_NoUnreviewedFlags_NewestEpisodeFirstAndNoEpisodesLast()
    {
        Patient("Ada Never");
        Episode(Patient("Bo Yesterday"), Now.AddDays(-1));
        Episode(Patient("Cy Lately"), Now.AddHours(-1));

        var rows = await ListAsync();

        Assert.Equal(["Cy Lately", "Bo Yesterday", "Ada Never"], rows.Select(r => r.Name));
        Assert.Equal([Now.AddHours(-1), Now.AddDays(-1), (DateTime?)null], rows.Select(r => r.LastEpisodeAtUtc));
    }

    [Fact]
    public async Task ListAsync_SameFlagAndWaitingTime_LatestEpisodeThenNameDecide()
    {
        var later = Flagged("Zara Later", TriageLevel.Urgent, TimeSpan.FromHours(2));
        Episode(later, Now.AddMinutes(-10));
        Flagged("Beth Tie", TriageLevel.Urgent, TimeSpan.FromHours(2));
        Flagged("Abi Tie", TriageLevel.Urgent, TimeSpan.FromHours(2));

        Assert.Equal(["Zara Later", "Abi Tie", "Beth Tie"], await NamesAsync());
    }

    [Fact]
    public async Task ListAsync_SameNameAndActivity_OrderedByGrantSoItNeverJumps()
    {
        Patient("Sam Same");
        Patient("Sam Same");

        var first = await ListAsync();
        var again = await ListAsync();

        Assert.Equal(first.Select(r => r.GrantId).Order(), first.Select(r => r.GrantId));
        Assert.Equal(first.Select(r => r.GrantId), again.Select(r => r.GrantId));
    }

    [Fact]
    public async Task ListAsync_ReviewedSupersededOrOnlyIncomplete_IsNotAnUnreviewedFlag()
    {
        var id = Patient("Fay Settled");
        var reviewed = Assess(Episode(id, Now.AddHours(-6)), TriageLevel.Urgent, Now.AddHours(-6));
        await ReviewAsync(reviewed);
        var superseded = Episode(id, Now.AddHours(-5));
        Assess(superseded, TriageLevel.Emergency, Now.AddHours(-5));
        Assess(superseded, TriageLevel.None, Now.AddHours(-4));
        Assess(Episode(id, Now.AddHours(-3)), TriageLevel.Routine, Now.AddHours(-3), incomplete: true);
        Episode(Patient("Gil Later"), Now.AddHours(-1));

        var rows = await ListAsync();

        Assert.Equal(["Gil Later", "Fay Settled"], rows.Select(r => r.Name));
        Assert.Equal(((TriageLevel?)null, 0, (DateTime?)null), (rows[1].HighestUnreviewed, rows[1].UnreviewedCount, rows[1].OldestUnreviewedAtUtc));
    }

    [Fact]
    public async Task ListAsync_FlagReassessedBeforeReview_KeepsWaitingSinceTheFirstFlag()
    {
        var id = Patient("Kay Waiting");
        var episode = Episode(id, Now.AddHours(-5).AddMinutes(-5));
        Assess(episode, TriageLevel.Urgent, Now.AddHours(-5));
        Assess(episode, TriageLevel.Urgent, Now.AddHours(-1));
        Flagged("Lou Between", TriageLevel.Urgent, TimeSpan.FromHours(3));

        var rows = await ListAsync();

        Assert.Equal(["Kay Waiting", "Lou Between"], rows.Select(r => r.Name));
        Assert.Equal(Now.AddHours(-5), rows[0].OldestUnreviewedAtUtc);
        Assert.Equal(1, rows[0].UnreviewedCount);
    }

    [Fact]
    public async Task ListAsync_NewFlagAfterTheLastWasReviewed_WaitsFromTheNewOne()
    {
        var id = Patient("Mo Again");
        var episode = Episode(id, Now.AddHours(-8));
        await ReviewAsync(Assess(episode, TriageLevel.Urgent, Now.AddHours(-7)));
        Assess(episode, TriageLevel.Urgent, Now.AddHours(-1));

        var row = Assert.Single(await ListAsync());

        Assert.Equal((TriageLevel.Urgent, Now.AddHours(-1)), (row.HighestUnreviewed!.Value, row.OldestUnreviewedAtUtc!.Value));
    }

    // ---- Filters and search ----

    [Fact]
    public async Task ListAsync_LevelFilter_KeepsPatientsWhoseHighestUnreviewedFlagIsThatLevel()
    {
        var both = Flagged("Eve Both", TriageLevel.Emergency, TimeSpan.FromHours(1));
        Assess(Episode(both, Now.AddHours(-2)), TriageLevel.Urgent, Now.AddHours(-2));
        Flagged("Uma Urgent", TriageLevel.Urgent, TimeSpan.FromHours(5));
        Flagged("Rose Routine", TriageLevel.Routine, TimeSpan.FromHours(5));
        Episode(Patient("Nia Quiet"), Now.AddHours(-1));

        Assert.Equal(["Eve Both"], await NamesAsync(TriageLevel.Emergency));
        Assert.Equal(["Uma Urgent"], await NamesAsync(TriageLevel.Urgent));
        Assert.Equal(["Rose Routine"], await NamesAsync(TriageLevel.Routine));
        Assert.Equal(["Nia Quiet"], await NamesAsync(TriageLevel.None));
        Assert.Equal(4, (await NamesAsync()).Length);
    }

    [Theory]
    [InlineData("anna", "Anna Patient")]
    [InlineData("  PATIENT ", "Anna Patient,Bea Patient")]
    [InlineData("zoe", "Zoë Smith")]
    [InlineData("smi", "Zoë Smith")]
    [InlineData("", "Anna Patient,Bea Patient,Zoë Smith")]
    [InlineData("xyz", "")]
    public async Task ListAsync_Search_CaseAndAccentInsensitiveContainsOnHerName(string search, string expected)
    {
        Patient("Anna Patient");
        Patient("Bea Patient");
        Patient("Zoë Smith");

        var names = await NamesAsync(search: search);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_SearchAndLevelTogether_BothApply()
    {
        Flagged("Uma Urgent", TriageLevel.Urgent, TimeSpan.FromHours(1));
        Flagged("Una Urgent", TriageLevel.Urgent, TimeSpan.FromHours(1));
        Flagged("Uma Routine", TriageLevel.Routine, TimeSpan.FromHours(1));

        Assert.Equal(["Uma Urgent"], await NamesAsync(TriageLevel.Urgent, "uma"));
    }

    // ---- Nights, stage, grants ----

    [Fact]
    public async Task ListAsync_NightsLast7And28_CountedUpToEachPatientsOwnCurrentNight()
    {
        // 02:30 UTC on 10 June: 03:30 in London (still the night of the 9th), 14:30 in Auckland (the night of the 10th has begun).
        var london = Patient("Lena London");
        foreach (var night in new[] { new DateOnly(2026, 6, 9), new DateOnly(2026, 6, 9), new DateOnly(2026, 6, 3), new DateOnly(2026, 6, 2), new DateOnly(2026, 5, 13), new DateOnly(2026, 5, 12) })
        {
            EpisodeOnNight(london, night);
        }

        var auckland = Patient("Aroha Auckland", zone: "Pacific/Auckland");
        foreach (var night in new[] { new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 4), new DateOnly(2026, 6, 3), new DateOnly(2026, 5, 14), new DateOnly(2026, 5, 13) })
        {
            EpisodeOnNight(auckland, night);
        }

        var rows = (await ListAsync()).ToDictionary(r => r.Name);

        Assert.Equal((2, 4), (rows["Lena London"].NightsLast7, rows["Lena London"].NightsLast28));
        Assert.Equal((2, 4), (rows["Aroha Auckland"].NightsLast7, rows["Aroha Auckland"].NightsLast28));
    }

    [Fact]
    public async Task ListAsync_NightsBeforeHerCurrentPregnancy_AreNotCounted()
    {
        // Due 12 March 2027: this pregnancy began on 5 June 2026 (280 days before); the grant was made on 10 June.
        const string id = "p-ida";
        _h.Profiles.Seed(ReviewHarness.Profile(id, "Ida Early", due: new DateOnly(2027, 3, 12)));
        _h.Sharing.SeedGrant(NewGrant(id, new DateOnly(2026, 6, 5), createdAtUtc: Now));
        EpisodeOnNight(id, new DateOnly(2026, 6, 1));
        EpisodeOnNight(id, new DateOnly(2026, 6, 4));
        EpisodeOnNight(id, new DateOnly(2026, 6, 5));
        EpisodeOnNight(id, new DateOnly(2026, 6, 6));

        var row = Assert.Single(await ListAsync());

        Assert.Equal((2, 2), (row.NightsLast7, row.NightsLast28));
    }

    [Fact]
    public async Task ListAsync_UnreviewedFlagAndLatestCrampFromAnEarlierPregnancy_AreNotCounted()
    {
        var id = Patient("Nell Newagain");
        var earlier = EpisodeOnNight(id, PregnancyStart.AddDays(-1));
        Assess(earlier, TriageLevel.Emergency, earlier.StartedAtUtc.AddMinutes(1));
        var current = EpisodeOnNight(id, PregnancyStart);
        Assess(current, TriageLevel.Routine, current.StartedAtUtc.AddMinutes(1));

        var row = Assert.Single(await ListAsync());

        Assert.Equal((TriageLevel.Routine, 1, current.StartedAtUtc), (row.HighestUnreviewed, row.UnreviewedCount, row.LastEpisodeAtUtc));
    }

    [Fact]
    public async Task ListAsync_Stage_WeeksAndDaysWhilePregnantAndDayAfterBirth()
    {
        Patient("Pia Pregnant");
        Patient("Bea Born", birth: new DateOnly(2026, 6, 7));

        var rows = (await ListAsync()).ToDictionary(r => r.Name, r => r.Stage);

        Assert.Equal("23 weeks + 6 days", rows["Pia Pregnant"]);
        Assert.Equal("Day 3 after birth", rows["Bea Born"]);
    }

    [Fact]
    public async Task ListAsync_RevokedExpiredOrOtherMidwifesGrants_AreLeftOut()
    {
        Patient("Val Active");
        var revoked = Patient("Rita Revoked");
        var grant = _h.Sharing.Grants.Single(g => g.PatientId == revoked);
        await _h.Sharing.RevokeAsync(grant.Id, revoked, Now, CancellationToken.None);
        Patient("Ezra Expired", due: new DateOnly(2026, 2, 1));
        var other = Patient("Olive Other");
        var mine = _h.Sharing.Grants.Single(g => g.PatientId == other);
        await _h.Sharing.RevokeAsync(mine.Id, other, Now, CancellationToken.None);
        _h.Sharing.SeedGrant(NewGrant(other, PregnancyStart));
        _h.Sharing.SeedGrant(new CareGrant { Id = Guid.NewGuid(), PatientId = "p-elsewhere", MidwifeId = MidwifeOther, CreatedAtUtc = Now, CoversFrom = PregnancyStart });

        Assert.Equal(["Olive Other", "Val Active"], (await NamesAsync()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Patient)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.ClinicalApprover)]
    public async Task ListAsync_NotAMidwife_IsNotFound(string role)
    {
        Flagged("Anna Flagged", TriageLevel.Urgent, TimeSpan.FromHours(1));
        _h.SignIn("someone", role);

        var result = await _h.CaseloadService.ListAsync();

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Null(result.Value);
    }
}
