using FeedHub.Fixtures;
using FeedHub.Host.Composition;
using FeedHub.Host.Scheduling;
using FeedHub.Storage;
using FeedHub.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FeedHub.Tests.Scheduling;

/// <summary>
/// Several `feedhub run` nodes sharing one schedule in PostgreSQL, as two <see cref="ClusterNode"/>s in this
/// process: who runs what, what survives a node going away, and what a node joining leaves alone.
/// Conditions are waited for with generous deadlines; nothing here asserts how long anything took.
/// </summary>
public sealed class ClusterScheduleTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "feedhub-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly string database = PostgresServer.Shared.CreateDatabase();
    private readonly List<ClusterNode> nodes = [];
    private FixtureFarm farm = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        farm = await FixtureFarm.StartAsync(new FarmOptions { SiteCount = 3, ArticlesPerSite = 4, Now = TimeProvider.System.GetUtcNow() });
        await File.WriteAllTextAsync(Path.Combine(directory, "feeds.json"), farm.FeedsJson(TimeSpan.FromHours(1)));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes) await node.DisposeAsync();
        await farm.DisposeAsync();
        SqliteConnection.ClearAllPools();
        PostgresServer.Shared.DropDatabase(database);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_node_joining_leaves_alone_the_plan_another_node_keeps_and_a_crawl_it_is_running()
    {
        var busy = farm.Sites[0];
        busy.Mode = SiteMode.Hang;
        var first = await NodeAsync();
        await ClusterNode.WaitUntilAsync(
            () => Task.FromResult(InFlight(busy) && farm.Sites.Skip(1).All(site => first.Runs.Of(CrawlSchedule.JobKeyOf(site.Id)).Any(r => r.Ended is not null))),
            "the first node crawled the others and is stuck in the busy site");
        var before = await PlanAsync(first);

        await NodeAsync();

        Assert.Equal(before, await PlanAsync(first));
        Assert.True(InFlight(busy));
    }

    [Fact]
    public async Task A_crawl_cancelled_by_its_node_stopping_runs_again_on_another_node_and_the_source_keeps_its_own_trigger()
    {
        var site = farm.Sites[0];
        site.Mode = SiteMode.Hang;
        var leaving = await NodeAsync();
        await ClusterNode.WaitUntilAsync(() => Task.FromResult(InFlight(site)), "the first node is crawling the site");
        var staying = await NodeAsync();
        site.Mode = SiteMode.Normal;

        await Stop(leaving);

        var key = CrawlSchedule.JobKeyOf(site.Id);
        await ClusterNode.WaitUntilAsync(() => Task.FromResult(staying.Runs.Of(key).Any(r => r.Recovering && r.Ended is not null)),
            "the staying node ran the crawl as a recovery");
        var states = staying.Services.GetRequiredService<SourceStateStore>();
        var state = await states.GetAsync(site.Id);
        Assert.NotNull(state!.LastSuccess);
        var trigger = await staying.Scheduler.GetTrigger(CrawlSchedule.TriggerKeyOf(site.Id));
        Assert.Equal(state.NextDue, trigger!.NextFireTimeUtc);
    }

    [Fact]
    public async Task A_source_never_runs_on_two_nodes_at_once()
    {
        var site = farm.Sites[0];
        site.Mode = SiteMode.Hang; // every run lasts until the fetch gives up
        var settings = new Dictionary<string, string?> { ["Fetch:TotalTimeout"] = "00:00:01" };
        var one = await NodeAsync(settings);
        var two = await NodeAsync(settings);
        var key = CrawlSchedule.JobKeyOf(site.Id);

        await one.Scheduler.TriggerJob(key);
        await two.Scheduler.TriggerJob(key);

        // Two runs at least: the source's own trigger may be moved past them (the failed runs back it off) before it fires.
        await ClusterNode.WaitUntilAsync(() => Task.FromResult(one.Runs.Of(key).Concat(two.Runs.Of(key)).Count(r => r.Ended is not null) >= 2),
            "the runs triggered on both nodes ended",
            seen: () => $"Runs: {string.Join(", ", one.Runs.Of(key).Concat(two.Runs.Of(key)))}");
        var runs = one.Runs.Of(key).Concat(two.Runs.Of(key)).OrderBy(r => r.Started).ToList();
        foreach (var (earlier, later) in runs.Zip(runs.Skip(1)))
            Assert.True(earlier.Ended <= later.Started, "two runs of one source overlapped");
    }

    [Fact]
    public async Task A_trigger_long_overdue_fires_as_soon_as_a_node_runs()
    {
        var node = await NodeAsync(fire: false);
        var site = farm.Sites[0];
        var source = node.Services.GetRequiredService<LiveCatalog>().Current.Find(site.Id)!;
        await node.Scheduler.ScheduleJob(CrawlSchedule.JobOf(source),
            CrawlSchedule.TriggerAt(site.Id, TimeProvider.System.GetUtcNow() - TimeSpan.FromHours(2)), ScheduleJobOptions.Replacing);

        await node.Scheduler.Start();

        await ClusterNode.WaitUntilAsync(() => Task.FromResult(node.Runs.Of(CrawlSchedule.JobKeyOf(site.Id)).Any(r => r.Ended is not null)),
            "the misfired trigger fired");
    }

    [Fact]
    public async Task A_node_whose_feeds_json_lacks_a_source_keeps_its_trigger_for_the_nodes_that_have_it()
    {
        var node = await NodeAsync(fire: false);
        // Added to feeds.json by another node, which this one has not reloaded yet.
        var stranger = node.Services.GetRequiredService<LiveCatalog>().Current.Sources[0] with { Id = "kab-baru" };
        await node.Scheduler.ScheduleJob(CrawlSchedule.JobOf(stranger), CrawlSchedule.TriggerAt(stranger.Id, TimeProvider.System.GetUtcNow()),
            ScheduleJobOptions.Replacing);

        await node.Scheduler.Start();

        await ClusterNode.WaitUntilAsync(() => Task.FromResult(node.Runs.Of(CrawlSchedule.JobKeyOf(stranger.Id)).Any(r => r.Ended is not null)),
            "the node fired the stranger's job");
        var trigger = await node.Scheduler.GetTrigger(CrawlSchedule.TriggerKeyOf(stranger.Id));
        Assert.True(trigger?.NextFireTimeUtc > TimeProvider.System.GetUtcNow(), "the stranger's trigger was dropped");
    }

    [Fact]
    public async Task Retention_runs_once_per_period_for_the_whole_cluster_not_at_every_nodes_start()
    {
        var settings = new Dictionary<string, string?> { ["Retention:MaxAge"] = "365d" };
        var first = await NodeAsync(settings);
        await ClusterNode.WaitUntilAsync(() => Task.FromResult(first.Runs.Of(RetentionJob.Key).Any(r => r.Ended is not null)),
            "the first node pruned at start");
        var planned = await first.Scheduler.GetTrigger((await first.Scheduler.GetTriggersOfJob(RetentionJob.Key)).Single().Key);

        var second = await NodeAsync(settings);

        var kept = Assert.IsAssignableFrom<ISimpleTrigger>(await second.Scheduler.GetTrigger(planned!.Key));
        Assert.Equal(planned.StartTimeUtc, kept.StartTimeUtc);
        Assert.Equal(planned.NextFireTimeUtc, kept.NextFireTimeUtc);
        Assert.Equal(1, kept.TimesTriggered);
    }

    private async Task<ClusterNode> NodeAsync(IReadOnlyDictionary<string, string?>? settings = null, bool fire = true)
    {
        var node = await ClusterNode.StartAsync(directory, database, settings, fire);
        nodes.Add(node);
        return node;
    }

    private async Task Stop(ClusterNode node)
    {
        nodes.Remove(node);
        await node.DisposeAsync();
    }

    private bool InFlight(FixtureSite site) => farm.Log.For(site.Id).Any(r => r.End is null && r.PathAndQuery != "/robots.txt");

    /// <summary>Each source's stored due time and its trigger's next fire time, as the cluster holds them.</summary>
    private async Task<string> PlanAsync(ClusterNode node)
    {
        var states = node.Services.GetRequiredService<SourceStateStore>();
        var lines = new List<string>();
        foreach (var site in farm.Sites)
        {
            var trigger = await node.Scheduler.GetTrigger(CrawlSchedule.TriggerKeyOf(site.Id));
            lines.Add($"{site.Id} due {(await states.GetAsync(site.Id))?.NextDue:O} fires {trigger?.NextFireTimeUtc:O}");
        }
        return string.Join("\n", lines);
    }
}
