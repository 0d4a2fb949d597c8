using FeedHub.Normalisation;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace FeedHub.Publishing;

/// <summary>
/// RSS 2.0 after the RSS Best Practices Profile, through <see cref="Rss20FeedFormatter"/>: dates in
/// RFC 822 with a 4-digit year and the source's offset, <c>guid isPermaLink="false"</c>, a plain
/// <c>description</c> followed by <c>content:encoded</c>, and <c>atom:link</c> self/next.
/// The image is Media RSS <c>media:content</c>, not an <c>enclosure</c>: RSS requires an enclosure's
/// byte length, which FeedHub does not know without downloading every image, and a made-up
/// <c>length="0"</c> misleads clients that pre-allocate or show sizes.
/// The author is <c>dc:creator</c>: RSS <c>author</c> must be an e-mail address, which KPU sites
/// never give. Entries carry no edit date: RSS has <c>pubDate</c> only, a second date element is
/// flagged as duplicate semantics, and edits show in <c>lastBuildDate</c> and in Atom.
/// </summary>
public sealed class RssFeedWriter(PublicUrls urls) : SyndicationFeedWriter(urls)
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string MediaNamespace = "http://search.yahoo.com/mrss/";

    public override FeedFormat Format => FeedFormat.Rss;

    protected override SyndicationFeedFormatter Formatter(SyndicationFeed feed) =>
        new Rss20FeedFormatter(feed);

    /// <summary>Declares the extension namespaces once, on the root, with their customary prefixes.</summary>
    protected override void Complete(SyndicationFeed feed)
    {
        feed.AttributeExtensions.Add(new XmlQualifiedName("atom", "http://www.w3.org/2000/xmlns/"), AtomNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", "http://www.w3.org/2000/xmlns/"), ContentNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCoreNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("media", "http://www.w3.org/2000/xmlns/"), MediaNamespace);
    }

    protected override void Complete(SyndicationItem item, FeedEntry entry)
    {
        foreach (var enclosure in item.Links.Where(l => l.RelationshipType == "enclosure").ToList())
        {
            item.Links.Remove(enclosure);
            item.ElementExtensions.Add(new XElement(XName.Get("content", MediaNamespace),
                new XAttribute("url", enclosure.Uri.AbsoluteUri), new XAttribute("type", enclosure.MediaType), new XAttribute("medium", "image")));
        }
        item.ElementExtensions.Add(new XElement(XName.Get("encoded", ContentNamespace), XmlChars.Clean(entry.Item.ContentHtml)));
        if (entry.Item.Author is { } author && !string.IsNullOrWhiteSpace(author))
            item.ElementExtensions.Add(new XElement(XName.Get("creator", DublinCoreNamespace), XmlChars.Clean(author)));
    }
}
