using System.Net;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>The real app over HTTP: it starts, its pages answer, and signed-out users are sent to sign in.</summary>
public sealed class AppTests : IClassFixture<AppTests.Factory>
{
    private readonly Factory _factory;

    public AppTests(Factory factory) => _factory = factory;

    public sealed class Factory : TestAppFactory;

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Health_DatabaseReachable_ReturnsHealthy()
    {
        var response = await Client().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    public async Task PublicPage_Anonymous_Answers200WithSafetyNet(string path)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"tel:999\"", html, StringComparison.Ordinal);
        Assert.Contains("When to get help", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/history")]
    [InlineData("/profile")]
    [InlineData("/onboarding")]
    [InlineData("/episodes/6f1d1d7e-8f0b-4a53-9a55-1c1c1c1c1c1c")]
    [InlineData("/episodes/6f1d1d7e-8f0b-4a53-9a55-1c1c1c1c1c1c/questions")]
    [InlineData("/admin/users")]
    [InlineData("/Account/Manage")]
    public async Task PatientPage_Anonymous_RedirectsToSignIn(string path)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnyPage_Always_SendsSecurityHeadersAndNoServerHeader()
    {
        var response = await Client().GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Server"));
    }

    /// <summary>
    /// The quick log's shell (ADR 0021) is the one page that may compile WebAssembly (the rules): 'wasm-unsafe-eval', never
    /// 'unsafe-eval', and no inline script to allow; it holds no patient data, so anyone may load it.
    /// </summary>
    [Fact]
    public async Task QuickLogShell_Anonymous_StaticWithWasmOnlyInItsPolicy()
    {
        var response = await Client().GetAsync(new Uri("/log", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html); // every script is a file
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);

        // A worker runs under its own script's policy: the rules' worker gets the quick log's.
        var worker = await Client().GetAsync(new Uri("/log/rules-worker.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", worker.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var login = await Client().GetAsync(new Uri("/Account/Login", UriKind.Relative));
        Assert.DoesNotContain("wasm-unsafe-eval", login.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Anonymous_Answers404WithPlainMessage()
    {
        var response = await Client().GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We couldn't find that page", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataProtectionKeys_AfterStart_ArePersistedInTheDatabase()
    {
        // A page with a form makes the app use (and so create) its data-protection key.
        await Client().GetAsync(new Uri("/Account/Login", UriKind.Relative));

        await using var scope = _factory.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<LegCrampCare.Infrastructure.Persistence.AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.True(await db.DataProtectionKeys.AnyAsync(), "Sign-in cookies would not survive a restart.");
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    public async Task LiveConnection_FromAnotherOrigin_Refused(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", origin);

        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LiveConnection_FromThisSite_Accepted()
    {
        var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
