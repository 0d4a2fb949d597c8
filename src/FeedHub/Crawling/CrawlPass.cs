using FeedHub.Sources;
using Microsoft.Extensions.Logging;

namespace FeedHub.Crawling;

/// <summary>
/// One pass over many sources at once. Sources run in parallel; the fetcher's per-host gate keeps
/// each site polite, so parallelism here only overlaps different hosts.
/// </summary>
public sealed class CrawlPass(SourceCrawler crawler, ILogger<CrawlPass> log)
{
    /// <param name="onReport">Called as each source finishes (for progress lines), from any thread.</param>
    /// <returns>Reports in the order of <paramref name="sources"/>.</returns>
    public async Task<IReadOnlyList<CrawlReport>> RunAsync(
        IReadOnlyList<Source> sources, CrawlOptions options, CancellationToken ct, Action<CrawlReport>? onReport = null)
    {
        var reports = new CrawlReport[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, sources.Count), CancellationToken = ct },
            async (i, token) =>
            {
                var report = await crawler.CrawlAsync(sources[i], options, token);
                log.LogInformation("{Source} {Outcome}: {New} new, {Updated} updated, {Unchanged} unchanged, {Requests} requests in {Ms} ms {Error}",
                    report.SourceId, report.Outcome, report.New, report.Updated, report.Unchanged, report.Requests,
                    (int)report.Duration.TotalMilliseconds, report.Error);
                reports[i] = report;
                onReport?.Invoke(report);
            });
        return reports;
    }
}
