using System.Diagnostics;
using System.Diagnostics.Metrics;
using FeedHub.Crawling;
using FeedHub.Fetching;
using FeedHub.Storage;

namespace FeedHub.Monitoring;

/// <summary>
/// FeedHub's instruments (System.Diagnostics.Metrics, meter <c>FeedHub</c>), exported by the host
/// (Prometheus at <c>/metrics</c>, where the meter name prefixes each: <c>feedhub_fetches_total</c>…).
/// Per-source figures carry a <c>source</c> tag: its values are the configured source ids, so the
/// number of series stays bounded by feeds.json.
/// One instance per service provider, so tests observe only their own.
/// </summary>
public sealed class CrawlMetrics : IDisposable
{
    public const string MeterName = "FeedHub";

    private readonly Counter<long> fetches;
    private readonly Counter<long> extractionFailures;
    private readonly Counter<long> storageFailures;
    private readonly Counter<long> itemsNew;
    private readonly Counter<long> itemsUpdated;
    private readonly Histogram<double> crawlDuration;
    private volatile IReadOnlyDictionary<SourceStatus, int> statusCounts = new Dictionary<SourceStatus, int>();

    public CrawlMetrics()
    {
        Meter = new Meter(MeterName);
        fetches = Meter.CreateCounter<long>("fetches", "{request}", "HTTP requests to sources, by outcome");
        extractionFailures = Meter.CreateCounter<long>("extraction_failures", "{run}", "Runs that failed because a site yielded no articles, titles or dates");
        storageFailures = Meter.CreateCounter<long>("storage_failures", "{run}", "Runs whose results could not be stored (database busy, full, read-only or gone)");
        itemsNew = Meter.CreateCounter<long>("items_new", "{item}", "Items stored for the first time");
        itemsUpdated = Meter.CreateCounter<long>("items_updated", "{item}", "Stored items whose content really changed");
        crawlDuration = Meter.CreateHistogram<double>("crawl_duration_seconds", "s", "Duration of one crawl of one source");
        Meter.CreateObservableGauge("sources", ObserveStatuses, "{source}", "Configured sources by status at the last evaluation");
    }

    /// <summary>The meter holding every instrument.</summary>
    public Meter Meter { get; }

    /// <summary>Counts one HTTP request of source <paramref name="sourceId"/> by its <see cref="FetchOutcome"/>.</summary>
    public void Fetched(string sourceId, FetchResult result) =>
        fetches.Add(1, Source(sourceId), new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));

    /// <summary>Records what one crawl of one source did.</summary>
    public void Crawled(CrawlReport report)
    {
        if (report.Outcome == CrawlOutcome.Failed && report.FailureKind == FailureKind.Extraction)
            extractionFailures.Add(1, Source(report.SourceId));
        if (report.Outcome == CrawlOutcome.Failed && report.FailureKind == FailureKind.Storage)
            storageFailures.Add(1, Source(report.SourceId));
        if (report.New > 0) itemsNew.Add(report.New, Source(report.SourceId));
        if (report.Updated > 0) itemsUpdated.Add(report.Updated, Source(report.SourceId));
        crawlDuration.Record(report.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("outcome", report.Outcome == CrawlOutcome.Ok ? "ok" : "failed"));
    }

    /// <summary>Replaces the sources-by-status figures the gauge reports.</summary>
    public void ReportStatuses(IEnumerable<SourceStatus> statuses) =>
        statusCounts = statuses.CountBy(s => s).ToDictionary();

    public void Dispose() => Meter.Dispose();

    private static KeyValuePair<string, object?> Source(string sourceId) => new("source", sourceId);

    private IEnumerable<Measurement<int>> ObserveStatuses()
    {
        var counts = statusCounts;
        return Enum.GetValues<SourceStatus>().Select(status =>
            new Measurement<int>(counts.GetValueOrDefault(status), new TagList { { "status", status.Slug() } }));
    }
}
