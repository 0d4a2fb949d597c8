using System.Collections.Concurrent;
using System.Diagnostics;
using FeedHub.Host.Composition;
using FeedHub.Host.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FeedHub.Tests.Scheduling;

/// <summary>
/// One worker of a cluster inside the test process: the host's scheduling composed as `feedhub run` composes
/// it, with Storage:Provider postgres, so several nodes share one PostgreSQL database and one Quartz schedule.
/// Started in the host's order: Quartz's tables, the schedule, then the scheduler.
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    /// <summary>Short, so failover happens within seconds, yet long enough that a busy test machine is not written off.</summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(2);

    private readonly ServiceProvider services;

    private ClusterNode(ServiceProvider services, IScheduler scheduler, CrawlSchedule schedule)
    {
        this.services = services;
        Scheduler = scheduler;
        Schedule = schedule;
        Scheduler.ListenerManager.AddJobListener(Runs, []);
    }

    public IServiceProvider Services => services;
    public IScheduler Scheduler { get; }
    public CrawlSchedule Schedule { get; }
    /// <summary>Every job this node ran, in order.</summary>
    public RunLog Runs { get; } = new();

    /// <param name="settings">More settings (Retention:MaxAge, Fetch:TotalTimeout, …) over the cluster's.</param>
    /// <param name="fire">Whether the scheduler starts firing; false leaves it in standby for the test to start.</param>
    public static async Task<ClusterNode> StartAsync(string directory, string connectionString,
        IReadOnlyDictionary<string, string?>? settings = null, bool fire = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Schedule:ClusterCheckinInterval"] = CheckinInterval.ToString("c"),
            ["Schedule:StartWindow"] = "00:00:01",
            ["Fetch:MinHostGap"] = "00:00:00.020",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        AppHost.AddFeedHub(collection, configuration, Path.Combine(directory, "feeds.json"), Path.Combine(directory, "feedhub.db"));
        collection.AddScheduling(configuration);
        var provider = collection.BuildServiceProvider();
        await Pipeline.StartAsync(provider, CancellationToken.None);
        await QuartzTables.EnsureAsync(connectionString, CancellationToken.None);
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedule = provider.GetRequiredService<CrawlSchedule>();
        var node = new ClusterNode(provider, scheduler, schedule);
        await schedule.StartAsync(CancellationToken.None);
        if (fire) await scheduler.Start();
        return node;
    }

    /// <summary>Stops as SIGTERM stops `feedhub run`: running crawls are cancelled and handed back to the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        await Schedule.StopAsync(CancellationToken.None);
        await Scheduler.Shutdown(waitForJobsToComplete: true);
        await services.DisposeAsync();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after a generous deadline (never a timing claim).</summary>
    /// <param name="seen">What the failure message reports as seen so far.</param>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null, Func<string>? seen = null)
    {
        var limit = deadline ?? TimeSpan.FromSeconds(60);
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < limit, $"{what}: not reached within {limit.TotalSeconds} s. {seen?.Invoke()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>A job run seen by one node: its job, whether Quartz ran it as a recovery, and when it began and ended.</summary>
    public sealed record Run(JobKey Job, bool Recovering, long Started, long? Ended);

    /// <summary>Records the runs of one node, for assertions on where and in which order jobs ran.</summary>
    public sealed class RunLog : IJobListener
    {
        private readonly ConcurrentDictionary<string, Run> runs = new();

        public string Name => "test-run-log";

        public IReadOnlyList<Run> All => runs.Values.OrderBy(r => r.Started).ToList();

        public IReadOnlyList<Run> Of(JobKey job) => All.Where(r => r.Job.Equals(job)).ToList();

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            runs[context.FireInstanceId] = new Run(context.JobDetail.Key, context.Recovering, Stopwatch.GetTimestamp(), null);
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (runs.TryGetValue(context.FireInstanceId, out var run)) runs[context.FireInstanceId] = run with { Ended = Stopwatch.GetTimestamp() };
            return ValueTask.CompletedTask;
        }

        public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress,
            CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
