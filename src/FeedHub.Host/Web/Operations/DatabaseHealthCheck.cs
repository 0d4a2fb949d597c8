using FeedHub.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeedHub.Host.Web.Operations;

/// <summary>
/// Healthy when the database really takes writes (see <see cref="FeedHubDatabase.WriteProblemAsync"/>):
/// a crawler that cannot store anything is down, however well it fetches.
/// </summary>
internal sealed class DatabaseHealthCheck(FeedHubDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.WriteProblemAsync(cancellationToken) is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy($"{database.Location} is writable");
}
