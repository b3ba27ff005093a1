using System.Net;
using LegCrampCare.Core.Domain;
using LegCrampCare.Tests.Shared;
using LegCrampCare.Web.Services;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// Behind a reverse proxy that ends TLS (ADR 0015): the client's address and scheme come from the proxy's
/// X-Forwarded-* headers, but only from a proxy named in the "Proxy" settings; outside Development the cookies that
/// prove who she is are Secure and host-only.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Password = "quiet night leg stretch";
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    private static TestAppFactory BehindProxy(bool known, string environment = "Testing")
    {
        var factory = new TestAppFactory { RemoteAddress = Proxy, Environment = environment };
        factory.Settings["RateLimits:AccountPostsPerMinute"] = "2";
        factory.Settings["Auth:StaffTwoFactor"] = "Required";
        if (known)
        {
            factory.Settings["Proxy:KnownProxies:0"] = Proxy.ToString();
        }

        return factory;
    }

    /// <summary>
    /// The proxy's requests to the app: plain HTTP, with the site's own name (HSTS is never sent for "localhost") and the
    /// client's address and scheme in X-Forwarded-* headers. <paramref name="cookiesOver"/> is the scheme the test's cookie
    /// jar believes it talks, as the browser does to the proxy: it keeps Secure cookies to itself over "http".
    /// </summary>
    private static HttpClient ClientFrom(TestAppFactory factory, string forwardedFor, string scheme = "http", string cookiesOver = "http")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{cookiesOver}://care.example/") });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        return client;
    }

    private static async Task<HttpStatusCode> PostSignInAsync(HttpClient client)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "wrong" });
        return (await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form)).StatusCode;
    }

    [Fact]
    public async Task BehindAKnownProxy_EachClientHasItsOwnSignInLimit()
    {
        await using var factory = BehindProxy(known: true);
        var first = ClientFrom(factory, "203.0.113.7");
        var second = ClientFrom(factory, "203.0.113.8");

        await PostSignInAsync(first);
        await PostSignInAsync(first);

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostSignInAsync(first));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostSignInAsync(second));
    }

    [Fact]
    public async Task FromAnAddressNotNamedAsAProxy_ForwardedHeadersAreIgnored_SoAForgedAddressDoesNotEscapeTheLimit()
    {
        await using var factory = BehindProxy(known: false);
        var first = ClientFrom(factory, "203.0.113.7");
        var forged = ClientFrom(factory, "198.51.100.1");

        await PostSignInAsync(first);
        await PostSignInAsync(first);

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostSignInAsync(forged));
    }

    [Fact]
    public async Task OutsideDevelopment_BehindAKnownProxyOverHttps_CookiesAreSecureAndHostOnly_AndHstsIsSent()
    {
        await using var factory = BehindProxy(known: true, environment: "Production");
        var email = await TestAccounts.CreateAsync(factory.Services, Roles.Patient, Password);
        var client = ClientFrom(factory, "203.0.113.7", "https");

        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DeploymentSecurity.AntiforgeryCookie + "=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var browser = ClientFrom(factory, "203.0.113.7", "https", cookiesOver: "https");
        var signIn = await HtmlForms.SubmitAsync(browser, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DeploymentSecurity.AuthCookie + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", auth, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/history", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task InTests_OverPlainHttp_TheCookieKeepsItsLoopbackName()
    {
        await using var factory = new TestAppFactory();
        var email = await TestAccounts.CreateAsync(factory.Services, Roles.Patient, Password);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signIn = await HtmlForms.SubmitAsync(client, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", Password));

        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lcc-auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AProxyThatIsNotAnAddress_StopsTheAppAtStart()
    {
        using var factory = new TestAppFactory();
        factory.Settings["Proxy:KnownProxies:0"] = "proxy.internal";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Proxy:KnownProxies must be IP addresses", error.ToString(), StringComparison.Ordinal);
    }
}
