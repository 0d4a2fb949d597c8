using FeedHub.Normalisation;
using System.ServiceModel.Syndication;

namespace FeedHub.Publishing;

/// <summary>
/// Atom 1.0 (RFC 4287) through <see cref="Atom10FeedFormatter"/>: dates in RFC 3339 with the
/// source's offset, sanitised HTML content plus a text summary, and an entry <c>source</c> naming
/// the regency's own feed.
/// </summary>
public sealed class AtomFeedWriter(PublicUrls urls) : SyndicationFeedWriter(urls)
{
    public override FeedFormat Format => FeedFormat.Atom;

    protected override SyndicationFeedFormatter Formatter(SyndicationFeed feed) => new Atom10FeedFormatter(feed);

    /// <summary>A feed-level author, so the feed stays valid when an entry has neither author nor source author.</summary>
    protected override void Complete(SyndicationFeed feed) =>
        feed.Authors.Add(new SyndicationPerson { Name = Generator.Name });

    protected override void Complete(SyndicationItem item, FeedEntry entry)
    {
        item.LastUpdatedTime = entry.Updated;
        item.Content = new TextSyndicationContent(XmlChars.Clean(entry.Item.ContentHtml), TextSyndicationContentKind.Html);
        item.SourceFeed.Authors.Add(new SyndicationPerson { Name = XmlChars.Clean(entry.Source.Name) });
        if (entry.Item.Author is { } author && !string.IsNullOrWhiteSpace(author))
            item.Authors.Add(new SyndicationPerson { Name = XmlChars.Clean(author) });
    }
}
