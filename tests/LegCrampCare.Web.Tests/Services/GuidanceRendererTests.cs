using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Core.Features.Safety;
using LegCrampCare.Web.Services;

namespace LegCrampCare.Web.Tests.Services;

/// <summary>
/// The one Markdown pipeline for guidance: structure renders, raw HTML never becomes markup, links keep only http,
/// https, mailto and in-site addresses, and {emergency} becomes the configured number.
/// </summary>
public sealed class GuidanceRendererTests
{
    private static readonly GuidanceRenderer Renderer = new(new SafetyOptions());

    private static readonly HtmlParser Parser = new();

    private static IDocument Parse(string html)
    {
        var document = Parser.ParseDocument("<!doctype html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        return document;
    }

    private static IElement[] Elements(string html) => Parse(html).Body!.QuerySelectorAll("*").ToArray();

    /// <summary>Markup only: every element and attribute the browser would build from the output.</summary>
    private static void AssertOnlySafeMarkup(string html)
    {
        string[] allowedTags =
        [
            "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "hr", "br",
            "table", "thead", "tbody", "tr", "th", "td",
        ];
        foreach (var element in Elements(html))
        {
            Assert.True(allowedTags.Contains(element.LocalName), $"<{element.LocalName}> survived in: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(attribute.Name is "href" or "title" || (attribute.Name == "rel" && attribute.Value == "noopener noreferrer"),
                    $"{attribute.Name}= survived on <{element.LocalName}> in: {html}");
            }

            if (element.GetAttribute("href") is { } href)
            {
                AssertSafeHref(href, html);
            }
        }
    }

    /// <summary>https, http or mailto, or a path of this site with a single leading slash (issue 12's link rule).</summary>
    private static void AssertSafeHref(string href, string html) =>
        Assert.True(GuidanceLinkRules.Classify(href) != GuidanceLinkKind.Refused, $"Unsafe href '{href}' in: {html}");

    [Fact]
    public void Render_Headings_BecomeHeadingElements()
    {
        var html = Renderer.Render("## Call now\n\n### Then\n\n#### Later\n\nSome *gentle* and **strong** text.");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        var elements = Elements(html);
        Assert.Equal("Call now", elements.Single(e => e.LocalName == "h2").TextContent);
        Assert.Equal("Then", elements.Single(e => e.LocalName == "h3").TextContent);
        Assert.Equal("Later", elements.Single(e => e.LocalName == "h4").TextContent);
        Assert.Equal("gentle", elements.Single(e => e.LocalName == "em").TextContent);
        Assert.Equal("strong", elements.Single(e => e.LocalName == "strong").TextContent);
        AssertOnlySafeMarkup(html);
    }

    [Fact]
    public void Render_Lists_BecomeListElements()
    {
        var html = Renderer.Render("- one\n- two\n\n1. first\n2. second\n");

        var elements = Elements(html);
        Assert.Equal(["one", "two"], elements.Single(e => e.LocalName == "ul").Children.Select(c => c.TextContent.Trim()));
        Assert.Equal(["first", "second"], elements.Single(e => e.LocalName == "ol").Children.Select(c => c.TextContent.Trim()));
        AssertOnlySafeMarkup(html);
    }

    [Fact]
    public void Render_Table_BecomesTable()
    {
        var html = Renderer.Render("| a | b |\n|---|---|\n| 1 | 2 |\n");

        var elements = Elements(html);
        Assert.Contains(elements, e => e.LocalName == "table");
        Assert.Equal(["1", "2"], elements.Where(e => e.LocalName == "td").Select(e => e.TextContent));
        AssertOnlySafeMarkup(html);
    }

