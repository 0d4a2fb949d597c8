using FeedHub.Normalisation;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FeedHub.Publishing;

/// <summary>
/// What Atom and RSS share: the page mapped onto a <see cref="SyndicationFeed"/> (ids, titles,
/// links in the order alternate, self, next, current, prev-archive, next-archive, and the RFC 5005
/// <c>fh:archive</c> marker on archive documents; dates with the source's offset; categories; image;
/// source attribution) and written as UTF-8 without BOM or indentation. Each format adds what
/// only it can carry.
/// </summary>
public abstract class SyndicationFeedWriter(PublicUrls urls) : IFeedWriter
{
    /// <summary>RFC 5005's namespace of the <c>archive</c> marker, with its customary prefix <c>fh</c>.</summary>
    public const string HistoryNamespace = "http://purl.org/syndication/history/1.0";

    public abstract FeedFormat Format { get; }

    public byte[] Write(FeedPage page)
    {
        var feed = new SyndicationFeed
        {
            Id = page.Id,
            Title = new TextSyndicationContent(XmlChars.Clean(page.Title)),
            Description = new TextSyndicationContent(XmlChars.Clean(page.Description)),
            Language = Generator.Language,
            Generator = Generator.Name,
            LastUpdatedTime = page.Updated,
        };
        feed.Links.Add(SyndicationLink.CreateAlternateLink(page.Alternate, page.AlternateMediaType));
        feed.Links.Add(SyndicationLink.CreateSelfLink(page.Self, Format.MediaType()));
        foreach (var (relation, target) in new[] { ("next", page.Next), ("current", page.Current), ("prev-archive", page.PrevArchive), ("next-archive", page.NextArchive) })
        {
            if (target is not null)
                feed.Links.Add(new SyndicationLink(target, relation, null, Format.MediaType(), 0));
        }
        if (page.IsArchive)
        {
            feed.AttributeExtensions.Add(new XmlQualifiedName("fh", "http://www.w3.org/2000/xmlns/"), HistoryNamespace);
            feed.ElementExtensions.Add(new XElement(XName.Get("archive", HistoryNamespace)));
        }
        Complete(feed);
        feed.Items = page.Entries.Select(Item).ToList();

        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(buffer, settings))
            Formatter(feed).WriteTo(writer);
        return buffer.ToArray();
    }

    /// <summary>The Syndication formatter that writes this format.</summary>
    protected abstract SyndicationFeedFormatter Formatter(SyndicationFeed feed);

    /// <summary>Adds the feed-level parts only this format has.</summary>
    protected abstract void Complete(SyndicationFeed feed);

    /// <summary>Adds the content, author and other entry parts only this format has.</summary>
    protected abstract void Complete(SyndicationItem item, FeedEntry entry);

    private SyndicationItem Item(FeedEntry entry)
    {
        var item = entry.Item;
        var result = new SyndicationItem
        {
            Id = TagUri.ForItem(item.Id),
            Title = new TextSyndicationContent(XmlChars.Clean(item.Title)),
            Summary = new TextSyndicationContent(XmlChars.Clean(item.Summary)),
            PublishDate = item.Published,
            SourceFeed = SourceFeed(entry),
        };
        result.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(item.Link), "text/html"));
        if (item.ImageUrl is not null)
            result.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(item.ImageUrl), ImageType.Of(item.ImageUrl), 0));
        foreach (var category in Categories(entry))
            result.Categories.Add(new SyndicationCategory(category));
        Complete(result, entry);
        return result;
    }

    /// <summary>The regency's own feed in this format, for Atom <c>source</c> and RSS <c>source url</c>.</summary>
    private SyndicationFeed SourceFeed(FeedEntry entry)
    {
        var scope = FeedScope.Source(entry.Source.Id);
        var feed = new SyndicationFeed
        {
            Id = TagUri.ForFeed(scope, ""),
            Title = new TextSyndicationContent(XmlChars.Clean(entry.Source.Name)),
            LastUpdatedTime = entry.Updated,
        };
        feed.Links.Add(SyndicationLink.CreateAlternateLink(entry.Source.Site, "text/html"));
        feed.Links.Add(SyndicationLink.CreateSelfLink(urls.Feed(scope, Format), Format.MediaType()));
        return feed;
    }

    /// <summary>The regency, its region, the item's category and tags; blank and repeated ones dropped.</summary>
    internal static IEnumerable<string> Categories(FeedEntry entry) =>
        new[] { entry.Source.Name, FeedPage.RegionName(entry.Source.Region), entry.Item.Category }
            .Concat(entry.Item.Tags)
            .Select(c => c is null ? "" : XmlChars.Clean(c).Trim())
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal);
}
