using System.Diagnostics.Metrics;
using FeedHub.Monitoring;
using Prometheus;

namespace FeedHub.Host.Web.Operations;

/// <summary>
/// Exports this app's <see cref="CrawlMetrics"/> to prometheus-net's registry with Prometheus types:
/// counters as <c>counter</c> named <c>feedhub_…_total</c>, the duration histogram with a few fixed
/// buckets, the status gauge as <c>gauge</c>. Only FeedHub's meter is exported: prometheus-net's
/// default adapter of every .NET meter (HttpClient per host and status, Quartz, Kestrel, each histogram
/// with 100+ buckets) made <c>/metrics</c> grow past 1 MB within minutes.
/// </summary>
internal sealed class PrometheusExport : IDisposable
{
    /// <summary>Crawls of one source take from a fraction of a second to a few minutes.</summary>
    private static readonly double[] DurationBuckets = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];

    private readonly MeterListener listener = new();

    static PrometheusExport() => Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
    {
        SuppressMeters = true,
        SuppressEventCounters = true,
        SuppressDebugMetrics = true,
    });

    public PrometheusExport(CrawlMetrics metrics)
    {
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (instrument.Meter == metrics.Meter) subscriber.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var (names, values) = Labels(tags);
            Metrics.CreateCounter($"feedhub_{instrument.Name}_total", instrument.Description ?? instrument.Name, names)
                .WithLabels(values).Inc(value);
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var (names, values) = Labels(tags);
            Metrics.CreateHistogram($"feedhub_{instrument.Name}", instrument.Description ?? instrument.Name,
                new HistogramConfiguration { LabelNames = names, Buckets = DurationBuckets }).WithLabels(values).Observe(value);
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            var (names, values) = Labels(tags);
            Metrics.CreateGauge($"feedhub_{instrument.Name}", instrument.Description ?? instrument.Name, names)
                .WithLabels(values).Set(value);
        });
        listener.Start();
    }

    /// <summary>Reads the observable gauges (sources by status) into the registry; call before a scrape.</summary>
    public void Observe() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();

    private static (string[] Names, string[] Values) Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new string[tags.Length];
        var values = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            names[i] = tags[i].Key;
            values[i] = tags[i].Value?.ToString() ?? "";
        }
        return (names, values);
    }
}
