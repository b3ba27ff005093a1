using System.Net;
using System.Text.Json;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// The API's limit counts per account, so that patients behind one address (a hospital's Wi-Fi, a carrier's NAT) are not
/// throttled as one; a refusal is a 429 problem with Retry-After.
/// </summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.Fixture fixture) : IClassFixture<ApiRateLimitTests.Fixture>
{
    public const int Limit = 8;

    public sealed class Fixture : ApiFixture
    {
        public Fixture() => Settings["Api:RequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task OneAccountOverItsLimit_Gets429WithRetryAfter_AnotherAccountOnTheSameAddressDoesNot()
    {
        using var a = await fixture.ClientAsync("patient-a");
        using var b = await fixture.ClientAsync("patient-b");

        var ok = 1; // the antiforgery token was the first request
        HttpResponseMessage? refused = null;
        for (var i = 0; i < Limit + 2 && refused is null; i++)
        {
            var response = await a.SendAsync(HttpMethod.Get, "/api/v1/episodes");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ok++;
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(Limit, ok);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(int.TryParse(refused.Headers.GetValues("Retry-After").Single(), out var seconds) && seconds is >= 1 and <= 60, "Retry-After");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        refused.Dispose();

        using var other = await b.SendAsync(HttpMethod.Get, "/api/v1/episodes");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
