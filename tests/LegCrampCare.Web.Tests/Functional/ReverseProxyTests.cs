using System.Net;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
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
    public async Task BehindAKnownProxy_AddressesInOneIPv6Network_ShareOneSignInLimit()
    {
        await using var factory = BehindProxy(known: true);
        var first = ClientFrom(factory, "2001:db8:1:2::10");
        var sameNetwork = ClientFrom(factory, "2001:db8:1:2:abcd::99");
        var otherNetwork = ClientFrom(factory, "2001:db8:1:3::10");

        await PostSignInAsync(first);
        await PostSignInAsync(first);

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostSignInAsync(sameNetwork));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostSignInAsync(otherNetwork));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    public void ClientKey_IsTheIPv4AddressOrTheIPv6Network(string address, string expected) =>
        Assert.Equal(expected, AccountRateLimiting.ClientKey(IPAddress.Parse(address)));

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
    public async Task BehindAKnownProxyOverHttps_TheAppSeesHttps_HstsSecureCookiesAndHttpsSignInRedirect()
    {
        await using var factory = BehindProxy(known: true, environment: "Production");
        var client = ClientFrom(factory, "203.0.113.7", "https");

        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data-testid=\"needs-https\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Before WebApplication's own authentication and authorization: the sign-in redirect stays on https.
        var history = await client.GetAsync(new Uri("/history", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, history.StatusCode);
        Assert.StartsWith("https://care.example/Account/Login", history.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromAnAddressNotNamedAsAProxy_ForwardedHttpsIsIgnored()
    {
        await using var factory = BehindProxy(known: false, environment: "Production");
        var client = ClientFrom(factory, "203.0.113.7", "https");

        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("data-testid=\"needs-https\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_SignInAndTwoStepCookies_AreSecureAndHostOnly()
    {
        await using var factory = BehindProxy(known: true, environment: "Production");
        var email = await TestAccounts.CreateAsync(factory.Services, Roles.Patient, Password);

        // The browser's side of the proxy is https (the test's cookie jar keeps Secure cookies to https).
        var browser = ClientFrom(factory, "203.0.113.7", "https", cookiesOver: "https");
        var signIn = await HtmlForms.SubmitAsync(browser, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        AssertHostOnlySecure(signIn, DeploymentSecurity.AuthCookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/history", UriKind.Relative))).StatusCode);

        // With two-step sign-in on, the cookie kept between password and code is one too.
        var setUp = await (await browser.GetAsync(new Uri(StaffTwoFactor.SetUpPath, UriKind.Relative))).Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(setUp, "data-testid=\"authenticator-key\">([A-Z0-9 ]+)</code>").Groups[1].Value;
        var enabled = await HtmlForms.SubmitAsync(browser, StaffTwoFactor.SetUpPath, "enable-2fa", ("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Contains("data-testid=\"recovery-codes\"", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var other = ClientFrom(factory, "203.0.113.9", "https", cookiesOver: "https");
        var password = await HtmlForms.SubmitAsync(other, "/Account/Login", "login", ("Input.Email", email), ("Input.Password", Password));
        Assert.Contains("/Account/LoginWith2fa", password.Headers.Location!.ToString(), StringComparison.Ordinal);
        AssertHostOnlySecure(password, DeploymentSecurity.TwoFactorCookie);
    }

    [Fact]
    public async Task OutsideDevelopment_OverPlainHttp_PagesStillWork_AndSignInSaysToUseHttps()
    {
        await using var factory = new TestAppFactory { Environment = "Production" };
        factory.Settings["Auth:StaffTwoFactor"] = "Required";
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://care.example/") });
        var local = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost/") });

        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var guidance = await client.GetAsync(new Uri("/guidance", UriKind.Relative));
        var onLocalhost = await local.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"needs-https\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, guidance.StatusCode);
        Assert.DoesNotContain("data-testid=\"needs-https\"", await onLocalhost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AssertHostOnlySecure(HttpResponseMessage response, string name)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/;", cookie + ";", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
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

    [Theory]
    [InlineData("Proxy:KnownProxies:0", "proxy.internal", "Proxy:KnownProxies must be IP addresses")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0", "Proxy:KnownNetworks must be address ranges")]
    public void AProxySettingThatIsNotAnAddress_StopsTheAppAtStart(string setting, string value, string message)
    {
        using var factory = new TestAppFactory();
        factory.Settings[setting] = value;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HstsSettings_WithSubdomainsAndPreload_AreSent()
    {
        await using var factory = BehindProxy(known: true, environment: "Production");
        factory.Settings["Hsts:MaxAge"] = "730.00:00:00";
        factory.Settings["Hsts:IncludeSubDomains"] = "true";
        factory.Settings["Hsts:Preload"] = "true";
        var client = ClientFrom(factory, "203.0.113.7", "https");

        var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal("max-age=63072000; includeSubDomains; preload", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData("Hsts:MaxAge", "800.00:00:00", "Hsts:MaxAge must be from 0 to 730.00:00:00")]
    [InlineData("Hsts:MaxAge", "-1.00:00:00", "Hsts:MaxAge must be from 0 to 730.00:00:00")]
    [InlineData("Hsts:Preload", "true", "Hsts:Preload needs Hsts:IncludeSubDomains=true")]
    public void AnHstsSettingThatCantWork_StopsTheAppAtStart(string setting, string value, string message)
    {
        using var factory = new TestAppFactory { Environment = "Production" };
        factory.Settings[setting] = value;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
