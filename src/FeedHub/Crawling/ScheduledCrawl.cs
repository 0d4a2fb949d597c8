using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Extensions.Logging;

namespace FeedHub.Crawling;

/// <summary>A scheduled run of one source: what the crawl reported and when the source is due again.</summary>
public sealed record ScheduledRun(CrawlReport Report, DateTimeOffset NextDue);

/// <summary>
/// The worker's unit of work, kept free of any scheduler library: crawls one source, asks the
/// <see cref="SchedulePolicy"/> when it is due again, and stores that in <see cref="SourceState.NextDue"/>
/// so a restart resumes the schedule. Whatever drives it (Quartz in `feedhub run`, a fake clock in
/// tests) only has to call <see cref="PlanAsync"/> once per source and <see cref="RunAsync"/> when due.
/// </summary>
public sealed class ScheduledCrawl(
    SourceCrawler crawler,
    SourceStateStore states,
    SchedulePolicy policy,
    TimeProvider clock,
    ILogger<ScheduledCrawl> log)
{
    /// <summary>When <paramref name="source"/> first runs after startup or being added (see <see cref="SchedulePolicy.FirstRun"/>); stored.</summary>
    public async Task<DateTimeOffset> PlanAsync(Source source, CancellationToken ct)
    {
        var state = await states.GetAsync(source.Id, ct);
        var due = policy.FirstRun(source, state, clock.GetUtcNow());
        if (state?.NextDue != due)
            await states.SaveAsync((state ?? SourceState.New(source.Id)) with { NextDue = due }, ct);
        return due;
    }

    /// <summary>
    /// Crawls <paramref name="source"/> and stores its next due time. Cancellation abandons the crawl
    /// before its single commit, so nothing is half-written and the stale due time makes the source run
    /// again soon after a restart. A fault outside the crawl's own failure handling (the database, say)
    /// is logged and retried after one interval, so a source is never dropped from the schedule.
    /// </summary>
    public async Task<ScheduledRun> RunAsync(Source source, CrawlOptions options, CancellationToken ct)
    {
        CrawlReport report;
        try
        {
            report = await crawler.CrawlAsync(source, options, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var retry = policy.NextRun(source, consecutiveFailures: 0, retryAt: null, clock.GetUtcNow());
            log.LogError(e, "{Source} faulted: {Error}; next run {NextDue:O}", source.Id, e.Message, retry);
            return new ScheduledRun(new CrawlReport { SourceId = source.Id, Outcome = CrawlOutcome.Failed, Error = e.Message }, retry);
        }

        // The crawl has committed; the due time is written even if shutdown has begun, so state stays whole.
        var state = await states.GetAsync(source.Id, CancellationToken.None) ?? SourceState.New(source.Id);
        var next = policy.NextRun(source, state.ConsecutiveFailures, report.RetryAt, clock.GetUtcNow());
        await states.SaveAsync(state with { NextDue = next }, CancellationToken.None);
        // A failed source is something an operator should see, not an error of FeedHub itself.
        log.Log(report.Outcome == CrawlOutcome.Ok ? LogLevel.Information : LogLevel.Warning,
            "{Source} {Outcome}: {New} new, {Updated} updated, {Unchanged} unchanged, {Requests} requests in {Ms} ms; failures {Failures}, next run {NextDue:O}{Error}",
            report.SourceId, report.Outcome, report.New, report.Updated, report.Unchanged, report.Requests,
            (int)report.Duration.TotalMilliseconds, state.ConsecutiveFailures, next, report.Error is null ? "" : $" — {report.Error}");
        return new ScheduledRun(report, next);
    }
}
