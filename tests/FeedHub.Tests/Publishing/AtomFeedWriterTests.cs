using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

public class AtomFeedWriterTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly AtomFeedWriter _writer = new(Samples.Urls);

    private byte[] Render(IReadOnlyList<FeedHub.Normalisation.Item> items, int limit = 50) =>
        _writer.Write(Samples.Page(items, Samples.Query(limit: limit)));

    private static XDocument Parse(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));

    [Fact]
    public void Same_page_renders_to_the_same_bytes() =>
        Assert.Equal(Render(Samples.Items(20)), Render(Samples.Items(20)));

    [Fact]
    public void Entry_id_is_the_tag_uri_of_the_item_id_on_every_render()
    {
        var first = Parse(Render(Samples.Items(3))).Root!.Element(Atom + "entry")!.Element(Atom + "id")!.Value;
        var again = Parse(Render(Samples.Items(5))).Root!.Element(Atom + "entry")!.Element(Atom + "id")!.Value;
        Assert.Equal("tag:feedhub,2026:item/jateng:9000", first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Starts_with_utf8_xml_declaration_and_no_byte_order_mark()
    {
        var bytes = Render(Samples.Items(1));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("Sosialisasi <Pilkada> & \"Pemilu\" 'Serentak'", "Sosialisasi <Pilkada> & \"Pemilu\" 'Serentak'")]
    [InlineData("Rapat\u0001 Pleno\u000B\uFFFE", "Rapat Pleno")]
    [InlineData("Lomba 🗳️ pemilih 𝕂𝕡𝕦", "Lomba 🗳️ pemilih 𝕂𝕡𝕦")]
    [InlineData("زيارة وفد مفوضية الانتخابات", "زيارة وفد مفوضية الانتخابات")]
    public void Titles_survive_markup_characters_non_BMP_and_RTL_and_lose_forbidden_characters(string title, string expected)
    {
        var items = new[] { Samples.Item("kab-blora", 8313, new DateTimeOffset(2026, 1, 5, 9, 0, 0, Samples.Wib), title) };
        using var reader = XmlReader.Create(new MemoryStream(Render(items)));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(expected, feed.Items.Single().Title.Text);
    }

    [Fact]
    public void Lone_surrogates_are_dropped_from_titles()
    {
        var items = new[] { Samples.Item("kab-blora", 8313, new DateTimeOffset(2026, 1, 5, 9, 0, 0, Samples.Wib), "Kunjungan " + '\uD800' + "delegasi" + '\uDC00') };
        var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(Render(items))));
        Assert.Equal("Kunjungan delegasi", feed.Items.Single().Title.Text);
    }

    [Fact]
    public void Dates_are_RFC_3339_with_the_source_offset()
    {
        var items = new[]
        {
            Samples.Item("kab-blora", 8313, new DateTimeOffset(2026, 1, 5, 0, 0, 0, Samples.Wib)) with
            {
                Updated = new DateTimeOffset(2026, 1, 6, 13, 45, 10, Samples.Wib),
            },
        };
        var entry = Parse(Render(items)).Root!.Element(Atom + "entry")!;
        Assert.Equal("2026-01-05T00:00:00+07:00", entry.Element(Atom + "published")!.Value);
        Assert.Equal("2026-01-06T13:45:10+07:00", entry.Element(Atom + "updated")!.Value);
        Assert.Equal("2026-01-06T13:45:10+07:00", Parse(Render(items)).Root!.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void Entry_without_edit_is_updated_when_published()
    {
        var entry = Parse(Render(Samples.Items(1))).Root!.Element(Atom + "entry")!;
        Assert.Equal(entry.Element(Atom + "published")!.Value, entry.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void Feed_links_alternate_then_self_then_next()
    {
        var links = Parse(Render(Samples.Items(30), limit: 10)).Root!.Elements(Atom + "link").ToList();
        Assert.Equal(["alternate", "self", "next"], links.Select(l => (string)l.Attribute("rel")!));
        Assert.Equal("http://127.0.0.1:5080/feeds/all.atom?limit=10", (string)links[1].Attribute("href")!);
    }

    [Fact]
    public void Last_page_has_no_next_link()
    {
        var links = Parse(Render(Samples.Items(10), limit: 10)).Root!.Elements(Atom + "link");
        Assert.DoesNotContain(links, l => (string?)l.Attribute("rel") == "next");
    }

    [Fact]
    public void Next_links_walk_the_whole_history_without_gaps_or_repeats()
    {
        var stored = Samples.Items(23);
        var seen = new List<string>();
        var query = Samples.Query(limit: 10);
        for (var pages = 0; pages < 10; pages++)
        {
            var feed = SyndicationFeed.Load(XmlReader.Create(new MemoryStream(_writer.Write(Samples.Page(Older(stored, query), query)))));
            seen.AddRange(feed.Items.Select(i => i.Id));
            var next = feed.Links.SingleOrDefault(l => l.RelationshipType == "next");
            if (next is null)
                break;
            var before = System.Web.HttpUtility.ParseQueryString(next.Uri.Query)["before"]!;
            query = FeedQueryParser.Parse(FeedScope.All, FeedFormat.Atom,
                new Dictionary<string, string?> { ["limit"] = "10", ["before"] = before }, []);
        }
        Assert.Equal(stored.Select(i => TagUri.ForItem(i.Id)), seen);
    }

    [Fact]
    public void Entry_names_its_regency_as_source_and_category()
    {
        var entry = Parse(Render(Samples.Items(5))).Root!.Elements(Atom + "entry").ElementAt(4)!;
        var source = entry.Element(Atom + "source")!;
        Assert.Equal("KPU Kabupaten Blora", source.Element(Atom + "title")!.Value);
        Assert.Equal("tag:feedhub,2026:feeds/kab-blora", source.Element(Atom + "id")!.Value);
        Assert.Equal("http://127.0.0.1:5080/feeds/kab-blora.atom",
            (string)source.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!);
        Assert.Equal(["KPU Kabupaten Blora", "Jawa Tengah", "Berita"],
            entry.Elements(Atom + "category").Select(c => (string)c.Attribute("term")!));
    }

    [Fact]
    public void Entry_carries_html_content_text_summary_image_and_author()
    {
        var entry = Parse(Render(Samples.Items(1))).Root!.Element(Atom + "entry")!;
        Assert.Equal("html", (string)entry.Element(Atom + "content")!.Attribute("type")!);
        Assert.StartsWith("<p>KPU menggelar", entry.Element(Atom + "content")!.Value);
        Assert.Equal("text", (string)entry.Element(Atom + "summary")!.Attribute("type")!);
        var enclosure = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "enclosure");
        Assert.Equal("image/jpeg", (string)enclosure.Attribute("type")!);
        Assert.Equal("Humas KPU", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }

    [Fact]
    public void Entry_without_known_author_has_none_of_its_own()
    {
        var items = new[] { Samples.Items(1)[0] with { Author = null } };
        Assert.Null(Parse(Render(items)).Root!.Element(Atom + "entry")!.Element(Atom + "author"));
    }

    [Fact]
    public void Feed_is_in_Indonesian_with_generator()
    {
        var root = Parse(Render(Samples.Items(1))).Root!;
        Assert.Equal("id", (string)root.Attribute(XNamespace.Xml + "lang")!);
        Assert.Equal("FeedHub", root.Element(Atom + "generator")!.Value);
    }

    private static List<FeedHub.Normalisation.Item> Older(IReadOnlyList<FeedHub.Normalisation.Item> stored, FeedQuery query) =>
        stored.Where(i => query.Before is null
                || i.Published < query.Before.Published
                || (i.Published == query.Before.Published && string.CompareOrdinal(i.Id, query.Before.Id) < 0))
            .ToList();

    private static readonly XNamespace History = "http://purl.org/syndication/history/1.0";

    private XElement Archive(string month) =>
        Parse(_writer.Write(Samples.Page(Samples.Items(3), Samples.Query() with { Archive = Samples.Month(month) },
            [Samples.Month("2025-10"), Samples.Month("2025-11"), Samples.Month("2025-12")]))).Root!;

    [Fact]
    public void An_archive_carries_the_RFC_5005_marker_with_the_fh_prefix()
    {
        var feed = Archive("2025-11");
        Assert.Single(feed.Elements(History + "archive"));
        Assert.Equal(History.NamespaceName, (string?)feed.Attribute(XNamespace.Xmlns + "fh"));
    }

    [Fact]
    public void An_archive_links_alternate_self_current_prev_archive_next_archive_in_order()
    {
        var links = Archive("2025-11").Elements(Atom + "link").Select(l => ((string)l.Attribute("rel")!, (string)l.Attribute("href")!)).ToList();
        Assert.Equal(
        [
            ("alternate", "http://127.0.0.1:5080/"),
            ("self", "http://127.0.0.1:5080/feeds/archive/2025-11/all.atom"),
            ("current", "http://127.0.0.1:5080/feeds/all.atom"),
            ("prev-archive", "http://127.0.0.1:5080/feeds/archive/2025-10/all.atom"),
            ("next-archive", "http://127.0.0.1:5080/feeds/archive/2025-12/all.atom"),
        ], links);
    }

    [Fact]
    public void The_live_feed_has_no_archive_marker() =>
        Assert.Empty(Parse(Render(Samples.Items(3))).Root!.Elements(History + "archive"));
}
