using System.Xml;
using System.Xml.Linq;

namespace FeedHub.Extraction;

/// <summary>
/// Reads an existing feed document of any common format: RSS 0.9x/2.0 and Atom 1.0 (and 0.3) via
/// System.ServiceModel.Syndication, RSS 1.0/0.90 (RDF) via XDocument, JSON Feed 1.0/1.1 via System.Text.Json.
/// XML is loaded with DTDs ignored and no resolver, so entity bombs and external entities are refused.
/// </summary>
public static class FeedDocumentParser
{
    /// <summary>The feed's title and entries.</summary>
    /// <param name="text">The decoded document.</param>
    /// <param name="url">The feed's URL: relative links resolve against it, and errors name it.</param>
    /// <exception cref="FeedFormatException">Anything that is not a readable feed, naming the URL (and line/position for syntax errors);
    /// no other exception type escapes.</exception>
    public static ParsedFeed Parse(string text, Uri url)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FeedFormatException($"{url}: empty document");
        if (text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{')) return JsonFeedReader.Read(text, url);
        var document = FeedXml.Load(text, url);
        var root = document.Root ?? throw new FeedFormatException($"{url}: no root element");
        try
        {
            return Read(document, root, url);
        }
        catch (Exception e) when (e is XmlException or FormatException or ArgumentException or InvalidOperationException or OverflowException or NotSupportedException)
        {
            throw new FeedFormatException($"{url}: unreadable {root.Name.LocalName} feed near {FeedXml.Position(root)}: {e.Message}", e);
        }
    }

    private static ParsedFeed Read(XDocument document, XElement root, Uri url)
    {
        switch (root.Name.LocalName)
        {
            case "rss":
                LegacyFeedUpgrade.RssAsVersion2(document);
                return SyndicationFeedReader.Read(document, url, isAtom: false);
            case "feed" when root.Name.Namespace == FeedXml.Atom:
                LegacyFeedUpgrade.AtomTextTypes(document);
                return SyndicationFeedReader.Read(document, url, isAtom: true);
            case "feed" when (string?)root.Attribute("version") == "0.3" || root.Name.Namespace == FeedXml.LegacyAtom:
                LegacyFeedUpgrade.AtomToVersion1(document);
                return SyndicationFeedReader.Read(document, url, isAtom: true);
            case "RDF" when root.Name.Namespace == FeedXml.Rdf:
                return RdfFeedReader.Read(document, url);
            default:
                throw new FeedFormatException($"{url}: <{root.Name.LocalName}> at {FeedXml.Position(root)} is not an RSS, RDF or Atom feed");
        }
    }
}
