using FeedHub.Extraction;

namespace FeedHub.Tests.Extraction;

public sealed class FeedDocumentParserTests
{
    private static readonly Uri FeedUrl = new("https://kab-contoh.kpu.go.id/feed/rss.xml");

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
        <channel><title>KPU Kabupaten Contoh</title><link>https://kab-contoh.kpu.go.id/</link><description>Berita</description>
        <item><title>KPU Contoh Gelar Rapat</title><link>/blog/read/9012_kpu-contoh-gelar-rapat</link>
          <guid isPermaLink="false">kab-contoh-9012</guid><pubDate>Senin, 05 Januari 2026 10:00 WIB</pubDate>
          <description>Ringkasan rapat.</description><content:encoded><![CDATA[<p>Contoh, 5 Januari 2026 — Teks sintetis.</p>]]></content:encoded>
          <dc:creator>HumasKPUContoh</dc:creator><category>Sosialisasi</category><category>TemanPemilih</category>
          <media:thumbnail url="/images/blog_post/a.jpg"/></item>
        <item><title>Tanpa tautan dan id</title><description>Dilewati.</description></item>
        <item><title>Bimtek PPK</title><link>https://kab-contoh.kpu.go.id/blog/read/9019_bimtek-ppk</link><pubDate>Tue, 06 Jan 2026 09:30:00 +0700</pubDate>
          <enclosure url="https://kab-contoh.kpu.go.id/images/b.jpg" type="image/jpeg" length="1000"/></item>
        </channel></rss>
        """;

    [Fact]
    public void Keeps_a_feed_whose_date_syndication_cannot_parse_and_passes_the_raw_text_on()
    {
        var feed = FeedDocumentParser.Parse(Rss, FeedUrl);

        Assert.Equal([new DateCandidate(DateSource.Meta, "Senin, 05 Januari 2026 10:00 WIB")], feed.Entries[0].Dates);
    }

    [Fact]
    public void Maps_rss_item_fields()
    {
        var entry = FeedDocumentParser.Parse(Rss, FeedUrl).Entries[0];

        Assert.Equal("https://kab-contoh.kpu.go.id/blog/read/9012_kpu-contoh-gelar-rapat", entry.Url.ToString());
        Assert.Equal("KPU Contoh Gelar Rapat", entry.Title);
        Assert.Equal("<p>Contoh, 5 Januari 2026 — Teks sintetis.</p>", entry.ContentHtml);
        Assert.Equal("Ringkasan rapat.", entry.Summary);
        Assert.Equal("HumasKPUContoh", entry.Author);
        Assert.Equal(["Sosialisasi", "TemanPemilih"], entry.Tags);
        Assert.Equal("kab-contoh-9012", entry.ExternalId);
        Assert.Equal("https://kab-contoh.kpu.go.id/images/blog_post/a.jpg", entry.ImageUrl);
    }

    [Fact]
    public void The_first_category_of_an_rss_item_is_its_category_and_every_one_a_tag()
    {
        var entries = FeedDocumentParser.Parse(Rss, FeedUrl).Entries;

        Assert.Equal(("Sosialisasi", (string?)null), (entries[0].CategoryLabel, entries[1].CategoryLabel));
    }

    [Fact]
    public void Skips_entries_without_link_or_id()
    {
        var feed = FeedDocumentParser.Parse(Rss, FeedUrl);

        Assert.Equal("KPU Kabupaten Contoh", feed.Title);
        Assert.Equal(["KPU Contoh Gelar Rapat", "Bimtek PPK"], feed.Entries.Select(e => e.Title));
    }

    [Fact]
    public void Takes_an_image_enclosure_as_image()
    {
        Assert.Equal("https://kab-contoh.kpu.go.id/images/b.jpg", FeedDocumentParser.Parse(Rss, FeedUrl).Entries[1].ImageUrl);
    }

    [Fact]
    public void Reads_atom_entries_with_published_and_updated()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>KPU Contoh</title><id>urn:kpu:contoh</id><updated>2026-01-06T00:00:00Z</updated>
            <entry><title type="html">Rapat &lt;b&gt;Pleno&lt;/b&gt;</title><id>urn:kpu:9029</id><link rel="alternate" href="/blog/read/9029_rapat-pleno"/>
            <published>2026-01-05T10:00:00+07:00</published><updated>bukan tanggal</updated><author><name>Humas</name></author>
            <content type="html">&lt;p&gt;Teks sintetis.&lt;/p&gt;</content></entry></feed>
            """;

