using System.Net;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>Sign-in, registration and reset posts are limited per client address.</summary>
public sealed class RateLimitTests : IClassFixture<RateLimitTests.Factory>
{
    private readonly Factory _factory;

    public RateLimitTests(Factory factory) => _factory = factory;

    public sealed class Factory : TestAppFactory
    {
        public Factory() => Settings["RateLimits:AccountPostsPerMinute"] = "3";
    }

    [Fact]
    public async Task LoginPosts_OverTheLimit_Answer429WithPlainMessage()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "wrong" });
            last = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Contains("Please wait a minute", await last!.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageViews_ManyGets_NotLimited()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync(new Uri("/Account/Register", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
