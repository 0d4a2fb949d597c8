using FeedHub.Sources;
using Microsoft.Extensions.Logging;

namespace FeedHub.Crawling;

/// <summary>
/// One pass over many sources at once. Sources run in parallel; the fetcher's per-host gate keeps
/// each site polite, so parallelism here only overlaps different hosts.
/// </summary>
public sealed class CrawlPass(SourceCrawler crawler, ILogger<CrawlPass> log)
{
    /// <summary>
    /// Sources crawled at once. The fetcher's gate already bounds requests in flight; more sources at
    /// once would only hold more pages and pending items in memory (550 at once peaked above 300 MB).
    /// </summary>
    public const int MaxSourcesInFlight = 64;

    /// <param name="onReport">Called as each source finishes (for progress lines), from any thread.</param>
    /// <returns>Reports in the order of <paramref name="sources"/>.</returns>
    public async Task<IReadOnlyList<CrawlReport>> RunAsync(
        IReadOnlyList<Source> sources, CrawlOptions options, CancellationToken ct, Action<CrawlReport>? onReport = null)
    {
        var reports = new CrawlReport[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxSourcesInFlight, CancellationToken = ct },
            async (i, token) =>
            {
                var report = await CrawlIsolatedAsync(sources[i], options, token);
                log.Log(report.Outcome == CrawlOutcome.Ok ? LogLevel.Information : LogLevel.Warning, "{Source} {Outcome}: {New} new, {Updated} updated, {Unchanged} unchanged, {Requests} requests in {Ms} ms {Error}",
                    report.SourceId, report.Outcome, report.New, report.Updated, report.Unchanged, report.Requests,
                    (int)report.Duration.TotalMilliseconds, report.Error);
                reports[i] = report;
                onReport?.Invoke(report);
            });
        return reports;
    }

    /// <summary>
    /// One source's crawl, whose unexpected exception (a parser bug met on a hostile page, a storage error)
    /// becomes that source's failed report instead of ending the pass for every other source.
    /// </summary>
    private async Task<CrawlReport> CrawlIsolatedAsync(Source source, CrawlOptions options, CancellationToken ct)
    {
        try
        {
            return await crawler.CrawlAsync(source, options, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "{Source}: crawl failed unexpectedly", source.Id);
            return new CrawlReport
            {
                SourceId = source.Id,
                Outcome = CrawlOutcome.Failed,
                Error = $"{source.Url}: crawl failed unexpectedly ({e.GetType().Name}: {e.Message}); retried at the next run",
            };
        }
    }
}
