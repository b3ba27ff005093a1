using System.Net;
using System.Text.RegularExpressions;
using LegCrampCare.Tests.Shared;
using LegCrampCare.Web.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>
/// The API reference page (Swagger UI, issue 13): in Development it is served, with every file it loads, by the app
/// itself under the app's unchanged Content-Security-Policy; in any other environment its path answers 404.
/// </summary>
public sealed partial class ApiReferenceTests
{
    private static readonly string[] PagePaths =
    [
        ApiReference.Path, ApiReference.Path + "/", ApiReference.Path + "/index.html", ApiReference.Path + "/index.js",
        ApiReference.Path + "/swagger-ui-bundle.js", ApiReference.Path + "/swagger-ui.css",
    ];

    [Fact]
    public async Task Development_ServesThePage_WithNoInlineScript_AndEveryFileItLoads_FromTheApp()
    {
        await using var factory = Development();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var redirect = await client.GetAsync(new Uri(ApiReference.Path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        var pageUri = new Uri(new Uri(client.BaseAddress!, ApiReference.Path), redirect.Headers.Location!);
        Assert.Equal(ApiReference.Path + "/index.html", pageUri.AbsolutePath);

        using var page = await client.GetAsync(pageUri);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>LegCrampCare API reference</title>", html, StringComparison.Ordinal);

        // The app's own policy, not weakened for this page: scripts only from the site (and the nonce), no eval.
        var scriptSrc = ScriptSrc(page);
        Assert.StartsWith("script-src 'self' 'nonce-", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scriptSrc, StringComparison.Ordinal);

        // Every script is a file (no inline code, which the policy would block), and every script and stylesheet is
        // served by the app from its own address.
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        var files = new List<(string Address, bool IsScript)>();
        foreach (Match script in scripts)
        {
            Assert.True(string.IsNullOrWhiteSpace(script.Groups["body"].Value), $"Inline script on the page: {script.Value}");
            var src = SrcOrHref().Match(script.Groups["attributes"].Value);
            Assert.True(src.Success, $"A script without src: {script.Value}");
            files.Add((src.Groups["value"].Value, true));
        }

        files.AddRange(LinkTag().Matches(html).Select(link => (SrcOrHref().Match(link.Value).Groups["value"].Value, false)));
        Assert.Contains(files, f => f.Address.EndsWith("swagger-ui-bundle.js", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Address.EndsWith("index.js", StringComparison.Ordinal));
        foreach (var (address, isScript) in files)
        {
            var uri = new Uri(pageUri, address);
            Assert.True(uri.Authority == pageUri.Authority && uri.AbsolutePath.StartsWith(ApiReference.Path + "/", StringComparison.Ordinal),
                $"{address} is not served by the app under {ApiReference.Path}/");
            using var file = await client.GetAsync(uri);
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"{uri.AbsolutePath} answered {(int)file.StatusCode}");
            Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 0, $"{uri.AbsolutePath} is empty");
            if (isScript)
            {
                Assert.Contains("javascript", file.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
            }
        }

        // Its settings point at the app's own OpenAPI document, which names the operations.
        var settings = await client.GetStringAsync(new Uri(pageUri, "index.js"));
        Assert.Contains($"\"url\":\"{ApiReference.DocumentPath}\"", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("validatorUrl\":\"http", settings, StringComparison.Ordinal);
        var document = await client.GetStringAsync(new Uri(ApiReference.DocumentPath, UriKind.Relative));
        Assert.Contains("\"CreateEpisode\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_OtherMethodsAndUnknownFiles_AnswerTheApisProblem()
    {
        await using var factory = Development();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var post = await client.PostAsync(new Uri(ApiReference.Path + "/index.html", UriKind.Relative), null);
        using var missing = await client.GetAsync(new Uri(ApiReference.Path + "/missing.js", UriKind.Relative));

        foreach (var response in new[] { post, missing })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task OutsideDevelopment_ThePageIsNotThere_ButTheDocumentIs(string environment)
    {
        await using var factory = new TestAppFactory { Environment = environment };
        factory.Settings["Auth:StaffTwoFactor"] = "Required";
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in PagePaths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{environment}: {path} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var document = await client.GetAsync(new Uri(ApiReference.DocumentPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    private static TestAppFactory Development()
    {
        var factory = new TestAppFactory { Environment = "Development" };
        factory.Settings["Demo:Disabled"] = "true";
        return factory;
    }

    private static string ScriptSrc(HttpResponseMessage response)
    {
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        return policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"<script\b(?<attributes>[^>]*)>(?<body>.*?)</script\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<link\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkTag();

    [GeneratedRegex("""\b(?:src|href)\s*=\s*["'](?<value>[^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex SrcOrHref();
}