        var entry = Assert.Single(FeedDocumentParser.Parse(atom, FeedUrl).Entries);

        Assert.Equal("Rapat Pleno", entry.Title);
        Assert.Equal("https://kab-contoh.kpu.go.id/blog/read/9029_rapat-pleno", entry.Url.ToString());
        Assert.Equal("<p>Teks sintetis.</p>", entry.ContentHtml);
        Assert.Equal("2026-01-05T10:00:00+07:00", entry.Dates[0].Text);
        Assert.Equal("bukan tanggal", entry.UpdatedText);
        Assert.Equal("Humas", entry.Author);
        Assert.Equal("urn:kpu:9029", entry.ExternalId);
    }

    [Fact]
    public void Reads_rss_1_0_rdf()
    {
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://kab-contoh.kpu.go.id/"><title>KPU Contoh</title></channel>
            <item rdf:about="https://kab-contoh.kpu.go.id/blog/read/apel-pagi"><title>Apel Pagi</title><link>https://kab-contoh.kpu.go.id/blog/read/apel-pagi</link>
            <dc:date>2026-01-02T07:30:00+07:00</dc:date><dc:subject>Internal</dc:subject></item></rdf:RDF>
            """;

        var feed = FeedDocumentParser.Parse(rdf, FeedUrl);

        Assert.Equal("KPU Contoh", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Apel Pagi", entry.Title);
        Assert.Equal([new DateCandidate(DateSource.Meta, "2026-01-02T07:30:00+07:00")], entry.Dates);
        Assert.Equal(["Internal"], entry.Tags);
    }

    [Fact]
    public void Escapes_json_feed_content_text_as_html()
    {
        const string json = """{"version":"https://jsonfeed.org/version/1.1","title":"KPU","items":[{"id":"1","url":"/blog/read/a","content_text":"a < b","date_published":"2026-01-05T10:00:00+07:00","authors":[{"name":"Humas"}]}]}""";

        var entry = Assert.Single(FeedDocumentParser.Parse(json, FeedUrl).Entries);

        Assert.Equal("a &lt; b", entry.ContentHtml);
        Assert.Equal("Humas", entry.Author);
        Assert.Equal("https://kab-contoh.kpu.go.id/blog/read/a", entry.Url.ToString());
    }

    [Fact]
    public void Refuses_an_entity_bomb_without_expanding_it()
    {
        var lol = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var bomb = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol0 \"lol\">{lol}]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";

        var error = Assert.Throws<FeedFormatException>(() => FeedDocumentParser.Parse(bomb, FeedUrl));

        Assert.Contains(FeedUrl.ToString(), error.Message);
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Refuses_an_external_entity_without_reading_the_file()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>KPU</title><item><title>&xxe;</title><link>https://kab-contoh.kpu.go.id/blog/read/a</link></item></channel></rss>
            """;

        var error = Assert.Throws<FeedFormatException>(() => FeedDocumentParser.Parse(xxe, FeedUrl));

        Assert.DoesNotContain("root:", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Website dalam pemeliharaan</body></html>")]
    [InlineData("{\"items\": []}")]
    [InlineData("{\"version\": ")]
    [InlineData("<rss version=\"2.0\"><channel><title>putus")]
    public void Reports_anything_that_is_not_a_feed_as_FeedFormatException(string text)
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedDocumentParser.Parse(text, FeedUrl));

        Assert.Contains(FeedUrl.ToString(), error.Message);
    }
}
