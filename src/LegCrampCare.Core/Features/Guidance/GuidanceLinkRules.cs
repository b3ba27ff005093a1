using LegCrampCare.Core.Domain;
using LegCrampCare.Rules;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LegCrampCare.Core.Features.Guidance;

/// <summary>What a link in guidance points to, which decides whether it may be saved, approved and shown.</summary>
public enum GuidanceLinkKind
{
    /// <summary>https://host/…: another site, over a secure connection.</summary>
    Secure,

    /// <summary>http://host/…: another site without a secure connection; a clinical approver confirms it when approving.</summary>
    PlainHttp,

    /// <summary>mailto:address.</summary>
    Email,

    /// <summary>/path: a page of this site (a single leading slash).</summary>
    SitePath,

    /// <summary>
    /// Anything else: "//host" (another site, whatever the page's scheme), "https:host" (no slashes: browsers and parsers
    /// disagree where it goes), a relative or "#" address, a user name in the address (https://nhs.uk@evil.example),
    /// backslashes, spaces or control characters, and every other scheme (javascript:, data:, ftp:…).
    /// </summary>
    Refused,
}

/// <summary>
/// The one rule for links in guidance (issue 12): the editor's save refuses a <see cref="GuidanceLinkKind.Refused"/>
/// link naming it, an approval needs the approver's confirmation for <see cref="GuidanceLinkKind.PlainHttp"/> ones, and
/// the renderer drops the address of any refused link already stored. The Markdown pipeline is shared with the
/// renderer, so the links checked are exactly the links shown.
/// </summary>
public static class GuidanceLinkRules
{
    /// <summary>Markdown as guidance uses it: no raw HTML, pipe tables.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .Build();

    public const string Allowed = "Links must start with https://, mailto: or a single / for a page of this site.";

    public static GuidanceLinkKind Classify(string? href)
    {
        if (string.IsNullOrEmpty(href) || href.Length > 2000 || href.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return GuidanceLinkKind.Refused;
        }

        if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            var address = href["mailto:".Length..].Split('?')[0];
            return Common.EmailAddresses.Problem(Uri.UnescapeDataString(address)) is null ? GuidanceLinkKind.Email : GuidanceLinkKind.Refused;
        }

        if (href[0] == '/')
        {
            return href.Length == 1 || href[1] != '/' ? GuidanceLinkKind.SitePath : GuidanceLinkKind.Refused;
        }

        var secure = href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!secure && !href.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return GuidanceLinkKind.Refused;
        }

        var afterSlashes = href[(secure ? "https://" : "http://").Length..];
        return afterSlashes.Length > 0 && afterSlashes[0] != '/' &&
               Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.UserInfo.Length == 0
            ? secure ? GuidanceLinkKind.Secure : GuidanceLinkKind.PlainHttp
            : GuidanceLinkKind.Refused;
    }

    /// <summary>Every link address in the Markdown, as the renderer will see it, in order.</summary>
    public static IReadOnlyList<string> LinksIn(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return [];
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var links = new List<string>();
        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case LinkInline { Url: { } url }:
                    links.Add(url);
                    break;
                case AutolinkInline autolink:
                    links.Add(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url);
                    break;
            }
        }

        return links;
    }

    /// <summary>The plain http:// links of a version (text and sources), which the approver confirms.</summary>
    public static IReadOnlyList<string> PlainHttpLinks(string? markdown, IEnumerable<GuidanceSource> sources) =>
        LinksIn(markdown).Concat(sources.Select(s => s.Url))
            .Where(link => Classify(link) == GuidanceLinkKind.PlainHttp)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>A link as a message shows it: at most 80 characters.</summary>
    public static string Shown(string href) => href.Length <= 80 ? href : href[..77] + "…";
}
