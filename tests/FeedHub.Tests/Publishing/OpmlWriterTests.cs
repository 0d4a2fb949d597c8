using System.Xml.Linq;
using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class OpmlWriterTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 10, 0, 0, Samples.Wib);

    private static XElement Body(FeedFormat format = FeedFormat.Atom) =>
        XDocument.Load(new MemoryStream(new OpmlWriter(Samples.Urls, format).Write(Samples.Sources, Created))).Root!.Element("body")!;

    [Fact]
    public void Lists_the_36_sources_in_their_region_folder()
    {
        var region = Body().Elements("outline").Single(o => o.Attribute("type") is null);
        Assert.Equal("Jawa Tengah", (string)region.Attribute("text")!);
        Assert.Equal(36, region.Elements("outline").Count());
    }

    [Fact]
    public void Lists_the_combined_feed_first()
    {
        var first = Body().Elements("outline").First();
        Assert.Equal("http://127.0.0.1:5080/feeds/all.atom", (string)first.Attribute("xmlUrl")!);
    }

    [Fact]
    public void Each_source_outline_is_a_complete_rss_subscription()
    {
        var blora = Body().Descendants("outline").Single(o => (string?)o.Attribute("text") == "KPU Kabupaten Blora");
        Assert.Equal("rss", (string)blora.Attribute("type")!);
        Assert.Equal("KPU Kabupaten Blora", (string)blora.Attribute("title")!);
        Assert.Equal("http://127.0.0.1:5080/feeds/kab-blora.atom", (string)blora.Attribute("xmlUrl")!);
        Assert.Equal("https://kab-blora.kpu.go.id/", (string)blora.Attribute("htmlUrl")!);
    }

    [Fact]
    public void Can_point_readers_at_the_rss_feeds() =>
        Assert.All(Body(FeedFormat.Rss).Descendants("outline").Where(o => o.Attribute("xmlUrl") is not null),
            o => Assert.EndsWith(".rss", (string)o.Attribute("xmlUrl")!));

    [Fact]
    public void Groups_sources_of_several_regions_apart()
    {
        var sources = Samples.Sources.Append(Samples.Source("bali") with { Name = "KPU Provinsi Bali", Region = "bali" }).ToList();
        var body = XDocument.Load(new MemoryStream(new OpmlWriter(Samples.Urls).Write(sources, Created))).Root!.Element("body")!;
        var folders = body.Elements("outline").Where(o => o.Attribute("type") is null).ToList();
        Assert.Equal(["Bali", "Jawa Tengah"], folders.Select(f => (string)f.Attribute("text")!));
        Assert.Single(folders[0].Elements("outline"));
    }

    [Fact]
    public void Head_has_title_and_RFC_822_creation_date()
    {
        var doc = XDocument.Load(new MemoryStream(new OpmlWriter(Samples.Urls).Write(Samples.Sources, Created)));
        Assert.Equal("2.0", (string)doc.Root!.Attribute("version")!);
        Assert.Equal("Mon, 05 Jan 2026 10:00:00 +0700", doc.Root.Element("head")!.Element("dateCreated")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(doc.Root.Element("head")!.Element("title")!.Value));
    }

    [Fact]
    public void Refuses_to_list_json_feeds() =>
        Assert.Throws<ArgumentException>(() => new OpmlWriter(Samples.Urls, FeedFormat.Json));
}
