using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using LegCrampCare.Core.Abstractions;
using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using LegCrampCare.Core.Features.Guidance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LegCrampCare.EndToEnd.Tests;

/// <summary>
/// The XSS corpus (TestData/xss-payloads.txt, blocks separated by a line "----"): each payload is stored as the
/// Markdown of its own readable article, the page is opened in Chromium, and no script runs (the canary
/// window.__xss is never set, no dialog opens) and the rendered body holds no script, event handler, style or
/// unsafe link. The app's Content-Security-Policy would block inline script too; the DOM checks prove the
/// sanitizer on its own.
/// </summary>
public sealed partial class GuidanceXssTests : IClassFixture<BrowserHost>
{
    private const string Topic = "XSS corpus";

    private static readonly string[] AllowedTags =
    [
        "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "hr", "br",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    private readonly BrowserHost _host;

    public GuidanceXssTests(BrowserHost host) => _host = host;

    [GeneratedRegex(@"\son\w+=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [GeneratedRegex(@"\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    /// <summary>An attribute's value as the browser serializes it (always in double quotes, with " as &amp;quot;).</summary>
    [GeneratedRegex("=\"[^\"]*\"")]
    private static partial Regex AttributeValue();

    public static IReadOnlyList<string> Payloads()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "xss-payloads.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = new List<string>();
        var current = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line == "----")
            {
                blocks.Add(string.Join('\n', current));
                current.Clear();
            }
            else
            {
                current.Add(line);
            }
        }

        blocks.Add(string.Join('\n', current));
        return blocks.Select(b => b.Trim('\n')).Where(b => b.Length > 0).ToList();
    }

    private static string Slug(int index) => $"xss-{index + 1:000}";

    private static string Title(int index) => $"XSS probe {index + 1:000}";

    /// <summary>One readable (seeded) article per payload, straight into the app's store; a second call adds nothing.</summary>
    private async Task<IReadOnlyList<string>> StoreCorpusAsync()
    {
        var payloads = Payloads();
        var store = _host.App.Services.GetRequiredService<IGuidanceStore>();
        var now = DateTime.UtcNow;
        for (var i = 0; i < payloads.Count; i++)
        {
            var article = new GuidanceArticle { Id = Guid.NewGuid(), Slug = Slug(i), CreatedAtUtc = now, Version = 1 };
            var firstLine = payloads[i].Split('\n')[0];
            await store.AddIfAbsentAsync(
                article,
                new GuidanceRevision
                {
                    Id = Guid.NewGuid(),
                    ArticleId = article.Id,
                    Number = 1,
                    Title = Title(i),
                    Slug = Slug(i),
                    Summary = "Summary " + firstLine[..Math.Min(firstLine.Length, 150)],
                    Topic = Topic,
                    BodyMarkdown = "Probe text.\n\n" + payloads[i] + "\n\nEnd of probe.",
                    SourcesJson = GuidanceService.SourcesToJson([new GuidanceSource("NHS", "https://www.nhs.uk/")]),
                    ReviewIntervalMonths = 12,
                    EvidenceCheckedOn = DateOnly.FromDateTime(now),
                    AuthorName = "XSS corpus",
                    CreatedAtUtc = now,
                    ChangeSummary = "XSS probe",
                    State = RevisionState.Seeded,
                },
                CancellationToken.None);
        }

        return payloads;
    }

    /// <summary>
    /// In one round trip: the canary, where the page is, its title, and what the browser built from the article body
    /// (tags, attributes, links, and the markup without its text).
    /// </summary>
    private sealed class BodyDom
    {
        public bool CanarySet { get; set; }

        public string Url { get; set; } = "";

        public string? Title { get; set; }

        public string[] Tags { get; set; } = [];

        public string[] Attributes { get; set; } = [];

        public string[] Hrefs { get; set; } = [];

        public string Markup { get; set; } = "";

        public int Frames { get; set; }

