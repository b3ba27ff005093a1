using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Core.Features.Episodes;
using LegCrampCare.Infrastructure.Persistence;
using LegCrampCare.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// ADR 0021, "Nothing lost, nothing twice": answers the offline quick log kept are sent with when she gave them (the
/// phone's clock), when they were sent (the same clock) and what the phone's rules showed her. The server assesses them at
/// the moment she answered (corrected by the phone clock's offset), keeps the offset and what she was shown beside its own
/// result, and her home page says so when its result is higher.
/// </summary>
public sealed class PhoneReportTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan PhoneAhead = TimeSpan.FromHours(2);

    private static string At(DateTimeOffset instant) => instant.ToString("O");

    private async Task<List<Assessment>> AssessmentsAsync(Guid episodeId)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Assessments.AsNoTracking().Where(a => a.EpisodeId == episodeId).OrderBy(a => a.AssessedAtUtc).ToListAsync();
    }

    private async Task<IReadOnlyList<EpisodeDto>> HigherThanShownAsync(string patient)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var user = new FixedUser(new CurrentUserInfo(fixture.Users[patient].Id, new HashSet<string> { Roles.Patient }));
        var service = ActivatorUtilities.CreateInstance<EpisodeService>(scope.ServiceProvider, (ICurrentUser)user);
        var result = await service.GetHigherThanShownAsync();
        Assert.True(result.IsOk);
        return result.Value!;
    }

    [Fact]
    public async Task OfflineAnswers_AssessedWhenSheAnswered_OffsetAndWhatSheWasShownKept_HomeSaysTheResultIsHigher()
    {
        using var client = await fixture.ClientAsync("patient-a");
        var now = DateTimeOffset.UtcNow;
        var answered = now.AddHours(-2).AddMinutes(-50); // 03:10, say, sent when the phone found a connection at 06:00
        var clientId = Guid.NewGuid();
        object Body(DateTimeOffset sentAt) => new
        {
            clientId,
            startedAt = At(now.AddHours(-3)),
            side = "left",
            answers = new { swelling = "oneLeg", chestPain = "no" },
            device = new { answeredAt = At(answered + PhoneAhead), sentAt = At(sentAt + PhoneAhead), shown = new { level = "none", ruleSetVersion = "2026.1" } },
        };

        using var first = await client.PostAsync("/api/v1/episodes", Body(now));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var episodeId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var assessment = Assert.Single(await AssessmentsAsync(episodeId));
        Assert.Equal(TriageLevel.Urgent, assessment.Level);
        Assert.InRange(assessment.AssessedAtUtc, answered.UtcDateTime.AddSeconds(-10), answered.UtcDateTime.AddSeconds(10));
        Assert.InRange(assessment.ReceivedAtUtc!.Value, now.UtcDateTime.AddSeconds(-10), DateTime.UtcNow.AddSeconds(1));
        Assert.InRange(assessment.DeviceClockOffsetSeconds!.Value, 7190, 7210);
        Assert.Equal(TriageLevel.None, assessment.ShownLevel);
        Assert.Equal("2026.1", assessment.ShownRuleSetVersion);

        // A retry is sent at another moment: the same cramp, stored once.
        using var retry = await client.PostAsync("/api/v1/episodes", Body(now.AddMinutes(3)));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(await AssessmentsAsync(episodeId));

        // Her home page: the server's result of record is higher than what her phone showed her.
        var update = Assert.Single(await HigherThanShownAsync("patient-a"), e => e.Id == episodeId);
        Assert.Equal(TriageLevel.Urgent, update.Assessment!.Level);

        // A later answer from the phone, which showed her the same result: nothing higher to say any more.
        var later = DateTimeOffset.UtcNow;
        using var patch = await client.SendAsync(HttpMethod.Patch, $"/api/v1/episodes/{episodeId}/answers", JsonSerializer.Serialize(new
        {
            fainted = "no",
            device = new { answeredAt = At(later + PhoneAhead), sentAt = At(later + PhoneAhead), shown = new { level = "urgent", ruleSetVersion = TriageRules.Version } },
        }, ApiClient.Json));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var newest = (await AssessmentsAsync(episodeId))[^1];
        Assert.Equal(TriageLevel.Urgent, newest.ShownLevel);
        Assert.InRange(newest.AssessedAtUtc, later.UtcDateTime.AddSeconds(-10), DateTime.UtcNow.AddSeconds(1));
        Assert.DoesNotContain(await HigherThanShownAsync("patient-a"), e => e.Id == episodeId);
    }

    [Fact]
    public async Task PhoneTimes_OutsideTheCramp_AreKeptWithinIt_NeverBeforeItStartedOrAfterNow()
    {
        using var client = await fixture.ClientAsync("patient-b");
        var now = DateTimeOffset.UtcNow;
        var start = now.AddMinutes(-30);

        // Said to be answered a day before the cramp started (a phone clock set wrong, no sending time to correct it).
        using var early = await client.PostAsync("/api/v1/episodes", new
        {
            clientId = Guid.NewGuid(), startedAt = At(start), side = "right",
            device = new { answeredAt = At(now.AddDays(-1)) },
        });
        Assert.Equal(HttpStatusCode.Created, early.StatusCode);
        var first = Assert.Single(await AssessmentsAsync((await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Equal(start.UtcDateTime, first.AssessedAtUtc, TimeSpan.FromMilliseconds(1));
        Assert.Null(first.DeviceClockOffsetSeconds);
        Assert.Null(first.ShownLevel);

        // Said to be answered tomorrow: assessed now.
        using var late = await client.PostAsync("/api/v1/episodes", new
        {
            clientId = Guid.NewGuid(), startedAt = At(start), side = "right",
            device = new { answeredAt = At(now.AddDays(1)), sentAt = At(now) },
        });
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        var second = Assert.Single(await AssessmentsAsync((await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.InRange(second.AssessedAtUtc, now.UtcDateTime.AddSeconds(-10), DateTime.UtcNow.AddSeconds(1));
    }

    [Theory]
    [InlineData("{\"level\":\"urgent\"}", "device.shown")]
    [InlineData("{\"ruleSetVersion\":\"2026.2\"}", "device.shown")]
    [InlineData("{\"level\":\"urgent\",\"ruleSetVersion\":\"2026.2-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", "device.shown.ruleSetVersion")]
    public async Task WhatThePhoneShowed_Incomplete_400NamingTheField_NothingStored(string shown, string field)
    {
        using var client = await fixture.ClientAsync("patient-b");
        var before = await fixture.CountRowsAsync();
        var body = $$$"""{"clientId":"{{{Guid.NewGuid()}}}","startedAt":"{{{At(DateTimeOffset.UtcNow.AddMinutes(-5))}}}","side":"left","device":{"shown":{{{shown}}}}}""";

        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/episodes", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains("shown", messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountRowsAsync());
    }

    private sealed class FixedUser(CurrentUserInfo user) : ICurrentUser
    {
        public Task<CurrentUserInfo> GetAsync(CancellationToken ct = default) => Task.FromResult(user);
    }
}
