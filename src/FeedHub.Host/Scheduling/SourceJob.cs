using FeedHub.Crawling;
using FeedHub.Host.Composition;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// The Quartz job of one source (its key's name is the source id): one scheduled crawl, then the source's
/// one-shot trigger is set to the next due time. Never runs twice at once for the same source, across all
/// nodes of a cluster too.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SourceJob(LiveCatalog catalog, ScheduledCrawl crawl, CrawlSettings settings, TimeProvider clock, ILogger<SourceJob> log)
    : IJob
{
    /// <summary>
    /// How long a node whose feeds.json lacks the source waits before handing the job back: another node may
    /// have added it a moment before this one reloads the same edit.
    /// </summary>
    public static readonly TimeSpan UnknownSourceRetry = 2 * FeedsFileWatcher.PollInterval;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var id = context.JobDetail.Key.Name;
        if (catalog.Current.Find(id) is not { } source)
        {
            // Removed from feeds.json: the schedule deletes the job. Until then, keep the source's trigger alive.
            log.LogWarning("{Source} is scheduled but not in this node's feeds.json; trying again at {Retry:O}", id,
                clock.GetUtcNow() + UnknownSourceRetry);
            await ArmAsync(context, id, clock.GetUtcNow() + UnknownSourceRetry, cancellationToken);
            return;
        }
        var run = await crawl.RunAsync(source, settings.Options(settings.MaxPages), cancellationToken);
        await ArmAsync(context, id, run.NextDue, cancellationToken);
    }

    /// <summary>
    /// Sets the source's own trigger, not the one that fired: after a node dies, a survivor runs the job under
    /// Quartz's recovery trigger, and the source's trigger is gone by then.
    /// </summary>
    private static ValueTask ArmAsync(IJobExecutionContext context, string id, DateTimeOffset due, CancellationToken cancellationToken) =>
        context.Scheduler.ScheduleJob(context.JobDetail, [CrawlSchedule.TriggerAt(id, due)], ScheduleJobOptions.Replacing, cancellationToken);
}
