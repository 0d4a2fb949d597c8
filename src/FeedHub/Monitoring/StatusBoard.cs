using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Monitoring;

/// <summary>One configured source with everything the dashboard and <c>feedhub status</c> show of it.</summary>
/// <param name="State">Null when the source was never crawled.</param>
/// <param name="Activity">Null when nothing is stored for the source.</param>
public sealed record SourceReport(Source Source, SourceState? State, SourceActivity? Activity, SourceHealth Health);

/// <summary>
/// Evaluates every configured source from the store in one go, so the dashboard, the status command,
/// the health check and the metrics gauge all agree.
/// </summary>
public sealed class StatusBoard(ActivityQueries activity, SourceStateStore states, TimeProvider clock, QuietRule rule, CrawlMetrics? metrics = null)
{
    /// <summary>Days of the per-day activity series (the dashboard's sparkline).</summary>
    public const int ActivityDays = 30;

    /// <summary>The zone whose calendar days the activity series counts (the province's, WIB).</summary>
    public static TimeZoneInfo Zone => TimeZones.Wib;

    public QuietRule Rule => rule;

    /// <summary>Reports in the order of <paramref name="sources"/>; also updates the sources-by-status gauge.</summary>
    public async Task<IReadOnlyList<SourceReport>> EvaluateAsync(IReadOnlyList<Source> sources, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var stats = (await activity.GetSourceStatsAsync(now, Zone, ActivityDays, ct)).ToDictionary(a => a.SourceId, StringComparer.Ordinal);
        var saved = (await states.GetAllAsync(ct)).ToDictionary(s => s.SourceId, StringComparer.Ordinal);
        var reports = sources.Select(source =>
        {
            var state = saved.GetValueOrDefault(source.Id);
            var figures = stats.GetValueOrDefault(source.Id);
            return new SourceReport(source, state, figures, SourceHealth.Evaluate(state, figures, now, rule));
        }).ToList();
        metrics?.ReportStatuses(reports.Select(r => r.Health.Status));
        return reports;
    }
}
