using System.Xml.Linq;

namespace FeedHub.Extraction;

/// <summary>RSS 1.0 and 0.90 (RDF), which Syndication does not read, straight from the XML.</summary>
internal static class RdfFeedReader
{
    public static ParsedFeed Read(XDocument document, Uri url)
    {
        var root = document.Root!;
        var ns = root.Descendants().Select(e => e.Name.Namespace).FirstOrDefault(n => n == FeedXml.Rss10 || n == FeedXml.Rss090) ?? FeedXml.Rss10;
        var channel = root.Element(ns + "channel");
        var entries = root.Descendants(ns + "item").Select(item => Entry(item, ns, url)).OfType<ExtractedArticle>().ToList();
        return new ParsedFeed(channel is null ? null : FeedXml.Text(channel, ns + "title"), entries);
    }

    private static ExtractedArticle? Entry(XElement item, XNamespace ns, Uri feedUrl)
    {
        var link = FeedLinks.Resolve(feedUrl, FeedXml.Text(item, ns + "link"));
        var id = (string?)item.Attribute(FeedXml.Rdf + "about") is { Length: > 0 } about ? about.Trim() : null;
        if (FeedLinks.EntryUrl(feedUrl, link, id) is not { } entryUrl) return null;
        var description = FeedXml.Text(item, ns + "description");
        return new ExtractedArticle
        {
            Url = entryUrl,
            Title = FeedXml.Text(item, ns + "title") ?? "",
            ContentHtml = FeedXml.Text(item, FeedXml.Content + "encoded") ?? description ?? "",
            Summary = description,
            Author = FeedXml.Text(item, FeedXml.Dc + "creator"),
            Tags = item.Elements(FeedXml.Dc + "subject").Select(s => s.Value.Trim()).Where(s => s.Length > 0).Distinct().ToList(),
            ExternalId = id,
            Dates = new[] { FeedXml.Dc + "date", FeedXml.DcTerms + "issued", FeedXml.DcTerms + "created" }
                .Select(name => FeedXml.Text(item, name)).OfType<string>()
                .Select(text => new DateCandidate(DateSource.Meta, text)).ToList(),
            UpdatedText = FeedXml.Text(item, FeedXml.DcTerms + "modified"),
        };
    }
}