    [Theory]
    [InlineData("[NHS](https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/)", "https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/")]
    [InlineData("[plain](http://example.org/a?b=1)", "http://example.org/a?b=1")]
    [InlineData("[write to us](mailto:help@example.org)", "mailto:help@example.org")]
    [InlineData("[Stretches](/guidance/wall-calf-stretch)", "/guidance/wall-calf-stretch")]
    [InlineData("[Stretches](/guidance/x)", "/guidance/x")]
    [InlineData("<https://www.nhs.uk/>", "https://www.nhs.uk/")]
    public void Render_SafeLink_KeepsItsHref(string markdown, string href)
    {
        var html = Renderer.Render(markdown);

        var link = Assert.Single(Elements(html), e => e.LocalName == "a");
        Assert.Equal(href, link.GetAttribute("href"));
        AssertOnlySafeMarkup(html);
    }

    [Theory]
    [InlineData("[x](//evil.example/page)")]
    [InlineData("[x](https:evil.example)")]
    [InlineData("[x](http:evil.example/page)")]
    [InlineData("[x](https:///evil.example)")]
    [InlineData("[x](https://www.nhs.uk@evil.example/)")]
    [InlineData("[x](relative/page)")]
    [InlineData("[x](#top)")]
    [InlineData("[x][ref]\n\n[ref]: //evil.example")]
    [InlineData("<https:evil.example>")]
    public void Render_ProtocolRelativeOrSlashlessLinkAlreadyStored_LosesItsHref(string markdown)
    {
        var html = Renderer.Render(markdown);

        Assert.All(Elements(html).Where(e => e.LocalName == "a"), link => Assert.False(link.HasAttribute("href"), $"href kept: {html}"));
        Assert.Contains("x", Parse(html).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PathWithABackslash_StaysOnThisSite()
    {
        // Browsers read "/\host" as "//host"; the renderer writes the backslash percent-encoded, or drops the address.
        var link = Assert.Single(Elements(Renderer.Render("[x](/\\evil.example)")), e => e.LocalName == "a");

        Assert.True(link.GetAttribute("href") is null or "/%5Cevil.example", link.OuterHtml);
    }

    [Theory]
    [InlineData("[NHS](https://www.nhs.uk/)", "noopener noreferrer")]
    [InlineData("[plain](http://example.org/)", "noopener noreferrer")]
    [InlineData("[Stretches](/guidance/wall-calf-stretch)", null)]
    [InlineData("[write to us](mailto:help@example.org)", null)]
    public void Render_LinkToAnotherSite_OpensWithoutOpenerOrReferrer(string markdown, string? rel)
    {
        var link = Assert.Single(Elements(Renderer.Render(markdown)), e => e.LocalName == "a");

        Assert.Equal(rel, link.GetAttribute("rel"));
    }

    [Fact]
    public void Render_LinkWithTitle_KeepsTitle()
    {
        var html = Renderer.Render("[NHS](https://www.nhs.uk/ \"The NHS website\")");

        var link = Assert.Single(Elements(html), e => e.LocalName == "a");
        Assert.Equal("The NHS website", link.GetAttribute("title"));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](javascript&#58;alert(1))")]
    [InlineData("[x](javascript&#x3A;alert(1))")]
    [InlineData("[x](javascript&colon;alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](java%0ascript:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x](<javascript :alert(1)>)")]
    [InlineData("[x](%20javascript:alert(1))")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](DATA:text/html,hi)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](VBScript:msgbox(1))")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x](tel:999)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](javascript:alert(1) \"title\")")]
    [InlineData("[![img](https://example.org/i.png)](javascript:alert(1))")]
    public void Render_LinkWithUnsafeScheme_LosesItsHref(string markdown)
    {
        var html = Renderer.Render(markdown);

        foreach (var link in Elements(html).Where(e => e.LocalName == "a"))
        {
            Assert.False(link.HasAttribute("href"), $"href kept: {html}");
        }

        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript:", html, StringComparison.OrdinalIgnoreCase);
        AssertOnlySafeMarkup(html);
    }

