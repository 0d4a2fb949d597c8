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
/// A catastrophic profile pattern that slipped past <c>feedhub check</c> meets a page it backtracks on:
/// the match times out, that article is an error naming the pattern, and the crawl goes on.
/// </summary>
public sealed class PatternTimeoutTests : IAsyncLifetime
{
    private readonly TempDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

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
        var options = new FetchOptions { MinHostGap = TimeSpan.Zero, ObeyRobotsTxt = false };
        var outbound = new OutboundPolicy();
        outbound.Allow([source.Url]);
        using var handler = PoliteFetcher.CreateHandler(options, outbound);
        var crawler = new SourceCrawler(new PoliteFetcher(handler, options, outbound, TimeProvider.System), db.Items, db.States, db.Time, NullLogger<SourceCrawler>.Instance);

        var report = await crawler.CrawlAsync(source, new CrawlOptions { MaxPages = 1 }, CancellationToken.None);

        Assert.Equal(CrawlOutcome.Ok, report.Outcome);
        var stored = Assert.Single(await db.Items.QueryAsync(new ItemFilter(), CancellationToken.None));
        Assert.Equal("Rapat Pleno Terbuka", stored.Title);
        var error = Assert.Single(report.ArticleErrors);
        Assert.EndsWith("/2_pengumuman", error.Url);
        Assert.Contains("(x+x+)+y", error.Error);
        Assert.Contains("was stopped", error.Error);
    }
}
