using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LegCrampCare.Infrastructure.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Every /api/v1 route × patient A (the owner) / patient B / midwife / editor / admin / anonymous. Only A reaches her
/// cramp; B gets 404 (never 403: an id of someone else's is as good as none) and the attempt is audited as denied; staff
/// get 403; anonymous 401; nothing of hers is ever in another caller's response; the route list is read from the app,
/// so a new endpoint without a row here fails.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(ApiAuthorizationMatrixTests.Fixture fixture) : IClassFixture<ApiAuthorizationMatrixTests.Fixture>
{
    public sealed class Fixture : ApiFixture
    {
        public Guid EpisodeId { get; private set; }

        public string Note { get; } = "Note" + Guid.NewGuid().ToString("N")[..10];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var a = await ClientAsync("patient-a");
            using var created = await a.PostAsync("/api/v1/episodes", new
            {
                clientId = Guid.NewGuid(), startedAt = DateTimeOffset.UtcNow.AddMinutes(-40), side = "left", notes = Note,
                answers = new { chestPain = "no" },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            EpisodeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    public static readonly string[] Callers = ["patient-b", "midwife", "editor", "admin", "anonymous"];

    /// <summary>Each route with a request that would be valid for its owner (the body is what A could send).</summary>
    private static readonly (string Method, string Route, string? Body)[] Routes =
    [
        ("GET", "/api/v1/episodes", null),
        ("POST", "/api/v1/episodes", "{\"clientId\":\"" + Guid.NewGuid() + "\",\"startedAt\":\"" + DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O") + "\",\"side\":\"right\"}"),
        ("GET", "/api/v1/episodes/{id}", null),
        ("PUT", "/api/v1/episodes/{id}", "{\"startedAt\":\"" + DateTimeOffset.UtcNow.AddMinutes(-40).ToString("O") + "\",\"side\":\"both\"}"),
        ("PATCH", "/api/v1/episodes/{id}/answers", "{\"fainted\":\"no\"}"),
        ("POST", "/api/v1/episodes/{id}/pain-check", "{\"painNow\":\"notBetter\"}"),
        ("POST", "/api/v1/episodes/{id}/confirm", null),
        ("DELETE", "/api/v1/episodes/{id}", null),
        ("GET", "/api/v1/episodes/{id}/assessments", null),
        ("GET", "/api/v1/me/profile", null),
        ("GET", "/api/v1/me/offline-kit", null),
    ];

    public static TheoryData<string> EveryCaller() => new(Callers);

    [Fact]
    public void TheMatrix_CoversEveryApiRoute()
    {
        var routes = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true && e.RoutePattern.RawText != "/api/v1/antiforgery")
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (m, e.RoutePattern.RawText!.Replace("{id:guid}", "{id}", StringComparison.Ordinal).TrimEnd('/'))))
            .ToHashSet();
        Assert.Equal(routes.OrderBy(r => r.Item2).ThenBy(r => r.m), Routes.Select(r => (r.Method, r.Route)).OrderBy(r => r.Route).ThenBy(r => r.Method));
    }

    [Theory]
    [MemberData(nameof(EveryCaller))]
    public async Task EveryRoute_OnHerCramp_IsRefusedToEveryoneElse_AndNothingOfHersLeaks(string caller)
    {
        using var client = await fixture.ClientAsync(caller == "anonymous" ? null : caller);
        var before = await fixture.CountRowsAsync();
        int deniedBefore = await DeniedAsync();
        foreach (var (method, route, body) in Routes)
        {
            var path = route.Replace("{id}", fixture.EpisodeId.ToString(), StringComparison.Ordinal);
            using var response = await client.SendAsync(new HttpMethod(method), path, body);
            var text = await response.Content.ReadAsStringAsync();
            var expected = caller switch
            {
                "anonymous" => HttpStatusCode.Unauthorized,
                "patient-b" when route.Contains("{id}", StringComparison.Ordinal) => HttpStatusCode.NotFound,
                "patient-b" => response.StatusCode, // her own list, profile and a cramp of her own: allowed, checked below
                _ => HttpStatusCode.Forbidden,
            };
            Assert.True(expected == response.StatusCode, $"{caller} {method} {route}: {(int)response.StatusCode} {text}");
            Assert.Null(response.Headers.Location is { } location && !location.ToString().StartsWith("/api/v1/episodes/", StringComparison.Ordinal) ? location : null);
            Assert.DoesNotContain(fixture.Note, text, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.EpisodeId.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(fixture.Canary, text, StringComparison.Ordinal);
            if (caller == "patient-b" && !route.Contains("{id}", StringComparison.Ordinal))
            {
                Assert.True(response.IsSuccessStatusCode, $"{method} {route} for her own data: {(int)response.StatusCode}");
            }
        }

        // Her cramp is unchanged, and B's attempts on it are each audited as denied.
        using var owner = await fixture.ClientAsync("patient-a");
        using var mine = await owner.SendAsync(HttpMethod.Get, $"/api/v1/episodes/{fixture.EpisodeId}");
        var json = await mine.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("left", json.GetProperty("side").GetString());
        Assert.Equal(fixture.Note, json.GetProperty("notes").GetString());
        Assert.Equal("notAnswered", json.GetProperty("answers").GetProperty("fainted").GetString());
        var after = await fixture.CountRowsAsync();
        Assert.Equal(before.Assessments, after.Assessments - (caller == "patient-b" ? after.Episodes - before.Episodes : 0));
        if (caller == "patient-b")
        {
            Assert.Equal(Routes.Count(r => r.Route.Contains("{id}", StringComparison.Ordinal)), await DeniedAsync() - deniedBefore);
        }
        else
        {
            Assert.Equal(before, after);
        }
    }

    private async Task<int> DeniedAsync()
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var resource = $"episode:{fixture.EpisodeId}";
        return await db.AuditEvents.CountAsync(e => e.Resource == resource && e.Outcome == "denied");
    }
}
