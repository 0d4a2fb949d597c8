using FeedHub.Crawling;
using FeedHub.Host.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace FeedHub.Host.Scheduling;

public static class SchedulingServices
{
    /// <summary>Bounds shutdown: a crawl in flight is cancelled (it commits nothing) well inside the 30 s an operator waits.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>
    /// The worker: Quartz runs one job per source at the time <see cref="ScheduledCrawl"/> decides, and
    /// feeds.json is watched so edits take effect without a restart. Quartz is only the alarm clock here;
    /// every decision lives in the pipeline's <see cref="SchedulePolicy"/>, which tests drive with a fake clock.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Schedule").Get<ScheduleSettings>() ?? new ScheduleSettings();
        services.AddSingleton(new SchedulePolicy(Random.Shared, settings.StartWindow));
        services.AddSingleton<ScheduledCrawl>();
        var retention = configuration.GetSection("Retention").Get<RetentionSettings>()?.MaxAge is { } maxAge
            ? new RetentionAge(Retention.ParseAge(maxAge, "Retention:MaxAge"))
            : null;
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "feedhub";
                // Shutdown waits for running jobs but cancels their tokens, so crawls end (uncommitted) promptly.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            if (retention is null) return;
            quartz.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(RetentionJob.Key).StartNow()
                .WithSimpleSchedule(every => every.WithInterval(RetentionJob.Period).RepeatForever()));
        });
        if (retention is not null) services.AddSingleton(retention);
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<CrawlSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<CrawlSchedule>());
        services.AddHostedService<FeedsFileWatcher>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        return services;
    }
}

/// <summary>Scheduling knobs, bound from the <c>Schedule</c> section (FEEDHUB__Schedule__StartWindow=00:00:05).</summary>
public sealed class ScheduleSettings
{
    /// <summary>New and overdue sources start at random within min(interval, this) of startup.</summary>
    public TimeSpan StartWindow { get; set; } = SchedulePolicy.DefaultStartWindow;
}
