using FeedHub.Crawling;
using FeedHub.Fetching;
using FeedHub.Sources;
using FeedHub.Storage;
using FeedHub.Tests.Fetching;
using FeedHub.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHub.Tests.Reliability;

/// <summary>
/// A page that trips something nobody foresaw costs only that page: the other articles are stored, and a
/// run that cannot go on is a failure the operator sees (state, error, failure count), never a silent drop.
/// </summary>
public sealed class UnexpectedFaultTests : IAsyncLifetime
{
    private readonly TempDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Theory]
    [InlineData("<dc:date>0001-01-01T00:00:00</dc:date>")]
    [InlineData("<dc:date>9999-12-31T23:00:00-14:00</dc:date>")]
    [InlineData("<dc:date>2025-12-05T10:00:00+14:59</dc:date>")]
    [InlineData("<pubDate>Mon, 01 Jan 0001 00:00:00 +0700</pubDate>")]
    public async Task An_entry_with_an_impossible_date_leaves_the_other_entries_stored(string badDate)
    {
        var rss = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>KPU Contoh</title><link>http://127.0.0.1/</link><description>x</description>
            <item><title>Rapat Pleno Terbuka</title><link>LINK/berita/1</link><guid>berita-1</guid><pubDate>Fri, 05 Dec 2025 09:00:00 +0700</pubDate></item>
            <item><title>Tanggal Mustahil</title><link>LINK/berita/2</link><guid>berita-2</guid>{badDate}</item>
            <item><title>Sosialisasi Pemilih Pemula</title><link>LINK/berita/3</link><guid>berita-3</guid><pubDate>Thu, 04 Dec 2025 09:00:00 +0700</pubDate></item>
            </channel></rss>
            """;
        await using var site = await TestSite.StartAsync("127.0.0.1", app => app.MapGet("/feed", (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            return context.Response.WriteAsync(rss.Replace("LINK", $"http://{context.Request.Host}", StringComparison.Ordinal));
        }));
        var source = FeedSource(site.Url("/feed"));

        var report = await CrawlOverLoopbackAsync(source, new CrawlOptions());

        var titles = (await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None)).Select(i => i.Title).ToList();
        Assert.Contains("Rapat Pleno Terbuka", titles);
        Assert.Contains("Sosialisasi Pemilih Pemula", titles);
        Assert.Equal(CrawlOutcome.Ok, report.Outcome);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_recorded_failure_of_that_source()
    {
        var source = FeedSource(new Uri("http://127.0.0.1:9/feed"));

        var report = await Crawler(new ThrowingFetcher()).CrawlAsync(source, new CrawlOptions(), CancellationToken.None);

        Assert.Equal(CrawlOutcome.Failed, report.Outcome);
        Assert.Contains("failed unexpectedly (InvalidOperationException: parser bug", report.Error);
        var state = await db.States.GetAsync(source.Id);
        Assert.NotNull(state);
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Equal(report.Error, state.LastError);
        Assert.Null(state.LastSuccess);
    }

    /// <summary>
    /// A catastrophic profile pattern that slipped past <c>feedhub check</c> meets a page it backtracks on:
    /// the match times out, that article is an error naming the pattern, and the crawl goes on.
    /// </summary>
    [Fact]
    public async Task A_title_pattern_that_times_out_costs_only_that_article()
    {
        const string list = """
            <html><body><h1>Berita Terkini</h1>
            <div class="post"><h2><a href="/index.php/blog/read/1_rapat-pleno-terbuka">Rapat Pleno Terbuka</a></h2><p>Kamis, 4 Desember 2025</p></div>
            <div class="post"><h2><a href="/index.php/blog/read/2_pengumuman">Pengumuman</a></h2><p>Rabu, 3 Desember 2025</p></div>
            </body></html>
            """;
        static string Article(string title) => $"""
            <html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>Kamis, 4 Desember 2025</p>
            <p>KPU Kabupaten Contoh menggelar kegiatan bersama para pemangku kepentingan di aula kantor KPU, dihadiri jajaran PPK dan PPS se-kabupaten.</p>
            </article></body></html>
            """;
        await using var site = await TestSite.StartAsync("127.0.0.1", app =>
        {
            app.MapGet("/index.php/blog/category/104", () => Results.Content(list, "text/html; charset=utf-8"));
            app.MapGet("/index.php/blog/read/1_rapat-pleno-terbuka", () => Results.Content(Article("Rapat Pleno Terbuka"), "text/html; charset=utf-8"));
            app.MapGet("/index.php/blog/read/2_pengumuman", () => Results.Content(Article(new string('x', 40)), "text/html; charset=utf-8"));
        });
        var source = new Source
        {
            Id = "kab-contoh", Name = "KPU Kabupaten Contoh", Region = "jawa-tengah", Url = site.BaseUrl,
            Profile = new Profile { Name = "kpu-blog", TitleSeparatorPattern = @"\s+[-|]\s+KPU\b.*$|(x+x+)+y" },
        };

        var report = await CrawlOverLoopbackAsync(source, new CrawlOptions { MaxPages = 1 });

        Assert.Equal(CrawlOutcome.Ok, report.Outcome);
        var stored = Assert.Single(await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None));
        Assert.Equal("Rapat Pleno Terbuka", stored.Title);
        var error = Assert.Single(report.ArticleErrors);
        Assert.EndsWith("/2_pengumuman", error.Url);
        Assert.Contains("(x+x+)+y", error.Error);
        Assert.Contains("was stopped", error.Error);
    }

    private async Task<CrawlReport> CrawlOverLoopbackAsync(Source source, CrawlOptions crawl)
    {
        var options = new FetchOptions { MinHostGap = TimeSpan.Zero, ObeyRobotsTxt = false };
        var outbound = new OutboundPolicy();
        outbound.Allow([source.Url]);
        using var handler = PoliteFetcher.CreateHandler(options, outbound);
        return await Crawler(new PoliteFetcher(handler, options, outbound, TimeProvider.System)).CrawlAsync(source, crawl, CancellationToken.None);
    }

    private SourceCrawler Crawler(IFetcher fetcher) =>
        new(fetcher, db.Items, db.States, db.Time, NullLogger<SourceCrawler>.Instance);

    private static Source FeedSource(Uri url) => new()
    {
        Id = "kab-contoh", Name = "KPU Kabupaten Contoh", Region = "jawa-tengah",
        Url = url, Kind = SourceKind.Feed, Profile = new Profile { Name = "kpu" },
    };

    private sealed class ThrowingFetcher : IFetcher
    {
        public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("parser bug");
    }
}
