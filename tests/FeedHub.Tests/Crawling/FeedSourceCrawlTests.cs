using FeedHub.Crawling;
using FeedHub.Extraction;
using FeedHub.Normalisation;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Tests.Crawling;

/// <summary>A `kind: "feed"` source: an existing RSS document ingested, one bad date losing nothing.</summary>
public sealed class FeedSourceCrawlTests : IAsyncLifetime
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel>
          <title>Bawaslu Jawa Tengah</title><link>https://jateng.bawaslu.go.id/</link><description>Berita</description>
          <item><title>Bawaslu Awasi Rekapitulasi Suara</title><link>https://jateng.bawaslu.go.id/berita/rekap</link>
            <guid>https://jateng.bawaslu.go.id/?p=101</guid><pubDate>Mon, 05 Jan 2026 09:30:00 +0700</pubDate>
            <description>&lt;p&gt;Pengawasan rekapitulasi di 35 kabupaten/kota.&lt;/p&gt;</description></item>
          <item><title>Sosialisasi Pengawasan Partisipatif</title><link>https://jateng.bawaslu.go.id/berita/sosialisasi</link>
            <guid>https://jateng.bawaslu.go.id/?p=102</guid><pubDate>Selasa, 32 Januari 2026</pubDate>
            <description>Sosialisasi kepada pemilih pemula.</description></item>
        </channel></rss>
        """;

    private string _rss = Rss;
    private WebApplication _server = null!;
    private ServiceProvider _services = null!;
    private string _dir = null!;
    private Source _source = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/rss.xml", () => Results.Text(_rss, "application/rss+xml"));
        await _server.StartAsync();
        var url = new Uri(new Uri(_server.Urls.First()), "/rss.xml");
        _source = ConfigLoader.Parse($$"""
            { "sources": [ { "id": "bawaslu-jateng", "name": "Bawaslu Jawa Tengah", "region": "jawa-tengah", "url": "{{url}}", "kind": "feed" } ] }
            """).Sources.Single();

        _dir = Directory.CreateTempSubdirectory("feedhub-feedsource-").FullName;
        _services = new ServiceCollection().AddLogging()
            .AddFeedHubPipeline(Path.Combine(_dir, "feedhub.db"), o => o.MinHostGap = TimeSpan.Zero)
            .BuildServiceProvider();
        await _services.GetRequiredService<FeedHubDatabase>().InitialiseAsync(CancellationToken.None);
        _services.GetRequiredService<FeedHub.Fetching.OutboundPolicy>().Allow([_source.Url]);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<CrawlReport> CrawlAsync() =>
        _services.GetRequiredService<SourceCrawler>().CrawlAsync(_source, new CrawlOptions(), CancellationToken.None);

    [Fact]
    public async Task Every_entry_is_stored_with_its_feed_date_and_a_bad_date_is_placed_by_feed_order()
    {
        var report = await CrawlAsync();

        Assert.Equal(CrawlOutcome.Ok, report.Outcome);
        Assert.Equal(2, report.New);
        var items = await _services.GetRequiredService<ItemStore>().QueryAsync(new ItemFilter(), CancellationToken.None);
        var rekap = items.Single(i => i.Title == "Bawaslu Awasi Rekapitulasi Suara");
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.FromHours(7)), rekap.Published);
        Assert.Equal(DateSource.Meta, rekap.DateSource);
        Assert.Equal("https://jateng.bawaslu.go.id/berita/rekap", rekap.Link);
        // First crawl: the entry after a dated one is older than it, not news of today.
        var sosialisasi = items.Single(i => i.Title.StartsWith("Sosialisasi", StringComparison.Ordinal));
        Assert.Equal(DateSource.ListOrder, sosialisasi.DateSource);
        Assert.InRange(sosialisasi.Published, rekap.Published - ListOrderDates.EndGap, rekap.Published);
    }

    [Fact]
    public async Task A_second_crawl_of_an_unchanged_feed_adds_nothing()
    {
        await CrawlAsync();

        var report = await CrawlAsync();

        Assert.Equal((0, 0, 2), (report.New, report.Updated, report.Unchanged));
    }

    [Fact]
    public async Task An_undated_entry_that_appears_on_a_later_crawl_is_dated_when_first_seen()
    {
        await CrawlAsync();
        _rss = Rss.Insert(Rss.IndexOf("<item>", StringComparison.Ordinal), """
            <item><title>Apel Siaga Pengawasan</title><link>https://jateng.bawaslu.go.id/berita/apel</link>
              <guid>https://jateng.bawaslu.go.id/?p=103</guid><description>Apel siaga.</description></item>
            """);

        var report = await CrawlAsync();

        Assert.Equal(1, report.New);
        var apel = (await _services.GetRequiredService<ItemStore>().QueryAsync(new ItemFilter(), CancellationToken.None)).Single(i => i.Title == "Apel Siaga Pengawasan");
        Assert.Equal((DateSource.FirstSeen, apel.FirstSeen), (apel.DateSource, apel.Published));
    }
}
