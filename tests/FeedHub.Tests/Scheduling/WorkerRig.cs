using FeedHub.Crawling;
using FeedHub.Fetching;
using FeedHub.Fixtures;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FeedHub.Tests.Scheduling;

/// <summary>
/// The worker without Quartz, against a small fixture farm: the schedule's decisions run on a fake clock
/// that tests advance, while HTTP politeness (the host gate's gaps) runs on the real clock. Plays the part
/// Quartz plays in `feedhub run`: plan every source once, then run whatever is due.
/// </summary>
internal sealed class WorkerRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 12, 10, 3, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan MinHostGap = TimeSpan.FromMilliseconds(20);

    private readonly SocketsHttpHandler handler;
    private readonly Dictionary<string, DateTimeOffset> due = new(StringComparer.Ordinal);

    private WorkerRig(FakeTimeProvider clock, FixtureFarm farm, IReadOnlyList<Source> sources, string directory, Random random)
    {
        Clock = clock;
        Farm = farm;
        Sources = sources;
        Directory = directory;
        Database = new SqliteDatabase(Path.Combine(directory, "feedhub.db"), Clock);
        Items = new ItemStore(Database);
        States = new SourceStateStore(Database);
        var options = new FetchOptions { MinHostGap = MinHostGap, UserAgent = "FeedHub/1.0 (+https://example.org/feedhub)" };
        Outbound.Allow(sources.Select(s => s.Url));
        handler = PoliteFetcher.CreateHandler(options, Outbound);
        Fetcher = new PoliteFetcher(handler, options, Outbound, TimeProvider.System);
        Crawler = new SourceCrawler(Fetcher, Items, States, Clock, NullLogger<SourceCrawler>.Instance);
        Policy = new SchedulePolicy(random);
        Worker = NewWorker();
    }

    /// <summary>The schedule's clock, shared with the farm so its request log shows scheduled time.</summary>
    public FakeTimeProvider Clock { get; }
    public OutboundPolicy Outbound { get; } = new();
    public FixtureFarm Farm { get; }
    public IReadOnlyList<Source> Sources { get; private set; }
    public string Directory { get; }
    public FeedHubDatabase Database { get; }
    public ItemStore Items { get; }
    public SourceStateStore States { get; }
    public PoliteFetcher Fetcher { get; }
    public SourceCrawler Crawler { get; }
    public SchedulePolicy Policy { get; }
    public ScheduledCrawl Worker { get; private set; }
    public IReadOnlyDictionary<string, DateTimeOffset> Due => due;

    /// <summary>A farm of <paramref name="sites"/> sites and a fresh database; <paramref name="random"/> drives jitter.</summary>
    public static async Task<WorkerRig> StartAsync(int sites = 6, int articles = 10, Random? random = null, IReadOnlyList<int>? categories = null)
    {
        var clock = new FakeTimeProvider(Start);
        var farm = await FixtureFarm.StartAsync(new FarmOptions
        {
            SiteCount = sites, ArticlesPerSite = articles, Now = Start, Clock = clock, Categories = categories ?? [104],
        });
        var catalog = ConfigLoader.Parse(farm.FeedsJson());
        var directory = Path.Combine(Path.GetTempPath(), "feedhub-worker-" + Guid.NewGuid().ToString("N"));
        var rig = new WorkerRig(clock, farm, catalog.Sources, directory, random ?? new Random(7));
        await rig.Database.InitialiseAsync(CancellationToken.None);
        return rig;
    }

    /// <summary>A worker as after a restart: same database and clock, nothing remembered in memory.</summary>
    public void Restart()
    {
        due.Clear();
        Worker = NewWorker();
    }

    /// <summary>Replaces the configured sources (as a feeds.json edit would).</summary>
    public void Configure(IReadOnlyList<Source> sources) => Sources = sources;

    /// <summary>What Quartz does at startup: plans each source's first run.</summary>
    public async Task PlanAsync()
    {
        foreach (var source in Sources)
            due[source.Id] = await Worker.PlanAsync(source, CancellationToken.None);
    }

    /// <summary>Runs, concurrently, every source due at the fake clock's now; returns their runs.</summary>
    public async Task<IReadOnlyList<ScheduledRun>> RunDueAsync()
    {
        var now = Clock.GetUtcNow();
        var ready = Sources.Where(s => due.TryGetValue(s.Id, out var at) && at <= now).ToList();
        var runs = await Task.WhenAll(ready.Select(s => Worker.RunAsync(s, new CrawlOptions(), CancellationToken.None)));
        foreach (var run in runs) due[run.Report.SourceId] = run.NextDue;
        return runs;
    }

    /// <summary>Moves the fake clock to the earliest due time (if ahead) and runs what is due there.</summary>
    public async Task<IReadOnlyList<ScheduledRun>> StepAsync()
    {
        var next = due.Values.Min();
        if (next > Clock.GetUtcNow()) Clock.SetUtcNow(next);
        return await RunDueAsync();
    }

    /// <summary>Steps until the clock would pass <paramref name="until"/>; returns every run made.</summary>
    public async Task<IReadOnlyList<ScheduledRun>> RunUntilAsync(DateTimeOffset until)
    {
        var runs = new List<ScheduledRun>();
        while (due.Values.Min() <= until) runs.AddRange(await StepAsync());
        return runs;
    }

    public async ValueTask DisposeAsync()
    {
        handler.Dispose();
        await Farm.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    private ScheduledCrawl NewWorker() => new(Crawler, States, Policy, Clock, NullLogger<ScheduledCrawl>.Instance);
}

/// <summary>A <see cref="Random"/> that always draws the same fraction: 0.5 means "no jitter" to the policy.</summary>
internal sealed class FixedRandom(double fraction) : Random
{
    public override double NextDouble() => fraction;
}
