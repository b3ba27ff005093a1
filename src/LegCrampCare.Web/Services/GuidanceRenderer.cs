using AngleSharp.Html.Dom;
using Ganss.Xss;
using LegCrampCare.Core.Features.Guidance;
using LegCrampCare.Core.Features.Safety;
using Markdig;
using Microsoft.Extensions.Options;

namespace LegCrampCare.Web.Services;

/// <summary>
/// Markdown → safe HTML, the one pipeline for readers and for the editor's preview: Markdig with raw HTML disabled
/// (<see cref="GuidanceLinkRules.Pipeline"/>), then HtmlSanitizer with an allow-list (text structure only). A link keeps
/// its address only when <see cref="GuidanceLinkRules"/> allows it (https, http, mailto, or a single-slash path of this
/// site): a "//host" or "https:host" link already stored shows as plain text. Links to other sites get
/// <c>rel="noopener noreferrer"</c>. <c>{emergency}</c> in the text becomes the configured emergency number.
/// </summary>
public sealed class GuidanceRenderer
{
    public const string EmergencyToken = "{emergency}";

    private static readonly string[] Tags =
    [
        "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "hr", "br",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    private readonly HtmlSanitizer _sanitizer;
    private readonly SafetyOptions _safety;

    public GuidanceRenderer(SafetyOptions safety)
    {
        _safety = safety;
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedTags.Clear();
        foreach (var tag in Tags)
        {
            _sanitizer.AllowedTags.Add(tag);
        }

        _sanitizer.AllowedAttributes.Clear();
        _sanitizer.AllowedAttributes.Add("href");
        _sanitizer.AllowedAttributes.Add("title");
        _sanitizer.AllowedCssProperties.Clear();
        _sanitizer.AllowedAtRules.Clear();
        _sanitizer.AllowedClasses.Clear();
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.UriAttributes.Clear();
        _sanitizer.UriAttributes.Add("href");
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (GuidanceLinkRules.Classify(e.OriginalUrl) == GuidanceLinkKind.Refused)
            {
                e.SanitizedUrl = null;
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement anchor &&
                GuidanceLinkRules.Classify(anchor.GetAttribute("href")) is GuidanceLinkKind.Secure or GuidanceLinkKind.PlainHttp)
            {
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
    }

    public string Render(string markdown)
    {
        var text = (markdown ?? "").Replace(EmergencyToken, _safety.EmergencyNumber, StringComparison.Ordinal);
        var html = Markdown.ToHtml(text, GuidanceLinkRules.Pipeline);
        return _sanitizer.Sanitize(html);
    }
}
