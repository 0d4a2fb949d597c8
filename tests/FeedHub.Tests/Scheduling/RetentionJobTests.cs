using FeedHub.Host.Composition;
using FeedHub.Host.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FeedHub.Tests.Scheduling;

/// <summary>The worker prunes by itself when, and only when, Retention:MaxAge is configured.</summary>
public sealed class RetentionJobTests
{
    private static async Task<ITrigger?> RetentionTriggerAsync(string? maxAge)
    {
        var settings = new Dictionary<string, string?>();
        if (maxAge is not null) settings["Retention:MaxAge"] = maxAge;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        AppHost.AddFeedHub(services, configuration, "feeds.json", Path.Combine(Path.GetTempPath(), $"feedhub-{Guid.NewGuid():N}.db"));
        services.AddScheduling(configuration);
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var triggers = await scheduler.GetTriggersOfJob(RetentionJob.Key);
            return triggers.SingleOrDefault();
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }

    [Fact]
    public async Task A_configured_max_age_schedules_pruning_at_start_and_then_daily()
    {
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await RetentionTriggerAsync("365d"));

        Assert.Equal(TimeSpan.FromDays(1), trigger.RepeatInterval);
        Assert.Equal(-1, trigger.RepeatCount); // Quartz's "repeat indefinitely"
    }

    [Fact]
    public async Task Nothing_is_pruned_by_default() =>
        Assert.Null(await RetentionTriggerAsync(null));

    [Fact]
    public async Task An_invalid_max_age_stops_the_worker_naming_the_setting()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => RetentionTriggerAsync("a year"));

        Assert.Contains("Retention:MaxAge", e.Message);
    }
}