    [Theory]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](https://example.org/tracker.png)")]
    [InlineData("![x](data:image/svg+xml,<svg onload=alert(1)>)")]
    public void Render_Image_NeverBecomesAnImage(string markdown)
    {
        var html = Renderer.Render(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        AssertOnlySafeMarkup(html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Before <script>window.__xss = 1</script> after")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Text <img src=x onerror=\"window.__xss=1\"> inline")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    [InlineData("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("Inline <a href=\"javascript:alert(1)\">x</a> link")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<style>body{background:red}</style>")]
    [InlineData("<body onload=alert(1)>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")]
    [InlineData("<base href=\"javascript:alert(1)//\">")]
    [InlineData("<form action=\"javascript:alert(1)\"><button>go</button></form>")]
    [InlineData("<object data=\"javascript:alert(1)\"></object>")]
    [InlineData("<embed src=\"javascript:alert(1)\">")]
    [InlineData("<div>\n\n<script>alert(1)</script>\n\n</div>")]
    [InlineData("<!-- --><script>alert(1)</script>")]
    [InlineData("<scr<script>ipt>alert(1)</script>")]
    public void Render_RawHtml_IsEscapedNotMarkup(string markdown)
    {
        var html = Renderer.Render(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<meta", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<base", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        AssertOnlySafeMarkup(html);
    }

    [Fact]
    public void Render_RawHtml_ShowsAsText()
    {
        var html = Renderer.Render("Use <b>bold</b> here");

        Assert.Equal("Use <b>bold</b> here", Parse(html).Body!.TextContent.Trim());
        Assert.DoesNotContain(Elements(html), e => e.LocalName == "b");
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("<a href=x onmouseover=alert(1)>x</a>")]
    [InlineData("[x](https://example.org \"a\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("[x](https://example.org\" onmouseover=\"alert(1))")]
    [InlineData("[x](<https://example.org\" onclick=\"alert(1)>)")]
    [InlineData("[x](https://example.org 'a\" style=\"color:red')")]
    [InlineData("<https://example.org/\" onmouseover=\"alert(1)>")]
    [InlineData("[x]: https://example.org \"t\\\" onfocus=\\\"alert(1)\"\n\n[x]")]
    [InlineData("`<img src=x onerror=alert(1)>`")]
    [InlineData("```\n<script>alert(1)</script>\n```")]
    [InlineData("<p style=\"color:red\" onclick=\"alert(1)\">x</p>")]
    public void Render_Anything_NoEventHandlerOrStyleAttributeSurvives(string markdown)
    {
        var html = Renderer.Render(markdown);

        foreach (var element in Elements(html))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.False(element.HasAttribute("style"), $"style= survived: {html}");
        }

        AssertOnlySafeMarkup(html);
    }

    [Fact]
    public void Render_CodeBlock_KeepsTextEscaped()
    {
        var html = Renderer.Render("```\n<script>alert(1)</script>\n```");

        var code = Assert.Single(Elements(html), e => e.LocalName == "code");
        Assert.Equal("<script>alert(1)</script>", code.TextContent.Trim());
        Assert.DoesNotContain("class=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmergencyToken_BecomesDefault999()
    {
        var html = Renderer.Render("## Call {emergency} now\n\nCall {emergency} if you have:");

        Assert.DoesNotContain("{emergency}", html, StringComparison.Ordinal);
        Assert.Equal("Call 999 now", Elements(html).Single(e => e.LocalName == "h2").TextContent);
        Assert.Contains("Call 999 if you have:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmergencyToken_BecomesConfiguredNumber()
    {
        var renderer = new GuidanceRenderer(new SafetyOptions { EmergencyNumber = "112" });

        var html = renderer.Render("## Call {emergency} now");

        Assert.Equal("Call 112 now", Elements(html).Single(e => e.LocalName == "h2").TextContent);
        Assert.DoesNotContain("999", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{emergency}", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Render_Empty_IsEmpty(string? markdown)
    {
        Assert.Equal("", Renderer.Render(markdown!).Trim());
    }
}
