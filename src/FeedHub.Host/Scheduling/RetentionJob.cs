using FeedHub.Host.Composition;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHub.Host.Scheduling;

/// <summary>
/// Prunes items older than <c>Retention:MaxAge</c> once at start and then daily, the same way as
/// `feedhub prune`. Scheduled only when an age is configured; nothing is pruned by default. A cluster keeps
/// one such job for all nodes, so a node configured without an age that fires it removes it instead.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(Retention retention, ILogger<RetentionJob> log, RetentionAge? age = null) : IJob
{
    public static readonly JobKey Key = new("retention", "maintenance");
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (age is null)
        {
            log.LogWarning("Retention:MaxAge is not set on this node; removing the cluster's retention job");
            await context.Scheduler.DeleteJob(Key, cancellationToken);
            return;
        }
        var (pruned, cutoff) = await retention.PruneAsync(age.Value, cancellationToken);
        log.LogInformation("Retention pruned {Pruned} item(s) published before {Cutoff:o}", pruned, cutoff);
    }
}

/// <summary>The parsed <c>Retention:MaxAge</c>, checked when the worker starts.</summary>
internal sealed record RetentionAge(TimeSpan Value);
