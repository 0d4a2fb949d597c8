using System.ServiceModel.Syndication;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace FeedHub.Extraction;

/// <summary>
/// RSS 0.9x/2.0 and Atom 1.0 through System.ServiceModel.Syndication. Syndication throws on any date
/// it cannot parse, losing the whole feed; its date parser is therefore replaced by one that accepts
/// everything, and the raw date text is read from the XML itself (normalisation parses it).
/// </summary>
internal static class SyndicationFeedReader
{
    public static ParsedFeed Read(XDocument document, Uri url, bool isAtom)
    {
        SyndicationFeedFormatter formatter = isAtom ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        formatter.DateTimeParser = AcceptAnyDate;
        using (var reader = FeedXml.ReaderFor(document)) formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        var root = document.Root!;
        var rawItems = isAtom
            ? root.Elements(FeedXml.Atom + "entry").ToList()
            : (root.Element("channel") ?? root).Elements("item").ToList();
        var entries = feed.Items
            .Zip(rawItems, (item, raw) => Entry(item, raw, url))
            .OfType<ExtractedArticle>()
            .ToList();
        return new ParsedFeed(PlainText(feed.Title), entries);
    }

    private static bool AcceptAnyDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        value = default;
        return true;
    }

    private static ExtractedArticle? Entry(SyndicationItem item, XElement raw, Uri feedUrl)
    {
        var alternate = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate");
        var link = alternate is null ? null : FeedLinks.Resolve(feedUrl, alternate.GetAbsoluteUri()?.ToString() ?? alternate.Uri?.OriginalString);
        var id = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim();
        if (FeedLinks.EntryUrl(feedUrl, link, id) is not { } entryUrl) return null;

        var summary = item.Summary?.Text;
        var categories = item.Categories.Select(c => c.Label ?? c.Name).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        return new ExtractedArticle
        {
            Url = entryUrl,
            Title = PlainText(item.Title) ?? "",
            ContentHtml = FeedXml.Text(raw, FeedXml.Content + "encoded") ?? ContentOf(item.Content) ?? HtmlOf(item.Summary) ?? "",
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(),
            ImageUrl = ImageOf(item, raw, feedUrl),
            Author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim()
                     ?? FeedXml.Text(raw, FeedXml.Dc + "creator"),
            // The feed's first category is the item's category (its category feed lists it); all of them are tags.
            CategoryLabel = categories.FirstOrDefault(),
            Tags = categories,
            ExternalId = id,
            Dates = RawDates(raw).Select(text => new DateCandidate(DateSource.Meta, text)).ToList(),
            UpdatedText = FeedXml.Text(raw, FeedXml.Atom + "updated") ?? FeedXml.Text(raw, FeedXml.DcTerms + "modified"),
        };
    }

    /// <summary>Publication dates as written, best first; an entry's updated time is the last resort.</summary>
    private static IEnumerable<string> RawDates(XElement raw) =>
        new[]
        {
            FeedXml.Atom + "published", (XName)"pubDate", FeedXml.Dc + "date", FeedXml.DcTerms + "issued", FeedXml.DcTerms + "created",
            FeedXml.Atom + "updated",
        }
        .Select(name => FeedXml.Text(raw, name))
        .OfType<string>()
        .Distinct();

    private static string? ContentOf(SyndicationContent? content) => content switch
    {
        TextSyndicationContent { Type: "text" } text => FeedLinks.AsHtml(text.Text),
        TextSyndicationContent text => text.Text,
        UrlSyndicationContent => null,
        XmlSyndicationContent xml => xml.GetReaderAtContent().ReadInnerXml(),
        _ => null,
    };

    private static string? HtmlOf(TextSyndicationContent? text) => text is null ? null : ContentOf(text);

    /// <summary>Title text without markup (Atom titles may be HTML or XHTML).</summary>
    private static string? PlainText(TextSyndicationContent? text)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Text)) return null;
        if (text.Type is "text") return text.Text.Trim();
        var fragment = new HtmlParser().ParseDocument("<body>" + text.Text + "</body>");
        return fragment.Body is { } body ? PageText.Of(body) : text.Text.Trim();
    }

    private static string? ImageOf(SyndicationItem item, XElement raw, Uri feedUrl)
    {
        var enclosure = item.Links.FirstOrDefault(l => l.RelationshipType == "enclosure" && (l.MediaType ?? "").StartsWith("image/", StringComparison.OrdinalIgnoreCase));
        var candidates = new[]
        {
            enclosure?.GetAbsoluteUri()?.ToString(),
            raw.Element(FeedXml.Media + "thumbnail")?.Attribute("url")?.Value,
            raw.Elements(FeedXml.Media + "content")
                .FirstOrDefault(m => (string?)m.Attribute("medium") == "image" || ((string?)m.Attribute("type") ?? "").StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                ?.Attribute("url")?.Value,
        };
        return candidates.Select(href => FeedLinks.Resolve(feedUrl, href)).FirstOrDefault(u => u is not null)?.ToString();
    }
}
