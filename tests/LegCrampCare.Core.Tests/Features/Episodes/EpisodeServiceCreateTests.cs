using LegCrampCare.Core.Common;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Core.Tests.Fakes;
using LegCrampCare.Core.Triage;
using LegCrampCare.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LegCrampCare.Core.Tests.Features.Episodes;

/// <summary>
/// Logging from a client that makes its own ids (the API): exactly once per client id, a different body under the same
/// id is a conflict carrying the stored cramp, the start is an exact instant, validation as for any edit; and her
/// cramps a page at a time.
/// </summary>
public sealed class EpisodeServiceCreateTests
{
    private const string PatientA = "patient-a";
    private const string PatientB = "patient-b";

    private readonly FakeCurrentUser _user = new();
    private readonly InMemoryEpisodeStore _episodes = new();
    private readonly InMemoryProfileStore _profiles = new();

    // 03:30 BST on 10 June 2026.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 10, 2, 30, 0, TimeSpan.Zero));
    private readonly EpisodeService _service;

    public EpisodeServiceCreateTests()
    {
        _service = new EpisodeService(_user, _episodes, _profiles, new EpisodeAssessor(TriageEngine.Default), new InMemoryGuidanceStore(), new SafetyOptions(),
            new InMemoryAuditLog(_time), _time, NullLogger<EpisodeService>.Instance);
        foreach (var id in new[] { PatientA, PatientB })
        {
            _profiles.Seed(new PregnancyProfile { UserId = id, DisplayName = id, DateOfBirth = new DateOnly(1992, 4, 1), DueDate = new DateOnly(2026, 10, 1), TimeZoneId = "Europe/London" });
        }

        _user.SignInAsPatient(PatientA);
    }

