using FeedHub.Crawling;
using FeedHub.Fetching;
using FeedHub.Fixtures;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Tests.Crawling;

/// <summary>
/// A fixture farm on loopback and the real pipeline pointed at it (polite fetcher, crawler, SQLite
/// on a temp file), on the real clock: politeness waits are real, so the gap is kept small.
/// </summary>
public sealed class FarmPipeline : IAsyncDisposable
{
    public static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(40);

    private readonly ServiceProvider _services;
    private readonly string _dir;

    private FarmPipeline(FixtureFarm farm, SourceCatalog catalog, ServiceProvider services, string dir)
    {
        Farm = farm;
        Catalog = catalog;
        _services = services;
        _dir = dir;
    }

    public FixtureFarm Farm { get; }
    public SourceCatalog Catalog { get; }
    public ItemStore Items => _services.GetRequiredService<ItemStore>();
    public SourceStateStore States => _services.GetRequiredService<SourceStateStore>();
    public FeedHubDatabase Database => _services.GetRequiredService<FeedHubDatabase>();

    public static async Task<FarmPipeline> StartAsync(int sites, int articles, Action<FetchOptions>? fetch = null)
    {
        var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = sites, ArticlesPerSite = articles, Now = DateTimeOffset.UtcNow });
        var catalog = ConfigLoader.Parse(farm.FeedsJson());
        var dir = Directory.CreateTempSubdirectory("feedhub-crawl-").FullName;
        var services = new ServiceCollection()
            .AddLogging()
            .AddFeedHubPipeline(Path.Combine(dir, "feedhub.db"), o =>
            {
                o.MinHostGap = Gap;
                o.MaxParallelHosts = sites;
                o.TotalTimeout = TimeSpan.FromSeconds(3);
                fetch?.Invoke(o);
            })
            .BuildServiceProvider();
        await services.GetRequiredService<FeedHubDatabase>().InitialiseAsync(CancellationToken.None);
        services.GetRequiredService<OutboundPolicy>().Allow(catalog.Sources.Select(s => s.Url));
        return new FarmPipeline(farm, catalog, services, dir);
    }

    public Task<IReadOnlyList<CrawlReport>> CrawlAsync(int maxPages = 10) =>
        _services.GetRequiredService<CrawlPass>().RunAsync(Catalog.Sources, new CrawlOptions { MaxPages = maxPages }, CancellationToken.None);

    /// <summary>Walks up to <paramref name="pages"/> older list pages of every source, all sources at once (the fetcher keeps each host polite).</summary>
    public async Task<IReadOnlyList<BackfillResult>> BackfillAsync(int pages)
    {
        var backfill = new SourceBackfill(_services.GetRequiredService<SourceCrawler>(), States);
        return await Task.WhenAll(Catalog.Sources.Select(s => backfill.RunAsync(s, pages, CancellationToken.None)));
    }

    public async ValueTask DisposeAsync()
    {
        await Farm.DisposeAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
