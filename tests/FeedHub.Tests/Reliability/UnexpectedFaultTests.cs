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
        var options = new FetchOptions { MinHostGap = TimeSpan.Zero, ObeyRobotsTxt = false };
        var outbound = new OutboundPolicy();
        outbound.Allow([source.Url]);
        using var handler = PoliteFetcher.CreateHandler(options, outbound);

        var report = await Crawler(new PoliteFetcher(handler, options, outbound, TimeProvider.System)).CrawlAsync(source, new CrawlOptions(), CancellationToken.None);

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
