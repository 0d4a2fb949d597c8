using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using FeedHub.Host.Composition;
using FeedHub.Host.Scheduling;
using FeedHub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace FeedHub.Tests.Scheduling;

/// <summary>
/// The Quartz shell of `feedhub run`, composed as the host composes it but with the scheduler never
/// started: which jobs exist and when their triggers fire, and how feeds.json edits change them.
/// </summary>
public sealed class CrawlScheduleTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "feedhub-schedule-" + Guid.NewGuid().ToString("N"));
    private readonly CollectedLogs logs = new();
    private ServiceProvider services = null!;
    private IScheduler scheduler = null!;
    private CrawlSchedule schedule = null!;

    private string FeedsPath => Path.Combine(directory, "feeds.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(FeedsPath, FeedsJson("kab-blora", "kab-kudus", "kab-pati"));
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.AddProvider(logs));
        var configuration = new ConfigurationBuilder().Build();
        AppHost.AddFeedHub(collection, configuration, FeedsPath, Path.Combine(directory, "feedhub.db"));
        collection.AddScheduling(configuration);
        services = collection.BuildServiceProvider();
        await Pipeline.StartAsync(services, CancellationToken.None);
        scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        schedule = services.GetRequiredService<CrawlSchedule>();
        await schedule.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await schedule.StopAsync(CancellationToken.None);
        await scheduler.Shutdown(false, CancellationToken.None);
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Each_source_gets_one_job_whose_trigger_fires_at_its_stored_due_time()
    {
        var states = services.GetRequiredService<SourceStateStore>();

        foreach (var id in new[] { "kab-blora", "kab-kudus", "kab-pati" })
        {
            var job = await scheduler.GetJobDetail(CrawlSchedule.JobKeyOf(id), CancellationToken.None);
            var trigger = await scheduler.GetTrigger(new TriggerKey(id, CrawlSchedule.JobKeyOf(id).Group), CancellationToken.None);
            Assert.True(job!.ConcurrentExecutionDisallowed);
            Assert.Equal((await states.GetAsync(id))!.NextDue, trigger!.NextFireTimeUtc);
        }
    }

    [Fact]
    public async Task A_feeds_json_edit_adds_and_removes_jobs_without_a_restart()
    {
        await File.WriteAllTextAsync(FeedsPath, FeedsJson("kab-blora", "kab-pati", "kota-semarang"));

        Assert.True(Watcher().Reload());

        await WaitUntilAsync(async () => await scheduler.Exists(CrawlSchedule.JobKeyOf("kota-semarang"), CancellationToken.None)
                                         && !await scheduler.Exists(CrawlSchedule.JobKeyOf("kab-kudus"), CancellationToken.None));
        Assert.True(await scheduler.Exists(CrawlSchedule.JobKeyOf("kab-blora"), CancellationToken.None));
    }

    [Fact]
    public async Task An_invalid_edit_is_logged_with_its_errors_and_the_running_configuration_stays()
    {
        var running = services.GetRequiredService<LiveCatalog>().Current;
        await File.WriteAllTextAsync(FeedsPath, FeedsJson("kab-blora").Replace("\"interval\": \"00:15:00\"", "\"interval\": \"soon\""));

        var applied = Watcher().Reload();

        Assert.False(applied);
        Assert.Same(running, services.GetRequiredService<LiveCatalog>().Current);
        Assert.Contains(logs.Errors, line => line.Contains("$.sources[0].interval", StringComparison.Ordinal));
        Assert.True(await scheduler.Exists(CrawlSchedule.JobKeyOf("kab-kudus"), CancellationToken.None));
    }

    [Fact]
    public async Task The_watcher_notices_feeds_json_replaced_the_way_editors_save_it()
    {
        using var watcher = Watcher();
        await watcher.StartAsync(CancellationToken.None);
        var temporary = FeedsPath + ".swp";
        await File.WriteAllTextAsync(temporary, FeedsJson("kab-blora", "kab-kudus", "kab-pati", "kab-rembang"));

        File.Move(temporary, FeedsPath, overwrite: true);

        await WaitUntilAsync(() => Task.FromResult(services.GetRequiredService<LiveCatalog>().Current.Find("kab-rembang") is not null));
    }

    [Fact]
    public async Task The_watcher_notices_a_configmap_style_swap_of_the_linked_directory()
    {
        // feeds.json -> ..data/feeds.json, ..data -> ..v1; the update points ..data at ..v2 in one rename.
        WriteVersion("..v1", "kab-blora", "kab-kudus", "kab-pati");
        File.CreateSymbolicLink(Path.Combine(directory, "..data"), "..v1");
        File.Delete(FeedsPath);
        File.CreateSymbolicLink(FeedsPath, Path.Combine("..data", "feeds.json"));
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var watcher = ActivatorUtilities.CreateInstance<FeedsFileWatcher>(services, (TimeProvider)clock);
        await watcher.StartAsync(CancellationToken.None);

        WriteVersion("..v2", "kab-blora", "kab-kudus", "kab-pati", "kab-rembang");
        File.CreateSymbolicLink(Path.Combine(directory, "..data_tmp"), "..v2");
        Assert.Equal(0, Rename(Path.Combine(directory, "..data_tmp"), Path.Combine(directory, "..data")));
        clock.Advance(FeedsFileWatcher.PollInterval);
        clock.Advance(FeedsFileWatcher.Debounce);

        await WaitUntilAsync(() => Task.FromResult(services.GetRequiredService<LiveCatalog>().Current.Find("kab-rembang") is not null));
    }

    /// <summary>rename(2), as the kubelet swaps the link; File.Move refuses a link that points at a directory.</summary>
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string from, string to);

    private void WriteVersion(string folder, params string[] ids)
    {
        Directory.CreateDirectory(Path.Combine(directory, folder));
        File.WriteAllText(Path.Combine(directory, folder, "feeds.json"), FeedsJson(ids));
    }

    private FeedsFileWatcher Watcher() => ActivatorUtilities.CreateInstance<FeedsFileWatcher>(services);

    /// <summary>Polls for a change made on another thread (the catalog's Changed handler, a file event), within a deadline.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < Deadline, $"not reached within {Deadline.TotalSeconds} s");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static string FeedsJson(params string[] ids) => $$"""
        {
          "profiles": { "kpu-blog": { "listPath": "/index.php/blog/category/{category}" } },
          "sources": [
            {{string.Join(",\n", ids.Select(id => $$"""
            { "id": "{{id}}", "name": "KPU {{id}}", "region": "jawa-tengah", "url": "https://{{id}}.kpu.go.id",
              "profile": "kpu-blog", "interval": "00:15:00" }
            """))}}
          ]
        }
        """;

    /// <summary>Keeps what was logged at error level, for assertions on what an operator would read.</summary>
    private sealed class CollectedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> errors = new();

        public IEnumerable<string> Errors => errors;

        public ILogger CreateLogger(string categoryName) => new Collector(errors);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) errors.Enqueue(formatter(state, exception));
            }
        }
    }
}
