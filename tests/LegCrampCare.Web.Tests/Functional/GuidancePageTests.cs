using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LegCrampCare.Infrastructure.Seed;
using LegCrampCare.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LegCrampCare.Web.Tests.Functional;

/// <summary>The public guidance pages over HTTP: the seeded articles, one article with its review details, search, 404.</summary>
public sealed partial class GuidancePageTests : IClassFixture<GuidancePageTests.Factory>
{
    private readonly Factory _factory;

    public GuidancePageTests(Factory factory) => _factory = factory;

    public sealed class Factory : TestAppFactory;

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static readonly HtmlParser Parser = new();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    private async Task<(HttpResponseMessage Response, string Html, IDocument Document)> GetAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? Client()).GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, html, await Parser.ParseDocumentAsync(html));
    }

    /// <summary>Topic heading → the article titles listed under it, as the page shows them.</summary>
    private static Dictionary<string, string[]> Listing(IDocument document) =>
        document.QuerySelectorAll("section.lcc-guidance-topic").ToDictionary(
            s => s.QuerySelector("h2")!.TextContent.Trim(),
            s => s.QuerySelectorAll("li > a").Select(a => a.TextContent.Trim()).ToArray());

    private static IReadOnlyList<GuidanceSeedArticle> Seeded => GuidanceSeeder.LoadManifest().Articles;

    [Fact]
    public async Task Index_Anonymous_ListsTheTenSeededTitlesUnderTheirTopicsWithSafetyNet()
    {
        var (response, html, document) = await GetAsync("/guidance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, Seeded.Count);
        var listing = Listing(document);
        Assert.Equal(10, listing.Values.Sum(titles => titles.Length));
        foreach (var article in Seeded)
        {
            Assert.True(listing.TryGetValue(article.Topic, out var titles), $"No topic heading '{article.Topic}'.");
            Assert.Contains(article.Title, titles);
        }

        Assert.Equal(["During a cramp", "Stretches and exercises", "Everyday habits", "When to get help"], listing.Keys);
        Assert.Equal(["Massage and warmth", "What to do during a cramp"], listing["During a cramp"]);
        Assert.Equal(["When to get help"], listing["When to get help"]);
        foreach (var article in Seeded)
        {
            Assert.NotNull(document.QuerySelector($"a[href='/guidance/{article.Slug}']"));
        }

        var safetyNet = document.QuerySelector("section.lcc-safety");
        Assert.NotNull(safetyNet);
        Assert.Contains("When to get help", safetyNet.TextContent, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:999\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_WhenToSeekHelp_ShowsReviewStatusSourcesAndEmergencyNumber()
    {
        var (response, html, document) = await GetAsync("/guidance/when-to-seek-help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("When to get help", document.QuerySelector("article h1")?.TextContent.Trim());
        Assert.Contains("Awaiting approval by your organisation's clinical approver", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Next review due", html, StringComparison.Ordinal);
        Assert.Contains("Last reviewed", html, StringComparison.Ordinal);
        var seed = Seeded.Single(a => a.Slug == "when-to-seek-help");
        var about = document.QuerySelector("section.lcc-article-about")!;
        foreach (var source in seed.Sources)
        {
            var link = about.QuerySelectorAll("a").SingleOrDefault(a => a.GetAttribute("href") == source.Url);
            Assert.True(link is not null, $"Source link {source.Url} is missing.");
            Assert.Equal(source.Title, link.TextContent.Trim());
        }

        var body = document.QuerySelector(".lcc-article-body")!;
        Assert.Contains(body.QuerySelectorAll("h2"), h => h.TextContent.Trim() == "Call 999 now");
        Assert.DoesNotContain("{emergency}", html, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("section.lcc-safety"));
    }

    [Fact]
    public async Task Article_EverySeededArticle_AwaitsApprovalAndNeverClaimsAnApprover()
    {
        foreach (var article in Seeded)
        {
            var (response, _, document) = await GetAsync($"/guidance/{article.Slug}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(article.Title, document.QuerySelector("article h1")?.TextContent.Trim());
            var about = document.QuerySelector("section.lcc-article-about")!.TextContent;
            Assert.Contains("Awaiting approval by your organisation's clinical approver", about, StringComparison.Ordinal);
            Assert.Contains(article.EvidenceCheckedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), about, StringComparison.Ordinal);
            Assert.Contains(article.EvidenceCheckedOn.AddMonths(article.ReviewIntervalMonths).ToString("d MMMM yyyy", CultureInfo.InvariantCulture), about, StringComparison.Ordinal);
            Assert.DoesNotContain(" on ", about.Split("Approved by")[1].Split("Sources")[0], StringComparison.Ordinal);
            Assert.DoesNotContain("{emergency}", document.Body!.InnerHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Article_EmergencyNumberConfigured_ShowsThatNumber()
    {
        await using var app = new TestAppFactory { Settings = { ["Safety:EmergencyNumber"] = "112" } };
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var (response, html, document) = await GetAsync("/guidance/when-to-seek-help", client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(document.QuerySelectorAll(".lcc-article-body h2"), h => h.TextContent.Trim() == "Call 112 now");
        Assert.DoesNotContain("Call 999", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{emergency}", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/guidance/no-such-page")]
    [InlineData("/guidance/WHEN-TO-SEEK-HELP-x")]
    [InlineData("/guidance/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Article_UnknownSlug_Answers404WithPlainMessage(string path)
    {
        var (response, html, document) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We couldn't find that page", html, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("article.lcc-article"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(document.QuerySelector("section.lcc-safety"));
    }

    [Fact]
    public async Task Article_LongSlug_Answers404()
    {
        var (response, _, _) = await GetAsync("/guidance/" + new string('a', 300));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Search_Quinine_FindsOnlyDietAndSupplements()
    {
        var (response, _, document) = await GetAsync("/guidance?q=quinine");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listing = Listing(document);
        var title = Assert.Single(listing.Values.SelectMany(t => t));
        Assert.Equal("Diet and supplements", title);
        Assert.Equal(["Everyday habits"], listing.Keys);
        Assert.Contains("1 page found for “quinine”", document.QuerySelector("form.lcc-search ~ p[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("quinine", document.QuerySelector("input#guidance-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_Nothing_SaysSoAndOffersAll()
    {
        var (response, _, document) = await GetAsync("/guidance?q=zzqqxx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Listing(document));
        var status = document.QuerySelector("form.lcc-search ~ p[role=status]")!;
        Assert.Contains("Nothing found for “zzqqxx”", status.TextContent, StringComparison.Ordinal);
        Assert.NotNull(status.QuerySelector("a[href='/guidance']"));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(2000)]
    public async Task Search_VeryLongQuery_Answers200(int length)
    {
        var q = string.Concat(Enumerable.Repeat("cramp ", length / 6 + 1))[..length];

        var (response, _, document) = await GetAsync("/guidance?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document.QuerySelector("form.lcc-search ~ p[role=status]"));
    }

    [Fact]
    public async Task Search_MarkupInQuery_IsShownAsText()
    {
        var (response, html, document) = await GetAsync("/guidance?q=" + Uri.EscapeDataString("\"><script>window.__xss=1</script>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>window.__xss", html, StringComparison.Ordinal);
        Assert.Equal("\"><script>window.__xss=1</script>", document.QuerySelector("input#guidance-q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/guidance")]
    [InlineData("/guidance?q=quinine")]
    [InlineData("/guidance/when-to-seek-help")]
    [InlineData("/guidance/no-such-page")]
    public async Task GuidancePage_Always_SendsTheSameSecurityHeadersAsOtherPages(string path)
    {
        var client = Client();
        var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var (response, html, _) = await GetAsync(path, client);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var loginCsp = login.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(Nonce().Replace(loginCsp, "'nonce'"), Nonce().Replace(csp, "'nonce'"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        var nonce = Nonce().Match(csp).Groups[1].Value;
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Article_SourceWithAScriptAddress_IsShownAsPlainText()
    {
        // Its own app: the shared one must keep exactly the seeded articles.
        await using var factory = new Factory();
        var store = factory.Services.GetRequiredService<LegCrampCare.Core.Abstractions.IGuidanceStore>();
        var article = new LegCrampCare.Core.Domain.GuidanceArticle { Id = Guid.NewGuid(), Slug = "source-check", Version = 1 };
        await store.AddIfAbsentAsync(article, new LegCrampCare.Core.Domain.GuidanceRevision
        {
            Id = Guid.NewGuid(), ArticleId = article.Id, Number = 1, Title = "Source check", Slug = "source-check", Summary = "s",
            Topic = "Everyday habits", BodyMarkdown = "Text.", ReviewIntervalMonths = 12, AuthorName = "test", ChangeSummary = "c",
            SourcesJson = """[{"title":"Bad source","url":"javascript:alert(1)"},{"title":"Good source","url":"https://www.nhs.uk/"}]""",
            State = LegCrampCare.Core.Domain.RevisionState.Seeded,
        }, CancellationToken.None);

        var html = await factory.CreateClient().GetStringAsync("/guidance/source-check");

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<li>Bad source</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.nhs.uk/\"", html, StringComparison.Ordinal);
    }
}
