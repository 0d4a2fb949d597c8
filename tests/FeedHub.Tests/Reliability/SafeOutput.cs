using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// Asserts that a published document is well-formed and carries nothing a reader could execute: no
/// active elements, event attributes, CSS, or javascript:/data:/vbscript: URLs, in the document itself
/// or in any HTML it embeds.
/// </summary>
internal static class SafeOutput
{
    private static readonly string[] ActiveElements =
        ["script", "iframe", "frame", "object", "embed", "applet", "svg", "math", "form", "style", "link", "meta", "base"];

    /// <summary>An Atom or RSS document: parses as strict XML 1.0, and every HTML payload is safe.</summary>
    public static XDocument AssertSafeXml(byte[] feed)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true };
        using var reader = XmlReader.Create(new MemoryStream(feed), settings);
        var document = XDocument.Load(reader);
        foreach (var element in document.Descendants())
        {
            var name = element.Name.LocalName.ToLowerInvariant();
            Assert.False(name != "link" && ActiveElements.Contains(name), $"<{name}> in the feed");
            foreach (var attribute in element.Attributes())
                AssertSafeValue(attribute.Name.LocalName, attribute.Value);
            if (!element.HasElements)
                AssertSafeHtml(element.Value, element.Name.LocalName);
        }
        return document;
    }

    /// <summary>A JSON Feed: parses, every URL is http(s), every HTML payload is safe.</summary>
    public static JsonDocument AssertSafeJson(byte[] feed)
    {
        var document = JsonDocument.Parse(feed);
        Walk(document.RootElement, "");
        return document;
    }

    /// <summary>Parses <paramref name="html"/> as a browser would and finds nothing active in it.</summary>
    public static void AssertSafeHtml(string html, string where) => AssertSafe("<!doctype html><body>" + html, where, ActiveElements);

    /// <summary>
    /// A whole page, which may link its own stylesheet and draw its own SVG charts: no script, frame or
    /// plugin, no event attribute or script URL anywhere.
    /// </summary>
    public static void AssertSafePage(string html, string where) =>
        AssertSafe(html, where, ActiveElements.Except(["link", "meta", "style", "form", "svg"]).ToArray());

    private static void AssertSafe(string html, string where, string[] forbidden)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.DocumentElement.Descendants<IElement>().Prepend(document.DocumentElement))
        {
            Assert.False(forbidden.Contains(element.LocalName), $"<{element.LocalName}> in {where}: {html}");
            foreach (var attribute in element.Attributes)
                AssertSafeValue(attribute.LocalName, attribute.Value);
        }
    }

    private static void Walk(JsonElement element, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Walk(property.Value, property.Name);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, name);
                break;
            case JsonValueKind.String:
                var value = element.GetString()!;
                if (name is "url" or "external_url" or "image" or "banner_image" or "home_page_url" or "feed_url" or "next_url" or "icon" or "favicon")
                    Assert.Matches("^https?://", value);
                if (name is "content_html" or "summary" or "title") AssertSafeHtml(value, name);
                break;
        }
    }

    private static void AssertSafeValue(string attribute, string value)
    {
        Assert.False(attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event attribute {attribute}=\"{value}\"");
        Assert.NotEqual("style", attribute, StringComparer.OrdinalIgnoreCase);
        var squeezed = new StringBuilder();
        foreach (var c in value)
            if (!char.IsWhiteSpace(c) && !char.IsControl(c)) squeezed.Append(char.ToLowerInvariant(c));
        var url = squeezed.ToString();
        Assert.False(url.StartsWith("javascript:", StringComparison.Ordinal) || url.StartsWith("vbscript:", StringComparison.Ordinal)
            || url.StartsWith("data:", StringComparison.Ordinal), $"{attribute}=\"{value}\"");
    }
}
