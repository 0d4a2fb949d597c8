using FeedHub.Crawling;
using FeedHub.Host.Composition;
using Quartz;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// The Quartz job of one source (its key's name is the source id): one scheduled crawl, then the job's
/// one-shot trigger is moved to the next due time. Never runs twice at once for the same source.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SourceJob(LiveCatalog catalog, ScheduledCrawl crawl, CrawlSettings settings) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var id = context.JobDetail.Key.Name;
        // Removed from feeds.json since the trigger fired: the schedule deletes the job; nothing to do.
        if (catalog.Current.Find(id) is not { } source) return;
        var run = await crawl.RunAsync(source, settings.Options(settings.MaxPages), cancellationToken);
        await context.Scheduler.RescheduleJob(context.Trigger.Key, CrawlSchedule.TriggerAt(id, run.NextDue), cancellationToken);
    }
}