        public int Bases { get; set; }

        public int Refreshes { get; set; }

        public bool HasBody { get; set; }
    }

    private const string InspectScript = """
        () => {
            const body = document.querySelector('.lcc-article-body');
            const page = { canarySet: window.__xss !== undefined, url: location.href, title: document.querySelector('article h1')?.textContent ?? null };
            if (!body) { return page; }
            const elements = Array.from(body.querySelectorAll('*'));
            const clone = body.cloneNode(true);
            const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
            const texts = [];
            while (walker.nextNode()) { texts.push(walker.currentNode); }
            texts.forEach(t => t.remove());
            return {
                ...page,
                tags: elements.map(e => e.localName),
                attributes: elements.flatMap(e => Array.from(e.attributes).map(a => e.localName + ' ' + a.name)),
                hrefs: elements.filter(e => e.hasAttribute('href')).map(e => e.getAttribute('href')),
                markup: clone.innerHTML,
                hasBody: true,
                frames: document.querySelectorAll('iframe, frame, object, embed').length,
                bases: document.querySelectorAll('base').length,
                refreshes: document.querySelectorAll('meta[http-equiv]').length,
            };
        }
        """;

    private static bool UnsafeHref(string href)
    {
        var compact = new string(href.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal) ||
            compact.StartsWith("data:", StringComparison.Ordinal) ||
            compact.StartsWith("vbscript:", StringComparison.Ordinal) ||
            compact.Contains("&#", StringComparison.Ordinal) ||
            compact.Contains("&colon;", StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task EveryPayload_RenderedAsArticle_RunsNoScript()
    {
        var payloads = await StoreCorpusAsync();
        Assert.True(payloads.Count >= 50, $"The corpus has only {payloads.Count} payloads.");
        var page = await _host.NewPageAsync();
        var (dialogs, canaries) = await WatchAsync(page);
        await AssertWatchersWorkAsync(page, dialogs, canaries);
        var failures = new List<string>();

        for (var i = 0; i < payloads.Count; i++)
        {
            var path = $"/guidance/{Slug(i)}";
            var problems = new List<string>();
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response?.Status != 200)
            {
                problems.Add($"status {response?.Status}");
            }

            var dom = await page.EvaluateAsync<BodyDom>(InspectScript);
            if (dom.CanarySet)
            {
                problems.Add("the canary window.__xss was set");
            }

            if (!dom.Url.EndsWith(path, StringComparison.Ordinal))
            {
                problems.Add($"the page navigated to {dom.Url}");
            }

            if (dom.Title?.Trim() != Title(i))
            {
                problems.Add($"title was '{dom.Title}'");
            }

            if (!dom.HasBody)
            {
                problems.Add("no article body");
            }
            else
            {
                problems.AddRange(dom.Tags.Where(t => !AllowedTags.Contains(t)).Distinct().Select(t => $"<{t}> in the body"));
                // rel="noopener noreferrer" is added by the renderer to links to other sites.
                problems.AddRange(dom.Attributes.Where(a => a.Split(' ')[1] is not ("href" or "title" or "rel")).Select(a => $"attribute {a}"));
                problems.AddRange(dom.Hrefs.Where(h => UnsafeHref(h) || GuidanceLinkRules.Classify(h) == GuidanceLinkKind.Refused).Select(h => $"unsafe href '{h}'"));
                // Tags and attribute names only: the text and the attribute values are gone.
                var markup = AttributeValue().Replace(dom.Markup, "=\"\"");
                if (markup.Contains("<script", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add("<script in the markup");
                }

                if (EventAttribute().IsMatch(markup))
                {
                    problems.Add("an on*= attribute in the markup");
                }

                if (StyleAttribute().IsMatch(markup))
                {
                    problems.Add("a style= attribute in the markup");
                }

                if (dom.Frames > 0 || dom.Bases != 1 || dom.Refreshes > 0)
                {
                    problems.Add($"frames {dom.Frames}, base elements {dom.Bases}, meta http-equiv {dom.Refreshes}");
                }
            }

            if (problems.Count > 0)
            {
                failures.Add($"{Slug(i)} {JsonSerializer.Serialize(payloads[i])}: {string.Join("; ", problems)}\n  body: {await BodyHtmlAsync(page)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {payloads.Count} payloads got through:\n" + string.Join('\n', failures));
        Assert.True(dialogs.IsEmpty, "Dialogs opened:\n" + string.Join('\n', dialogs));
        Assert.True(canaries.IsEmpty, "The canary was set (perhaps late, after the page was checked) on:\n" + string.Join('\n', canaries));
        var errors = _host.ConsoleErrors.Where(e => e.Contains("/guidance", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "The browser reported errors (a Content-Security-Policy violation means something tried to run):\n" + string.Join('\n', errors));
    }

    [BrowserFact]
    public async Task GuidanceList_WithEveryPayloadInSummaries_RunsNoScript()
    {
        var payloads = await StoreCorpusAsync();
        var page = await _host.NewPageAsync();
        var (dialogs, canaries) = await WatchAsync(page);

        foreach (var path in new[] { "/guidance", "/guidance?q=summary", "/guidance?q=" + Uri.EscapeDataString("<script>window.__xss=1</script>") })
        {
            await page.GotoAsync(path);

            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"The canary was set on {path}.");
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('main script, main img, main svg, main iframe, main [onerror], main [onload]').length"));
        }

        await page.GotoAsync("/guidance");
        var probes = page.Locator("section[aria-labelledby='topic-xsscorpus'] li > a");
        Assert.Equal(payloads.Count, await probes.CountAsync());
        Assert.Empty(dialogs);
        Assert.Empty(canaries);
        var errors = _host.ConsoleErrors.Where(e => e.Contains("/guidance", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    /// <summary>
    /// Records every dialog (and dismisses it), and every write to the canary on any page at any moment, also one that
    /// comes late (a timer, a slow error event) after the page was checked: window.__xss is a property whose setter
    /// reports to the test, installed before any of the page's own content runs.
    /// </summary>
    private static async Task<(ConcurrentQueue<string> Dialogs, ConcurrentQueue<string> Canaries)> WatchAsync(IPage page)
    {
        var dialogs = new ConcurrentQueue<string>();
        var canaries = new ConcurrentQueue<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Enqueue($"{page.Url}: {dialog.Type} {dialog.Message}");
            await dialog.DismissAsync();
        };
        await page.ExposeFunctionAsync("__xssReport", (string url) => canaries.Enqueue(url));
        await page.AddInitScriptAsync("""
            (() => {
                let value;
                Object.defineProperty(window, '__xss', {
                    configurable: false,
                    get() { return value; },
                    set(v) { value = v; window.__xssReport(String(location.href)); },
                });
            })();
            """);
        return (dialogs, canaries);
    }

    /// <summary>A control: a script that does set the canary and open a dialog is seen, so a quiet run means something.</summary>
    private static async Task AssertWatchersWorkAsync(IPage page, ConcurrentQueue<string> dialogs, ConcurrentQueue<string> canaries)
    {
        await page.GotoAsync("/guidance");
        await page.EvaluateAsync("() => { window.__xss = 1; alert('control'); }");

        Assert.True(canaries.TryDequeue(out _) && canaries.IsEmpty, "The canary watcher does not work.");
        Assert.True(dialogs.TryDequeue(out _) && dialogs.IsEmpty, "The dialog watcher does not work.");
    }

    private static async Task<string> BodyHtmlAsync(IPage page)
    {
        try
        {
            return await page.Locator(".lcc-article-body").InnerHTMLAsync(new LocatorInnerHTMLOptions { Timeout = 2_000 });
        }
        catch (TimeoutException)
        {
            return "(none)";
        }
    }
}
