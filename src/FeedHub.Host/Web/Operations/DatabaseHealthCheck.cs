using FeedHub.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeedHub.Host.Web.Operations;

/// <summary>Healthy when the database accepts a write; a crawler that cannot store anything is down.</summary>
internal sealed class DatabaseHealthCheck(FeedHubDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.IsWritableAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{database.Path} is writable")
            : HealthCheckResult.Unhealthy($"{database.Path} is not writable");
}
