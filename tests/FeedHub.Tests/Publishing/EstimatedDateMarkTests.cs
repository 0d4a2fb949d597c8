using System.Text.Json;
using System.Xml.Linq;
using FeedHub.Extraction;
using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

/// <summary>A date the site did not print is marked in every format, so readers and scripts can tell it from a printed one.</summary>
public class EstimatedDateMarkTests
{
    private static readonly XNamespace FeedHubNs = SyndicationFeedWriter.FeedHubNamespace;

    /// <summary>Three items: one dated by its page, one placed by list order, one first seen on a later crawl.</summary>
    private static readonly IReadOnlyList<FeedHub.Normalisation.Item> Stored =
    [
        Samples.Item("kab-blora", 3, new DateTimeOffset(2026, 11, 25, 9, 0, 0, Samples.Wib)),
        Samples.Item("kab-blora", 2, new DateTimeOffset(2026, 11, 24, 12, 0, 0, Samples.Wib)) with { DateSource = DateSource.ListOrder },
        Samples.Item("kab-blora", 1, new DateTimeOffset(2026, 11, 23, 8, 0, 0, Samples.Wib)) with { DateSource = DateSource.FirstSeen },
    ];

    private static XDocument Xml(IFeedWriter writer, FeedFormat format, IReadOnlyList<FeedHub.Normalisation.Item> items) =>
        XDocument.Load(new MemoryStream(writer.Write(Samples.Page(items, Samples.Query(format: format)))));

    private static List<string?> Marks(XDocument feed, string entryName) =>
        feed.Descendants().Where(e => e.Name.LocalName == entryName)
            .Select(e => e.Element(FeedHubNs + "dateSource")?.Value).ToList();

    [Fact]
    public void Atom_entries_with_an_estimated_date_carry_its_basis()
    {
        var feed = Xml(new AtomFeedWriter(Samples.Urls), FeedFormat.Atom, Stored);
        Assert.Equal([null, "list-order", "first-seen"], Marks(feed, "entry"));
    }

    [Fact]
    public void Rss_items_with_an_estimated_date_carry_its_basis()
    {
        var feed = Xml(new RssFeedWriter(Samples.Urls), FeedFormat.Rss, Stored);
        Assert.Equal([null, "list-order", "first-seen"], Marks(feed, "item"));
    }

    [Fact]
    public void A_feed_of_printed_dates_declares_no_feedhub_namespace()
    {
        var feed = Xml(new AtomFeedWriter(Samples.Urls), FeedFormat.Atom, Stored.Take(1).ToList());
        Assert.DoesNotContain(feed.Root!.Attributes(), a => a.Value == SyndicationFeedWriter.FeedHubNamespace);
    }

    [Fact]
    public void Json_items_with_an_estimated_date_carry_a_feedhub_extension()
    {
        var bytes = new JsonFeedWriter().Write(Samples.Page(Stored, Samples.Query(format: FeedFormat.Json)));
        var items = JsonDocument.Parse(bytes).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.False(items[0].TryGetProperty(JsonFeedWriter.FeedHubExtension, out _));
        var mark = items[1].GetProperty(JsonFeedWriter.FeedHubExtension);
        Assert.Equal("list-order", mark.GetProperty("date_source").GetString());
        Assert.True(mark.GetProperty("date_estimated").GetBoolean());
        Assert.Equal("first-seen", items[2].GetProperty(JsonFeedWriter.FeedHubExtension).GetProperty("date_source").GetString());
    }
}
