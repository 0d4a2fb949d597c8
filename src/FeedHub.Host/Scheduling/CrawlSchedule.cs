using FeedHub.Crawling;
using FeedHub.Host.Composition;
using FeedHub.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// Keeps Quartz's jobs in step with the configuration in force: at startup every source gets a job whose
/// trigger fires at its planned first run; when <see cref="LiveCatalog"/> changes, added sources are
/// planned, removed ones unscheduled, and sources whose interval changed re-planned.
/// </summary>
internal sealed class CrawlSchedule(
    ISchedulerFactory schedulers,
    LiveCatalog catalog,
    ScheduledCrawl crawl,
    ILogger<CrawlSchedule> log) : IHostedService, IDisposable
{
    private const string Group = "sources";

    private readonly SemaphoreSlim applying = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, Source> scheduled = new(StringComparer.Ordinal);
    private IScheduler? scheduler;

    /// <summary>The one-shot trigger that fires source <paramref name="sourceId"/>'s job at <paramref name="due"/>.</summary>
    public static ITrigger TriggerAt(string sourceId, DateTimeOffset due) => TriggerBuilder.Create()
        .WithIdentity(sourceId, Group)
        .ForJob(JobKeyOf(sourceId))
        .StartAt(due)
        .Build();

    public static JobKey JobKeyOf(string sourceId) => new(sourceId, Group);

    /// <summary>The earliest first run planned at startup, for the startup summary; null before start or without sources.</summary>
    public DateTimeOffset? FirstDue { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        scheduler = await schedulers.GetScheduler(cancellationToken);
        catalog.Changed += OnChanged;
        FirstDue = await ApplyAsync(catalog.Current, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Changed -= OnChanged;
        stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        stopping.Dispose();
        applying.Dispose();
    }

    /// <summary>
    /// Brings the jobs in line with <paramref name="next"/>; changes are applied one at a time.
    /// Returns the earliest due time it planned (null if it planned none).
    /// </summary>
    public async Task<DateTimeOffset?> ApplyAsync(SourceCatalog next, CancellationToken cancellationToken)
    {
        var quartz = scheduler ?? throw new InvalidOperationException("the schedule has not been started");
        await applying.WaitAsync(cancellationToken);
        DateTimeOffset? earliest = null;
        try
        {
            foreach (var gone in scheduled.Keys.Where(id => next.Find(id) is null).ToList())
            {
                await quartz.DeleteJob(JobKeyOf(gone), cancellationToken);
                scheduled.Remove(gone);
                log.LogInformation("{Source} removed from the schedule", gone);
            }
            foreach (var source in next.Sources)
            {
                var unchanged = scheduled.TryGetValue(source.Id, out var known) && known.Interval == source.Interval;
                scheduled[source.Id] = source;
                if (unchanged) continue;
                var due = await crawl.PlanAsync(source, cancellationToken);
                var job = JobBuilder.Create<SourceJob>().WithIdentity(JobKeyOf(source.Id)).StoreDurably().Build();
                await quartz.ScheduleJob(job, TriggerAt(source.Id, due), ScheduleJobOptions.Replacing, cancellationToken);
                // Startup prints one summary instead (see StartupSummary); per source only when debugging.
                log.LogDebug("{Source} scheduled every {Interval}; first run {Due:O}", source.Id, source.Interval, due);
                if (earliest is null || due < earliest) earliest = due;
            }
            return earliest;
        }
        finally
        {
            applying.Release();
        }
    }

    private void OnChanged(SourceCatalog next) => _ = ApplyLoggedAsync(next);

    private async Task ApplyLoggedAsync(SourceCatalog next)
    {
        try
        {
            await ApplyAsync(next, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the schedule no longer matters.
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not apply the new feeds.json to the schedule: {Error}", e.Message);
        }
    }
}
