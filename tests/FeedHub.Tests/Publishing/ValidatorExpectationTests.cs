using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FeedHub.Publishing;

namespace FeedHub.Tests.Publishing;

/// <summary>
/// The kinds of problems the W3C feed validator flags (its message names, from the validator's test cases:
/// MissingGuid, InvalidPermalink, InvalidRFC2822Date, InvalidRFC3339Date, InvalidTAG, MissingSelf,
/// RelativeSelf, InvalidFullLink, DuplicateEntries, DuplicateAtomLink, MissingSourceElement,
/// InvalidContact, DuplicateItemSemantics, NeedDescriptionBeforeContent, MissingAttribute on enclosures,
/// NotBlank, AvoidNamespacePrefix, MissingTitleAttr, MissingXmlURL), checked on a realistic page of 50 items.
/// </summary>
public partial class ValidatorExpectationTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>60 stored items, so the first page of 50 has a next page; some titles are awkward on purpose.</summary>
    private static readonly IReadOnlyList<FeedHub.Normalisation.Item> Stored = Samples.Items(60)
        .Select((item, i) => (i % 7) switch
        {
            1 => item with { Title = "KPU & Bawaslu: \"Rapat Koordinasi\" <Pilkada> 2024", Author = null },
            3 => item with { Title = "Bimtek PPK\u0008 🗳️ tahap 2", ImageUrl = null, Updated = item.Published.AddDays(1) },
            5 => item with { Category = null, Tags = ["Pemilu", "pemilu", "Sosialisasi"] },
            _ => item,
        })
        .ToList();

    private static XElement Render(IFeedWriter writer, FeedFormat format) =>
        XDocument.Load(new MemoryStream(writer.Write(Samples.Page(Stored, Samples.Query(format: format))))).Root!;

    private static void AssertAbsolute(string? url) =>
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"Not an absolute http(s) URL: '{url}'");

    [Fact]
    public void Atom_page_has_nothing_a_validator_flags()
    {
        var feed = Render(new AtomFeedWriter(Samples.Urls), FeedFormat.Atom);
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("", feed.GetPrefixOfNamespace(Atom) ?? "");
        Assert.Matches(TagUri(), feed.Element(Atom + "id")!.Value);
        Assert.Matches(Rfc3339(), feed.Element(Atom + "updated")!.Value);
        Assert.NotNull(feed.Element(Atom + "author"));
        var self = feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("http://127.0.0.1:5080/feeds/all.atom", (string)self.Attribute("href")!);

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(50, entries.Count);
        Assert.Equal(50, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        foreach (var entry in entries)
        {
            Assert.Matches(TagUri(), entry.Element(Atom + "id")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            Assert.Matches(Rfc3339(), entry.Element(Atom + "updated")!.Value);
            Assert.Matches(Rfc3339(), entry.Element(Atom + "published")!.Value);
            Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.Equal("html", (string)entry.Element(Atom + "content")!.Attribute("type")!);
            Assert.DoesNotContain("<", entry.Element(Atom + "summary")!.Value);
            var source = entry.Element(Atom + "source")!;
            Assert.NotNull(source.Element(Atom + "id"));
            Assert.NotNull(source.Element(Atom + "title"));
            Assert.NotNull(source.Element(Atom + "updated"));
            Assert.True(entry.Element(Atom + "author") is not null || source.Element(Atom + "author") is not null);
            foreach (var group in entry.Elements(Atom + "link").GroupBy(l => ((string?)l.Attribute("rel"), (string?)l.Attribute("type"))))
                Assert.Single(group);
        }
        Assert.All(feed.Descendants().Attributes("href"), a => AssertAbsolute(a.Value));
    }

    [Fact]
    public void Rss_page_has_nothing_a_validator_flags()
    {
        var rss = Render(new RssFeedWriter(Samples.Urls), FeedFormat.Rss);
        Assert.Equal("2.0", (string)rss.Attribute("version")!);
        var channel = rss.Element("channel")!;
        Assert.All(new[] { "title", "link", "description" }, n => Assert.False(string.IsNullOrWhiteSpace(channel.Element(n)?.Value)));
        AssertAbsolute(channel.Element("link")!.Value);
        Assert.Matches(Rfc822(), channel.Element("lastBuildDate")!.Value);
        var self = channel.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("http://127.0.0.1:5080/feeds/all.rss", (string)self.Attribute("href")!);

        var items = channel.Elements("item").ToList();
        Assert.Equal(50, items.Count);
        Assert.Equal(50, items.Select(i => i.Element("guid")!.Value).Distinct().Count());
        foreach (var item in items)
        {
            var guid = item.Element("guid")!;
            Assert.Equal("false", (string)guid.Attribute("isPermaLink")!);
            Assert.Matches(TagUri(), guid.Value);
            Assert.False(string.IsNullOrWhiteSpace(item.Element("title")!.Value));
            AssertAbsolute(item.Element("link")!.Value);
            Assert.Matches(Rfc822(), item.Element("pubDate")!.Value);
            AssertAbsolute((string?)item.Element("source")!.Attribute("url"));
            Assert.Null(item.Element("author"));
            Assert.Null(item.Element(Dc + "date"));
            Assert.Null(item.Element(Dc + "subject"));
            Assert.DoesNotContain(item.Elements(), e => e.Name.Namespace == Atom);
            Assert.All(item.Elements("category"), c => Assert.False(string.IsNullOrWhiteSpace(c.Value)));
            var names = item.Elements().Select(e => e.Name.LocalName).ToList();
            Assert.True(names.IndexOf("description") < names.IndexOf("encoded"));
            Assert.Empty(item.Elements("enclosure"));
            var images = item.Elements(XName.Get("content", "http://search.yahoo.com/mrss/")).ToList();
            Assert.True(images.Count <= 1);
            foreach (var image in images)
            {
                AssertAbsolute((string?)image.Attribute("url"));
                Assert.Matches("^image/[a-z0-9.+-]+$", (string?)image.Attribute("type"));
            }
        }
    }

    [Fact]
    public void Json_page_meets_JSON_Feed_1_1()
    {
        var page = Samples.Page(Stored, Samples.Query(format: FeedFormat.Json));
        var feed = JsonDocument.Parse(new JsonFeedWriter().Write(page)).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        AssertAbsolute(feed.GetProperty("feed_url").GetString());
        AssertAbsolute(feed.GetProperty("home_page_url").GetString());
        AssertAbsolute(feed.GetProperty("next_url").GetString());
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(50, items.Count);
        Assert.Equal(50, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        foreach (var item in items)
        {
            Assert.Matches(TagUri(), item.GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(item.GetProperty("content_html").GetString()));
            AssertAbsolute(item.GetProperty("url").GetString());
            Assert.Matches(Rfc3339(), item.GetProperty("date_published").GetString());
            Assert.Matches(Rfc3339(), item.GetProperty("date_modified").GetString());
            if (item.TryGetProperty("image", out var image))
                AssertAbsolute(image.GetString());
        }
    }

    [Fact]
    public void Opml_outlines_have_what_a_validator_asks_for()
    {
        var opml = XDocument.Load(new MemoryStream(new OpmlWriter(Samples.Urls).Write(Samples.Sources, DateTimeOffset.UnixEpoch))).Root!;
        Assert.Equal("2.0", (string)opml.Attribute("version")!);
        Assert.Matches(Rfc822Any(), opml.Element("head")!.Element("dateCreated")!.Value);
        foreach (var outline in opml.Descendants("outline"))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)outline.Attribute("text")));
            if ((string?)outline.Attribute("type") != "rss")
                continue;
            Assert.False(string.IsNullOrWhiteSpace((string?)outline.Attribute("title")));
            AssertAbsolute((string?)outline.Attribute("xmlUrl"));
            AssertAbsolute((string?)outline.Attribute("htmlUrl"));
        }
    }

    [Theory]
    [InlineData("kab-grobogan:apel-padi-di-awal-agustus")]
    [InlineData("kota-palu:berita baca/ümlaut#1")]
    [InlineData("kab-kudus:100%-siap")]
    public void Item_ids_become_valid_tag_uris(string id) =>
        Assert.Matches(TagUri(), FeedHub.Publishing.TagUri.ForItem(id));

    // RFC 4151: tag:authority,date:specific with specific = *( pchar / "/" / "?" ).
    [GeneratedRegex(@"^tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:([A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*$")]
    private static partial Regex TagUri();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")]
    private static partial Regex Rfc822Any();
}
