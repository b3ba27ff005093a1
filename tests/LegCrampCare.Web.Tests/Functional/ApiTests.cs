using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>The pinned shapes and statuses of /api/v1 over real Kestrel (issue 13, ADR 0020).</summary>
public sealed class ApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] CalfAndFoot = ["calf", "foot"];
    private static readonly string[] Stretching = ["stretching"];

    private static string Now(int minutesAgo = 0) => DateTimeOffset.UtcNow.AddMinutes(-minutesAgo).ToString("O");

    private static object NewEpisode(Guid clientId, int minutesAgo = 5, string side = "left", object? answers = null) =>
        answers is null
            ? new { clientId, startedAt = Now(minutesAgo), side }
            : new { clientId, startedAt = Now(minutesAgo), side, answers };

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static void AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FirstCall201WithLocation_SameBody200_SameClientIdOtherBody409WithTheStoredEntry_OneRow()
    {
        using var client = await fixture.ClientAsync("patient-a");
        var clientId = Guid.NewGuid();
        var body = new { clientId, startedAt = Now(7), side = "left", answers = new { chestPain = "no" } };

        using var first = await client.PostAsync("/api/v1/episodes", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var stored = await JsonOf(first);
        var id = stored.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/episodes/{id}", first.Headers.Location?.ToString());
        Assert.Equal(clientId, stored.GetProperty("clientId").GetGuid());
        Assert.NotEqual(clientId, id);
        Assert.Equal("left", stored.GetProperty("side").GetString());
        Assert.Equal("no", stored.GetProperty("answers").GetProperty("chestPain").GetString());
        Assert.True(stored.TryGetProperty("night", out _));
        Assert.Equal("logged", stored.GetProperty("assessment").GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("assessment").GetProperty("card").GetProperty("heading").GetString()));
        Assert.Contains("no-store", first.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        using var again = await client.PostAsync("/api/v1/episodes", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await JsonOf(again)).GetProperty("id").GetGuid());

        using var other = await client.PostAsync("/api/v1/episodes", body with { side = "right" });
        AssertProblem(other, HttpStatusCode.Conflict);
        var conflict = await JsonOf(other);
        Assert.Equal(id, conflict.GetProperty("episode").GetProperty("id").GetGuid());
        Assert.Equal("left", conflict.GetProperty("episode").GetProperty("side").GetString());

        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Episodes.CountAsync(e => e.ClientId == clientId));
        Assert.Equal(1, await db.Assessments.CountAsync(a => a.EpisodeId == id));
    }

    [Fact]
    public async Task Post_TheSameInstantWithAnotherOffset_IsTheSameBody()
    {
        using var client = await fixture.ClientAsync("patient-a");
        var clientId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        using var first = await client.PostAsync("/api/v1/episodes", new { clientId, startedAt = at.ToString("O"), side = "both" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var again = await client.PostAsync("/api/v1/episodes", new { side = "both", startedAt = at.ToOffset(TimeSpan.FromHours(2)).ToString("O"), clientId });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task ClientIds_AreHersAlone_AnotherPatientsSameClientIdIsANewCramp()
    {
        using var a = await fixture.ClientAsync("patient-a");
        using var b = await fixture.ClientAsync("patient-b");
        var clientId = Guid.NewGuid();
        using var fromA = await a.PostAsync("/api/v1/episodes", NewEpisode(clientId));
        using var fromB = await b.PostAsync("/api/v1/episodes", NewEpisode(clientId, side: "right"));
        Assert.Equal(HttpStatusCode.Created, fromA.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromB.StatusCode);
        Assert.NotEqual((await JsonOf(fromA)).GetProperty("id").GetGuid(), (await JsonOf(fromB)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ConcurrentRetries_OfOneCramp_StoreOneRow()
    {
        using var client = await fixture.ClientAsync("patient-a");
        var body = NewEpisode(Guid.NewGuid(), 3);
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.PostAsync("/api/v1/episodes", body)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var ids = await Task.WhenAll(responses.Select(async r => (await JsonOf(r)).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task List_NewestFirst_WithNight_KeysetPagesCoverEverythingOnce_LimitCapped()
    {
        using var client = await fixture.ClientAsync("patient-b");
        var made = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.PostAsync("/api/v1/episodes", NewEpisode(Guid.NewGuid(), 60 + (i * 10)));
            made.Add((await JsonOf(response)).GetProperty("id").GetGuid());
        }

        var seen = new List<(Guid Id, DateTimeOffset At)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var page = await client.SendAsync(HttpMethod.Get, "/api/v1/episodes?limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var json = await JsonOf(page);
            foreach (var item in json.GetProperty("items").EnumerateArray())
            {
                Assert.True(DateOnly.TryParse(item.GetProperty("night").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
                seen.Add((item.GetProperty("id").GetGuid(), item.GetProperty("startedAt").GetDateTimeOffset()));
            }

            cursor = json.GetProperty("next").ValueKind == JsonValueKind.Null ? null : json.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        Assert.True(made.All(id => seen.Any(s => s.Id == id)));
        Assert.Equal(seen.OrderByDescending(s => s.At).Select(s => s.Id), seen.Select(s => s.Id));

        foreach (var huge in new[] { "100000", "99999999999999999999" })
        {
            using var capped = await client.SendAsync(HttpMethod.Get, "/api/v1/episodes?limit=" + huge);
            Assert.Equal(HttpStatusCode.OK, capped.StatusCode);
            Assert.True((await JsonOf(capped)).GetProperty("items").GetArrayLength() <= 100);
        }

        foreach (var bad in new[] { "0", "-1", "abc", "1.5" })
        {
            using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/episodes?limit=" + bad);
            AssertProblem(response, HttpStatusCode.BadRequest);
            Assert.True((await JsonOf(response)).GetProperty("errors").TryGetProperty("limit", out _));
        }
    }

    [Fact]
    public async Task Cursor_IsOpaque_AndUselessToAnotherPatient()
    {
        using var a = await fixture.ClientAsync("patient-a");
        for (var i = 0; i < 2; i++)
        {
            (await a.PostAsync("/api/v1/episodes", NewEpisode(Guid.NewGuid(), 200 + i))).Dispose();
        }

        using var page = await a.SendAsync(HttpMethod.Get, "/api/v1/episodes?limit=1");
        var next = (await JsonOf(page)).GetProperty("next").GetString()!;
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), next, StringComparison.Ordinal);

        using var b = await fixture.ClientAsync("patient-b");
        using var stolen = await b.SendAsync(HttpMethod.Get, "/api/v1/episodes?cursor=" + Uri.EscapeDataString(next));
        AssertProblem(stolen, HttpStatusCode.BadRequest);
        using var forged = await a.SendAsync(HttpMethod.Get, "/api/v1/episodes?cursor=AAAA" + next[4..]);
        AssertProblem(forged, HttpStatusCode.BadRequest);
        Assert.True((await JsonOf(forged)).GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task Get_Put_Patch_PainCheck_Confirm_Delete_OnHerOwnCramp()
    {
        using var client = await fixture.ClientAsync("patient-a");
        using var created = await client.PostAsync("/api/v1/episodes", NewEpisode(Guid.NewGuid(), 90));
        var id = (await JsonOf(created)).GetProperty("id").GetGuid();

        using var get = await client.SendAsync(HttpMethod.Get, $"/api/v1/episodes/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.True((await JsonOf(get)).GetProperty("assessment").GetProperty("isIncomplete").GetBoolean());

        // An edit replaces the record and is assessed again.
        var startedAt = DateTimeOffset.UtcNow.AddMinutes(-80).ToString("O");
        using var put = await client.SendAsync(HttpMethod.Put, $"/api/v1/episodes/{id}", JsonSerializer.Serialize(new
        {
            startedAt, side = "right", durationMinutes = 4, locations = CalfAndFoot, painScore = 6, helpedBy = Stretching, notes = "after a long walk",
        }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var edited = await JsonOf(put);
        Assert.Equal("right", edited.GetProperty("side").GetString());
        Assert.Equal(["calf", "foot"], edited.GetProperty("locations").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("edited", edited.GetProperty("assessment").GetProperty("reason").GetString());

        // One warning sign answered yes: the emergency answer, with the number to call.
        using var patch = await client.SendAsync(HttpMethod.Patch, $"/api/v1/episodes/{id}/answers", """{ "suddenBreathlessness": "yes" }""");
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var answered = await JsonOf(patch);
        Assert.Equal("emergency", answered.GetProperty("assessment").GetProperty("level").GetString());
        Assert.Contains("EM-1", answered.GetProperty("assessment").GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("999", answered.GetProperty("assessment").GetProperty("card").GetProperty("call").GetProperty("tel").GetString());
        Assert.Equal(4, answered.GetProperty("durationMinutes").GetInt32());

        using var pain = await client.SendAsync(HttpMethod.Post, $"/api/v1/episodes/{id}/pain-check", """{ "painNow": "gone" }""");
        Assert.Equal(HttpStatusCode.OK, pain.StatusCode);
        Assert.True((await JsonOf(pain)).GetProperty("painGone").GetBoolean());

        using var history = await client.SendAsync(HttpMethod.Get, $"/api/v1/episodes/{id}/assessments");
        Assert.True((await JsonOf(history)).GetArrayLength() >= 4);

        using var confirm = await client.SendAsync(HttpMethod.Post, $"/api/v1/episodes/{id}/confirm");
        AssertProblem(confirm, HttpStatusCode.BadRequest); // warning-sign questions still unanswered

        using var delete = await client.SendAsync(HttpMethod.Delete, $"/api/v1/episodes/{id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await client.SendAsync(HttpMethod.Get, $"/api/v1/episodes/{id}");
        AssertProblem(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Profile_GivesWhatTheEngineNeeds()
    {
        using var client = await fixture.ClientAsync("patient-a");
        using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/me/profile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await JsonOf(response);
        Assert.Equal("Europe/London", profile.GetProperty("timeZone").GetString());
        Assert.True(profile.GetProperty("isPregnant").GetBoolean());
        Assert.Equal("999", profile.GetProperty("contacts").GetProperty("emergency").GetProperty("tel").GetString());
        Assert.Equal(10m, profile.GetProperty("thresholds").GetProperty("typicalCrampMaxMinutes").GetDecimal());
        Assert.False(string.IsNullOrEmpty(profile.GetProperty("ruleSetVersion").GetString()));
        Assert.DoesNotContain(fixture.Canary, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // no name
    }

    [Fact]
    public async Task Anonymous_401_Staff_403_NeverARedirect_AndUnknownAddresses404Problem()
    {
        using var anonymous = await fixture.ClientAsync(null);
        using var list = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/episodes");
        AssertProblem(list, HttpStatusCode.Unauthorized);
        Assert.Null(list.Headers.Location);

        using var midwife = await fixture.ClientAsync("midwife");
        using var forbidden = await midwife.SendAsync(HttpMethod.Get, "/api/v1/episodes");
        AssertProblem(forbidden, HttpStatusCode.Forbidden);
        Assert.Null(forbidden.Headers.Location);

        using var patient = await fixture.ClientAsync("patient-a");
        using var unknown = await patient.SendAsync(HttpMethod.Get, "/api/v1/nothing-here");
        AssertProblem(unknown, HttpStatusCode.NotFound);
        Assert.DoesNotContain("<html", await unknown.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var notAGuid = await patient.SendAsync(HttpMethod.Get, "/api/v1/episodes/not-a-guid");
        AssertProblem(notAGuid, HttpStatusCode.NotFound);
        using var wrongMethod = await patient.SendAsync(HttpMethod.Put, "/api/v1/episodes", "{}");
        AssertProblem(wrongMethod, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Antiforgery_MissingOrStale_400SayingSo_FreshTokenWorks()
    {
        using var client = await fixture.ClientAsync("patient-a");
        var body = JsonSerializer.Serialize(NewEpisode(Guid.NewGuid()));
        var before = await fixture.CountRowsAsync();

        using var missing = await client.SendAsync(HttpMethod.Post, "/api/v1/episodes", body, withToken: false);
        AssertProblem(missing, HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", (await JsonOf(missing)).GetProperty("code").GetString());

        using var delete = await client.SendAsync(HttpMethod.Delete, $"/api/v1/episodes/{Guid.NewGuid()}", withToken: false);
        AssertProblem(delete, HttpStatusCode.BadRequest);

        // A token from before sign-in is another user's: stale.
        using var anonymous = await fixture.ClientAsync(null);
        var anonymousToken = anonymous.Token;
        var stale = client.Token;
        client.Token = anonymousToken;
        using var wrongUser = await client.SendAsync(HttpMethod.Post, "/api/v1/episodes", body);
        AssertProblem(wrongUser, HttpStatusCode.BadRequest);
        Assert.Equal(before, await fixture.CountRowsAsync());

        client.Token = stale;
        await client.RefreshTokenAsync();
        using var ok = await client.SendAsync(HttpMethod.Post, "/api/v1/episodes", body);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryApiEndpoint()
    {
        using var http = fixture.CreateClient();
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonOf(response);
        var paths = document.GetProperty("paths");

        var endpoints = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(endpoints.Count >= 11, $"Only {endpoints.Count} API endpoints found.");
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!.Replace(":guid", "", StringComparison.Ordinal).TrimEnd('/');
            Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is missing from /openapi/v1.json");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                Assert.True(operations.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is missing from /openapi/v1.json");
            }
        }
    }

    [Fact]
    public async Task ErrorsNeverCarryWhatSheSent()
    {
        using var client = await fixture.ClientAsync("patient-a");
        var secret = "Secret" + Guid.NewGuid().ToString("N")[..8];
        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/episodes",
            $$"""{ "clientId": "{{Guid.NewGuid()}}", "startedAt": "{{Now()}}", "side": "left", "mood": "{{secret}}" }""");
        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, fixture.ReadLogs(), StringComparison.Ordinal);
    }
}
