using FeedHub.Host.Web.Dashboard;
using FeedHub.Monitoring;
using FeedHub.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeedHub.Host.Web.Operations;

/// <summary>
/// Time since the last successful crawl of any source. Unhealthy when none succeeded within
/// <see cref="MonitorSettings.CrawlWindow"/>: one quiet site is normal, all of them silent is not.
/// </summary>
internal sealed class CrawlRecencyHealthCheck(SourceStateStore states, TimeProvider clock, MonitorSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var all = await states.GetAllAsync(cancellationToken);
        if (!all.Any(s => s.LastAttempt is not null))
            return HealthCheckResult.Degraded("no crawl has run yet");
        var now = clock.GetUtcNow();
        var last = all.Max(s => s.LastSuccess);
        var data = new Dictionary<string, object> { ["lastSuccess"] = (object?)last ?? "never" };
        if (last is null || now - last > settings.CrawlWindow)
            return HealthCheckResult.Unhealthy(
                $"no source crawled successfully in the last {Durations.Words(settings.CrawlWindow)} (last success: {(last is { } l ? Durations.Words(now - l) + " ago" : "never")})",
                data: data);
        return HealthCheckResult.Healthy($"last successful crawl {Durations.Words(now - last.Value)} ago", data);
    }
}
