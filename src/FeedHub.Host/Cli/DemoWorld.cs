using FeedHub.Crawling;
using FeedHub.Fixtures;
using FeedHub.Host.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Cli;

/// <summary>What <c>feedhub demo</c> starts; also the world the dashboard's browser test looks at.</summary>
public sealed record DemoSettings
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Fixture sites: 35 regencies and the province by default (at least 3, two of which get broken).</summary>
    public int Sites { get; init; } = 36;
    public bool Schedule { get; init; } = true;
    /// <summary>The crawl interval written into the demo's feeds.json.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// The offline demo: sample KPU sites on loopback (the fixture engine the tests use), a temporary
/// feeds.json and database pointing at them, and the `run` app over both. Needs no internet.
/// </summary>
public sealed class DemoWorld : IAsyncDisposable
{
    /// <summary>Politeness for loopback sites: the real defaults would make the first pass take minutes.</summary>
    private static readonly Dictionary<string, string?> LoopbackFetching = new()
    {
        ["Fetch:MinHostGap"] = "00:00:00.050",
        ["Fetch:MaxParallelHosts"] = "16",
    };

    private static readonly CrawlOptions StagingCrawl = new() { MaxPages = 1 };

    private DemoWorld(FixtureFarm farm, WebApplication app, string directory)
    {
        Farm = farm;
        App = app;
        Directory = directory;
    }

    public FixtureFarm Farm { get; }
    public WebApplication App { get; }
    /// <summary>The temporary folder holding feeds.json and the database; deleted on dispose.</summary>
    public string Directory { get; }
    /// <summary>The site <see cref="StageAsync"/> switches to answering 500: the dashboard shows it failing.</summary>
    public FixtureSite FailingSite => Farm.Sites[1];
    /// <summary>The site <see cref="StageAsync"/> switches to a maintenance page: the dashboard shows broken extraction.</summary>
    public FixtureSite BrokenSite => Farm.Sites[2];

    /// <summary>The dashboard's address once <see cref="App"/> has started (the real port when 0 was asked).</summary>
    public Uri DashboardUrl => new(App.Urls.First().Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal) + "/");

    /// <summary>Starts the fixture sites and builds (not starts) the app over them.</summary>
    public static async Task<DemoWorld> CreateAsync(DemoSettings settings, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Sites, 3, "--sites");
        var directory = Path.Combine(Path.GetTempPath(), "feedhub-demo-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = settings.Sites, Now = TimeProvider.System.GetUtcNow() }, ct);
        try
        {
            var config = Path.Combine(directory, "feeds.json");
            await File.WriteAllTextAsync(config, farm.FeedsJson(settings.Interval), ct);
            var app = await WebApp.BuildAsync(new WebAppSettings
            {
                Config = config,
                Database = Path.Combine(directory, "feedhub.db"),
                Urls = settings.Urls,
                Schedule = settings.Schedule,
            }, ct, builder => builder.Configuration.AddInMemoryCollection(LoopbackFetching));
            return new DemoWorld(farm, app, directory);
        }
        catch
        {
            await farm.DisposeAsync();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Crawls every site once, then breaks two of them (one answers 500, one shows a maintenance page)
    /// and crawls those again, so every status the dashboard knows is on show straight away.
    /// </summary>
    public async Task StageAsync(CancellationToken ct, Action<CrawlReport>? onReport = null)
    {
        var pass = App.Services.GetRequiredService<CrawlPass>();
        var sources = App.Services.GetRequiredService<LiveCatalog>().Current.Sources;
        await pass.RunAsync(sources, StagingCrawl, ct, onReport);
        FailingSite.Mode = SiteMode.ServerError;
        BrokenSite.Mode = SiteMode.Maintenance;
        var broken = sources.Where(s => s.Id == FailingSite.Id || s.Id == BrokenSite.Id).ToList();
        await pass.RunAsync(broken, StagingCrawl, ct, onReport);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Farm.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
