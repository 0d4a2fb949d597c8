using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FeedHub.Extraction;
using Ganss.Xss;

namespace FeedHub.Normalisation;

/// <summary>
/// Makes scraped article HTML safe to publish in any feed reader: an allow-list of plain text markup,
/// only http(s)/mailto URLs, all of them absolute, lazy images made real, no CSS, no empty paragraphs,
/// no characters XML 1.0 forbids.
/// </summary>
/// <remarks>
/// One configured <see cref="HtmlSanitizer"/> is shared: its Sanitize methods are documented as thread-safe
/// as long as its configuration is not changed after construction, which it never is here. Parsing goes
/// through <see cref="PageParser"/> (one parser per thread).
/// </remarks>
public static class ContentSanitizer
{
    /// <summary>Attributes lazy-loading scripts keep the real image in; the first present wins.</summary>
    private static readonly string[] LazySourceAttributes = ["data-src", "data-lazy-src", "data-original"];

    /// <summary>Elements dropped with everything inside: active content, embedded documents, forms (with their CSRF tokens).</summary>
    private const string DroppedWithContent =
        "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, svg, math, "
        + "form, input, button, select, textarea, link, meta, base";

    private static readonly HtmlSanitizer Sanitizer = Build();

    /// <summary>The safe form of <paramref name="html"/>, every URL absolute against <paramref name="baseUrl"/>.</summary>
    public static string Sanitize(string html, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var document = PageParser.Parse("<!doctype html><html><body>" + html);
        var body = document.Body!;

        foreach (var element in body.QuerySelectorAll(DroppedWithContent).ToArray())
            element.Remove();
        foreach (var image in body.QuerySelectorAll("img").ToArray())
            UseLazySourceOrRemove(image);
        foreach (var heading in body.QuerySelectorAll("h1").ToArray())
            Demote(heading, document);

        Sanitizer.SanitizeDom(document, body, baseUrl.AbsoluteUri);

        foreach (var image in body.QuerySelectorAll("img:not([src])").ToArray())
            image.Remove();
        foreach (var paragraph in body.QuerySelectorAll("p").Where(IsEmpty).ToArray())
            paragraph.Remove();

        return XmlChars.Clean(body.ChildNodes.ToHtml(HtmlFormatter.Instance).Trim());
    }

    /// <summary>
    /// An absolute http(s) URL for a stand-alone image reference (og:image, first body image), or null
    /// for inline <c>data:</c> images and other schemes that feed readers should not fetch.
    /// </summary>
    public static string? AbsoluteImageUrl(string? url, Uri baseUrl)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(baseUrl, url.Trim(), out var absolute))
            return null;
        return absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp ? absolute.AbsoluteUri : null;
    }

    /// <summary>
    /// Puts a lazy-loaded image's real source in <c>src</c>; removes an image with no source at all,
    /// which the sanitiser would otherwise resolve to the page's own URL.
    /// </summary>
    private static void UseLazySourceOrRemove(IElement image)
    {
        foreach (var attribute in LazySourceAttributes)
        {
            var lazy = image.GetAttribute(attribute);
            if (!string.IsNullOrWhiteSpace(lazy))
            {
                image.SetAttribute("src", lazy.Trim());
                return;
            }
        }
        if (string.IsNullOrWhiteSpace(image.GetAttribute("src")))
            image.Remove();
    }

    /// <summary>An <c>h1</c> in a body becomes <c>h2</c>: the item's title is the page's only first-level heading.</summary>
    private static void Demote(IElement heading, IDocument document)
    {
        var h2 = document.CreateElement("h2");
        h2.Append([.. heading.ChildNodes]);
        heading.Replace(h2);
    }

    /// <summary>A paragraph with no text (spaces and &amp;nbsp; count as none) and no image.</summary>
    private static bool IsEmpty(IElement paragraph) =>
        string.IsNullOrWhiteSpace(paragraph.TextContent.Replace('\u00A0', ' '))
        && paragraph.QuerySelector("img") is null;

    private static HtmlSanitizer Build() => new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "a", "img", "strong", "em", "b", "i", "u", "s", "sub", "sup", "small", "mark",
            "ul", "ol", "li", "blockquote", "q", "cite", "pre", "code", "h2", "h3", "h4", "h5", "h6",
            "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
            "span", "div",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "href", "src", "alt", "title", "width", "height", "colspan", "rowspan",
        },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedClasses = new HashSet<string>(),
    })
    {
        // Unknown wrappers (section, font, article) give way to their text rather than taking it with them;
        // everything whose content is dangerous was removed beforehand.
        KeepChildNodes = true,
    };
}
