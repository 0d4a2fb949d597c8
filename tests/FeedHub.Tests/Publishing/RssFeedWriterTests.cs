using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class RssFeedWriterTests
{
    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    private readonly RssFeedWriter _writer = new(Samples.Urls);

    private byte[] Render(IReadOnlyList<FeedHub.Normalisation.Item> items, int limit = 50) =>
        _writer.Write(Samples.Page(items, Samples.Query(format: FeedFormat.Rss, limit: limit)));

    private XElement Channel(IReadOnlyList<FeedHub.Normalisation.Item> items, int limit = 50) =>
        XDocument.Load(new MemoryStream(Render(items, limit))).Root!.Element("channel")!;

    [Fact]
    public void Same_page_renders_to_the_same_bytes() =>
        Assert.Equal(Render(Samples.Items(20)), Render(Samples.Items(20)));

    [Fact]
    public void PubDate_is_RFC_822_with_four_digit_year_and_the_source_offset()
    {
        var items = new[] { Samples.Item("kab-blora", 8313, new DateTimeOffset(2026, 1, 5, 0, 0, 0, Samples.Wib)) };
        Assert.Equal("Mon, 05 Jan 2026 00:00:00 +0700", Channel(items).Element("item")!.Element("pubDate")!.Value);
    }

    [Fact]
    public void Every_date_matches_the_RFC_822_profile()
    {
        var rfc822 = new Regex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$");
        var channel = Channel(Samples.Items(50));
        var dates = channel.Descendants().Where(e => e.Name.LocalName is "pubDate" or "lastBuildDate").Select(e => e.Value).ToList();
        Assert.Equal(51, dates.Count);
        Assert.All(dates, d => Assert.Matches(rfc822, d));
    }

    [Fact]
    public void Guid_is_the_tag_uri_and_not_a_permalink()
    {
        var guid = Channel(Samples.Items(1)).Element("item")!.Element("guid")!;
        Assert.Equal("false", (string)guid.Attribute("isPermaLink")!);
        Assert.Equal("tag:feedhub,2026:item/jateng:9000", guid.Value);
    }

    [Fact]
    public void Source_element_points_to_the_regency_rss_feed()
    {
        var source = Channel(Samples.Items(5)).Elements("item").ElementAt(4).Element("source")!;
        Assert.Equal("http://127.0.0.1:5080/feeds/kab-blora.rss", (string)source.Attribute("url")!);
        Assert.Equal("KPU Kabupaten Blora", source.Value);
    }

    [Fact]
    public void Image_is_media_content_with_type_not_an_enclosure_of_unknown_length()
    {
        var item = Channel(Samples.Items(1)).Element("item")!;
        var media = item.Element(Media + "content")!;
        Assert.Equal("image/jpeg", (string)media.Attribute("type")!);
        Assert.Equal("image", (string)media.Attribute("medium")!);
        Assert.Equal("https://jateng.kpu.go.id/uploads/berita/9000.jpg", (string)media.Attribute("url")!);
        Assert.Null(item.Element("enclosure"));
    }

    [Theory]
    [InlineData("https://kab-blora.kpu.go.id/uploads/foto.PNG", "image/png")]
    [InlineData("https://kab-blora.kpu.go.id/uploads/foto.webp?v=2", "image/webp")]
    [InlineData("https://kab-blora.kpu.go.id/uploads/foto", "image/jpeg")]
    public void Image_type_follows_the_image_extension(string url, string type)
    {
        var items = new[] { Samples.Items(1)[0] with { ImageUrl = url } };
        Assert.Equal(type, (string)Channel(items).Element("item")!.Element(Media + "content")!.Attribute("type")!);
    }

    [Fact]
    public void Plain_summary_comes_before_the_html_content()
    {
        var item = Channel(Samples.Items(1)).Element("item")!;
        var names = item.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.True(names.IndexOf("description") < names.IndexOf("encoded"));
        Assert.StartsWith("<p>", item.Element(XName.Get("encoded", "http://purl.org/rss/1.0/modules/content/"))!.Value);
    }

    [Fact]
    public void Author_is_dc_creator_never_the_email_only_author_element()
    {
        var item = Channel(Samples.Items(1)).Element("item")!;
        Assert.Null(item.Element("author"));
        Assert.Equal("Humas KPU", item.Element(XName.Get("creator", "http://purl.org/dc/elements/1.1/"))!.Value);
    }

    [Fact]
    public void Channel_links_alternate_then_atom_self_then_next()
    {
        var channel = Channel(Samples.Items(30), limit: 10);
        Assert.Equal("http://127.0.0.1:5080/", channel.Element("link")!.Value);
        var atomLinks = channel.Elements(AtomNs + "link").ToList();
        Assert.Equal(["self", "next"], atomLinks.Select(l => (string)l.Attribute("rel")!));
        Assert.Equal("http://127.0.0.1:5080/feeds/all.rss?limit=10", (string)atomLinks[0].Attribute("href")!);
    }

    [Fact]
    public void Last_page_has_no_next_link() =>
        Assert.DoesNotContain(Channel(Samples.Items(10), limit: 10).Elements(AtomNs + "link"), l => (string?)l.Attribute("rel") == "next");

    [Fact]
    public void Syndication_reads_the_feed_back()
    {
        var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(Render(Samples.Items(3)))));
        Assert.Equal("Semua sumber — FeedHub", feed.Title.Text);
        Assert.Equal("id", feed.Language);
        Assert.Equal(3, feed.Items.Count());
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, Samples.Wib), feed.Items.First().PublishDate);
    }

    [Fact]
    public void An_archive_channel_has_the_marker_and_atom_links_to_current_and_its_neighbours()
    {
        var query = Samples.Query(format: FeedFormat.Rss) with { Archive = Samples.Month("2025-11") };
        var page = Samples.Page(Samples.Items(3), query, [Samples.Month("2025-10"), Samples.Month("2025-11"), Samples.Month("2025-12")]);
        var channel = XDocument.Load(new MemoryStream(_writer.Write(page))).Root!.Element("channel")!;
        Assert.Single(channel.Elements(XName.Get("archive", "http://purl.org/syndication/history/1.0")));
        Assert.Equal(
        [
            ("self", "http://127.0.0.1:5080/feeds/archive/2025-11/all.rss"),
            ("current", "http://127.0.0.1:5080/feeds/all.rss"),
            ("prev-archive", "http://127.0.0.1:5080/feeds/archive/2025-10/all.rss"),
            ("next-archive", "http://127.0.0.1:5080/feeds/archive/2025-12/all.rss"),
        ], channel.Elements(AtomNs + "link").Select(l => ((string)l.Attribute("rel")!, (string)l.Attribute("href")!)));
    }
}