    private CreateEpisodeRequest Request(Guid clientId, string hash = "h1", int minutesAgo = 10, EpisodeAnswers? answers = null) => new()
    {
        ClientId = clientId,
        StartedAtUtc = _time.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo),
        Details = new EpisodeDetails { Side = Side.Left, Answers = answers ?? new EpisodeAnswers() },
        RequestHash = hash,
    };

    [Fact]
    public async Task FirstCreates_SameFingerprintAnswersWithTheStored_OtherFingerprintIsAConflictCarryingIt()
    {
        var clientId = Guid.NewGuid();
        var first = await _service.CreateAsync(Request(clientId));
        Assert.True(first.IsOk);
        Assert.True(first.Value!.Created);
        Assert.Equal(clientId, first.Value.Episode.ClientId);
        Assert.NotEqual(clientId, first.Value.Episode.Id);
        Assert.NotNull(first.Value.Episode.Assessment?.Card);

        var again = await _service.CreateAsync(Request(clientId) with { StartedAtUtc = _time.GetUtcNow().UtcDateTime.AddMinutes(-10) });
        Assert.True(again.IsOk);
        Assert.False(again.Value!.Created);
        Assert.Equal(first.Value.Episode.Id, again.Value.Episode.Id);

        var other = await _service.CreateAsync(Request(clientId, hash: "h2"));
        Assert.Equal(ResultStatus.Conflict, other.Status);
        Assert.Equal(first.Value.Episode.Id, other.Value!.Episode.Id);
        Assert.Equal("ClientId", other.Errors[0].Field);
        Assert.Single(_episodes.All);
        Assert.Single(_episodes.Assessments);
    }

    [Fact]
    public async Task TheStartIsKeptAsTheExactInstant_AndItsNightIsInHerTimeZone()
    {
        var result = await _service.CreateAsync(Request(Guid.NewGuid(), minutesAgo: 90)); // 01:00 BST on the 10th
        var stored = _episodes.All.Single();
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddMinutes(-90), stored.StartedAtUtc);
        Assert.Equal(new DateOnly(2026, 6, 9), stored.Night);
        Assert.Equal(new DateTime(2026, 6, 10, 2, 0, 0), result.Value!.Episode.Details.StartedAtLocal);
    }

    [Fact]
    public async Task AnsweredWarningSign_IsAssessedOnTheFirstCall()
    {
        var result = await _service.CreateAsync(Request(Guid.NewGuid(), answers: new EpisodeAnswers { ChestPain = Answer.Yes }));
        Assert.Equal(TriageLevel.Emergency, result.Value!.Episode.Assessment!.Level);
    }

    [Theory]
    [InlineData(-10)] // in the future
    [InlineData(60 * 24 * 400)] // before the pregnancy began
    public async Task AStartOutsideHerPregnancy_IsInvalid_NothingStored(int minutesAgo)
    {
        var result = await _service.CreateAsync(Request(Guid.NewGuid(), minutesAgo: minutesAgo));
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Field == nameof(EpisodeDetails.StartedAtLocal));
        Assert.Empty(_episodes.All);
    }

    [Fact]
    public async Task AnEmptyClientId_IsInvalid_AndNotAPatient_IsNotFound()
    {
        Assert.Equal("ClientId", (await _service.CreateAsync(Request(Guid.Empty))).Errors.Single().Field);
        _user.User = FakeCurrentUser.InRole("midwife-1", Roles.Midwife);
        Assert.Equal(ResultStatus.NotFound, (await _service.CreateAsync(Request(Guid.NewGuid()))).Status);
        Assert.Empty(_episodes.All);
    }

    [Fact]
    public async Task ClientIdsArePerPatient()
    {
        var clientId = Guid.NewGuid();
        Assert.True((await _service.CreateAsync(Request(clientId))).Value!.Created);
        _user.SignInAsPatient(PatientB);
        Assert.True((await _service.CreateAsync(Request(clientId, hash: "other"))).Value!.Created);
        Assert.Equal(2, _episodes.All.Count);
    }

    [Fact]
    public async Task List_PagesNewestFirst_OnlyHers_LimitCapped()
    {
        for (var i = 0; i < 5; i++)
        {
            await _service.CreateAsync(Request(Guid.NewGuid(), minutesAgo: 10 + i));
        }

        _user.SignInAsPatient(PatientB);
        await _service.CreateAsync(Request(Guid.NewGuid()));
        _user.SignInAsPatient(PatientA);

        var first = await _service.ListAsync(null, 2);
        Assert.Equal(2, first.Value!.Items.Count);
        var second = await _service.ListAsync(first.Value.Next, 2);
        var third = await _service.ListAsync(second.Value!.Next, 2);
        Assert.Null(third.Value!.Next);
        var all = first.Value.Items.Concat(second.Value.Items).Concat(third.Value.Items).ToList();
        Assert.Equal(5, all.Count);
        Assert.Equal(all.OrderByDescending(e => e.StartedAtUtc).Select(e => e.Id), all.Select(e => e.Id));
        Assert.All(all, e => Assert.NotNull(e.Assessment));

        Assert.Equal(5, (await _service.ListAsync(null, 10_000)).Value!.Items.Count);
        Assert.Equal("limit", (await _service.ListAsync(null, 0)).Errors.Single().Field);
    }

    [Fact]
    public async Task NothingHelpedWithStretching_IsRefusedWhenChosen_ButNeverBlocksAnsweringAStoredCramp()
    {
        var contradictory = ReliefMethods.Nothing | ReliefMethods.Stretching;
        var refused = await _service.CreateAsync(Request(Guid.NewGuid()) with { Details = new EpisodeDetails { Side = Side.Left, HelpedBy = contradictory } });
        Assert.Equal(nameof(EpisodeDetails.HelpedBy), refused.Errors.Single().Field);

        // A cramp stored before the rule (the form once allowed both): her warning-sign answer still saves.
        var start = _time.GetUtcNow().UtcDateTime.AddMinutes(-30);
        var old = new Episode
        {
            Id = Guid.NewGuid(), PatientId = PatientA, StartedAtUtc = start, Night = PregnancyCalendar.NightOf(start, PregnancyCalendar.FindZoneOrUtc("Europe/London")),
            Side = Side.Left, HelpedBy = contradictory, CreatedAtUtc = start, UpdatedAtUtc = start,
        };
        _episodes.Seed(old);
        var stored = (await _service.GetAsync(old.Id)).Value!;
        var answered = await _service.UpdateAsync(new UpdateEpisodeRequest(old.Id, stored.Details with { Answers = stored.Details.Answers with { ChestPain = Answer.Yes } }));
        Assert.True(answered.IsOk);
        Assert.Equal(TriageLevel.Emergency, answered.Value!.Assessment!.Level);

        // Choosing the contradiction anew is refused.
        var fresh = await _service.CreateAsync(Request(Guid.NewGuid()));
        var changed = await _service.UpdateAsync(new UpdateEpisodeRequest(fresh.Value!.Episode.Id, fresh.Value.Episode.Details with { HelpedBy = contradictory }));
        Assert.Equal(nameof(EpisodeDetails.HelpedBy), changed.Errors.Single().Field);
    }
}
