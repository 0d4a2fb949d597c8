using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace FeedHub.Host.Web.Operations;

/// <summary>
/// Whether the Quartz scheduler runs. A process started without scheduling (tests, a web-only
/// instance) is degraded, not down: it still serves feeds.
/// </summary>
internal sealed class SchedulerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
            return HealthCheckResult.Degraded("scheduler disabled");
        var scheduler = await factory.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy("scheduler running"),
            SchedulerStatus.Standby => HealthCheckResult.Degraded("scheduler is in standby"),
            SchedulerStatus.Created => HealthCheckResult.Unhealthy("scheduler has not started"),
            var status => HealthCheckResult.Unhealthy($"scheduler is {status.ToString().ToLowerInvariant()}"),
        };
    }
}
