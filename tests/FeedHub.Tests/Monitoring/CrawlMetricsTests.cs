using System.Diagnostics.Metrics;
using FeedHub.Crawling;
using FeedHub.Monitoring;
using FeedHub.Storage;

namespace FeedHub.Tests.Monitoring;

public sealed class CrawlMetricsTests : IDisposable
{
    private readonly CrawlMetrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measured = [];

    public CrawlMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _metrics.Meter) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measured.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    private double Sum(string instrument) => _measured.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    [Fact]
    public void Counts_new_and_updated_items_of_a_crawl()
    {
        _metrics.Crawled(new CrawlReport { SourceId = "kab-blora", Outcome = CrawlOutcome.Ok, New = 4, Updated = 1, Duration = TimeSpan.FromSeconds(2) });

        Assert.Equal((4, 1), (Sum("items_new"), Sum("items_updated")));
        Assert.Equal(2, Sum("crawl_duration_seconds"));
    }

    [Fact]
    public void Per_source_counts_carry_the_source_id()
    {
        _metrics.Crawled(new CrawlReport { SourceId = "kab-blora", Outcome = CrawlOutcome.Ok, New = 4, Updated = 1 });

        Assert.All(_measured.Where(m => m.Instrument is "items_new" or "items_updated"),
            m => Assert.Equal("kab-blora", m.Tags["source"]));
    }

    [Fact]
    public void Counts_an_extraction_failure_but_not_a_fetch_failure()
    {
        _metrics.Crawled(new CrawlReport { SourceId = "kab-blora", Outcome = CrawlOutcome.Failed, FailureKind = FailureKind.Extraction });
        _metrics.Crawled(new CrawlReport { SourceId = "kab-rembang", Outcome = CrawlOutcome.Failed, FailureKind = FailureKind.Fetch });

        Assert.Equal(1, Sum("extraction_failures"));
    }

    [Fact]
    public void Counts_a_run_that_could_not_be_stored()
    {
        _metrics.Crawled(new CrawlReport { SourceId = "kab-blora", Outcome = CrawlOutcome.Failed, FailureKind = FailureKind.Storage });
        _metrics.Crawled(new CrawlReport { SourceId = "kab-rembang", Outcome = CrawlOutcome.Failed, FailureKind = FailureKind.Fetch });

        Assert.Equal(1, Sum("storage_failures"));
    }

    [Fact]
    public void The_sources_gauge_reports_every_status_of_the_last_evaluation()
    {
        _metrics.ReportStatuses([SourceStatus.Ok, SourceStatus.Ok, SourceStatus.BrokenExtraction]);

        _listener.RecordObservableInstruments();

        var byStatus = _measured.Where(m => m.Instrument == "sources").ToDictionary(m => (string)m.Tags["status"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { ["pending"] = 0, ["ok"] = 2, ["quiet"] = 0, ["failing"] = 0, ["broken"] = 1 }, byStatus);
    }
}
