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
    ScheduleSettings settings,
    TimeProvider clock,
    ILogger<CrawlSchedule> log) : IHostedService, IDisposable
{
    private const string Group = "sources";

    private readonly SemaphoreSlim applying = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, Source> scheduled = new(StringComparer.Ordinal);
    private IScheduler? scheduler;

    /// <summary>The one-shot trigger that fires source <paramref name="sourceId"/>'s job at <paramref name="due"/>.</summary>
    public static ITrigger TriggerAt(string sourceId, DateTimeOffset due) => TriggerBuilder.Create()
        .WithIdentity(TriggerKeyOf(sourceId))
        .ForJob(JobKeyOf(sourceId))
        .StartAt(due)
        .WithSimpleSchedule(once => once.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();

    public static JobKey JobKeyOf(string sourceId) => new(sourceId, Group);

    public static TriggerKey TriggerKeyOf(string sourceId) => new(sourceId, Group);

    /// <summary>
    /// The durable job of <paramref name="source"/>. It asks for recovery, so a crawl whose node dies runs again
    /// on another node, and it records the interval it was planned for, so a node joining a cluster can tell a
    /// live plan from a stale one.
    /// </summary>
    public static IJobDetail JobOf(Source source) => JobBuilder.Create<SourceJob>()
        .WithIdentity(JobKeyOf(source.Id))
        .StoreDurably()
        .RequestRecovery()
        .UsingJobData(IntervalKey, IntervalText(source))
        .Build();

    private const string IntervalKey = "interval";

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
    /// Returns the earliest due time of the sources it planned or found planned by the cluster (null if none).
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
                if (await LiveTriggerAsync(quartz, source, cancellationToken) is { } live)
                {
                    earliest = Earlier(earliest, live.NextFireTimeUtc);
                    continue;
                }
                var due = await crawl.PlanAsync(source, cancellationToken);
                await quartz.ScheduleJob(JobOf(source), TriggerAt(source.Id, due), ScheduleJobOptions.Replacing, cancellationToken);
                // Startup prints one summary instead (see StartupSummary); per source only when debugging.
                log.LogDebug("{Source} scheduled every {Interval}; first run {Due:O}", source.Id, source.Interval, due);
                earliest = Earlier(earliest, due);
            }
            return earliest;
        }
        finally
        {
            applying.Release();
        }
    }

    /// <summary>
    /// The trigger by which the cluster already keeps <paramref name="source"/> on schedule, or null when it
    /// must be planned: its job was planned for the same interval and its trigger is either running (no next
    /// fire time until the job sets it) or due no later than nodes that fire on time would have left it.
    /// Planning such a source again would overwrite the state a running crawl is about to store and move its
    /// due time needlessly. A trigger overdue by more than twice the misfire threshold means no node has been
    /// firing (the cluster was down), so the source is planned again, which spreads the restart over the start
    /// window instead of a burst. An in-memory store is empty at start, so there it is always null.
    /// </summary>
    private async Task<ITrigger?> LiveTriggerAsync(IScheduler quartz, Source source, CancellationToken cancellationToken)
    {
        var job = await quartz.GetJobDetail(JobKeyOf(source.Id), cancellationToken);
        if (job is null || job.JobDataMap.GetString(IntervalKey) != IntervalText(source)) return null;
        var trigger = await quartz.GetTrigger(TriggerKeyOf(source.Id), cancellationToken);
        return trigger?.NextFireTimeUtc is not { } next || next >= clock.GetUtcNow() - 2 * settings.ClusterCheckinInterval
            ? trigger
            : null;
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? known, DateTimeOffset? other) =>
        known is null || other < known ? other ?? known : known;

    private static string IntervalText(Source source) => source.Interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture);

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
