using FeedHub.Crawling;
using FeedHub.Fetching;
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
        var settings = ScheduleSettings.From(configuration);
        var store = ScheduleStore.From(configuration);
        services.AddSingleton(settings);
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
            if (store.Clustered) UseCluster(quartz, store, settings);
            if (retention is null) return;
            quartz.AddJob<RetentionJob>(job => job.WithIdentity(RetentionJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(RetentionJob.Key).StartNow()
                .WithSimpleSchedule(every => every.WithInterval(RetentionJob.Period).RepeatForever()));
        });
        if (retention is not null) services.AddSingleton(retention);
        services.AddSingleton(store);
        if (store.Clustered)
        {
            // Before Quartz's own hosted service, which needs the tables.
            services.AddHostedService<QuartzTables>();
            services.AddSingleton<IHostLease, PostgresHostLease>();
            // After the first start the cluster holds the retention trigger with its firing history; a node
            // starting later keeps it rather than declaring it anew, so retention runs once per period cluster-wide.
            services.Configure<QuartzOptions>(options => options.Scheduling.IgnoreDuplicates = true);
        }
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddSingleton<CrawlSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<CrawlSchedule>());
        services.AddHostedService<FeedsFileWatcher>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        return services;
    }

    private static readonly TimeSpan MisfireScan = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Every node keeps the schedule in the shared PostgreSQL database as one Quartz cluster: one scheduler
    /// name, an instance id generated per process (AUTO), check-ins every <see cref="ScheduleSettings.ClusterCheckinInterval"/>.
    /// A node silent for two check-in intervals is written off and its firings recovered by a survivor at that
    /// survivor's next check-in; a trigger overdue by more than one interval counts as misfired and fires at once.
    /// </summary>
    private static void UseCluster(IQuartzBuilder quartz, ScheduleStore store, ScheduleSettings settings)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.GenerateInstanceId = true;
            // A trigger another node stores (a recovery, a source its feeds.json edit added) wakes no one here;
            // looking for due triggers every check-in interval instead of every 30 s keeps such hand-overs prompt.
            scheduler.IdleWaitTime = settings.ClusterCheckinInterval;
        });
        quartz.UsePersistentStore(persistent =>
        {
            persistent.UsePostgres(store.ConnectionString);
            persistent.UseClustering(cluster =>
            {
                cluster.CheckinInterval = settings.ClusterCheckinInterval;
                cluster.CheckinMisfireThreshold = settings.ClusterCheckinInterval;
            });
            persistent.UseSystemTextJsonSerializer();
            persistent.ConfigureStore(options =>
            {
                options.MisfireThreshold = settings.ClusterCheckinInterval;
                // A recovered crawl's trigger carries its original, long-past fire time, so it is a misfire and waits
                // for this scan; one cheap query a second keeps that wait short.
                options.MisfireHandlerFrequency = MisfireScan;
                // A crawl cancelled by shutdown is handed to another node at once instead of waiting for its due time again.
                options.RecoverFiringsCancelledByShutdown = true;
            });
        });
    }
}

/// <summary>Scheduling knobs, bound from the <c>Schedule</c> section (FEEDHUB__Schedule__StartWindow=00:00:05).</summary>
public sealed class ScheduleSettings
{
    /// <summary>New and overdue sources start at random within min(interval, this) of startup.</summary>
    public TimeSpan StartWindow { get; set; } = SchedulePolicy.DefaultStartWindow;

    /// <summary>With Storage:Provider postgres: how often each node tells the cluster it is alive.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = DefaultClusterCheckinInterval;

    public static readonly TimeSpan DefaultClusterCheckinInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinClusterCheckinInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxClusterCheckinInterval = TimeSpan.FromMinutes(5);

    /// <summary>The <c>Schedule</c> section, checked.</summary>
    /// <exception cref="ArgumentException">A value is out of range, naming the setting.</exception>
    public static ScheduleSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Schedule").Get<ScheduleSettings>() ?? new ScheduleSettings();
        CheckClusterCheckinInterval(settings.ClusterCheckinInterval);
        return settings;
    }

    /// <summary>Just <c>Schedule:ClusterCheckinInterval</c>, checked, so `feedhub check` reports it beside the section's other errors.</summary>
    public static TimeSpan ClusterCheckinIntervalFrom(IConfiguration configuration) =>
        CheckClusterCheckinInterval(configuration.GetValue(ClusterCheckinIntervalSetting, DefaultClusterCheckinInterval));

    private const string ClusterCheckinIntervalSetting = "Schedule:ClusterCheckinInterval";

    private static TimeSpan CheckClusterCheckinInterval(TimeSpan interval) =>
        interval >= MinClusterCheckinInterval && interval <= MaxClusterCheckinInterval
            ? interval
            : throw new ArgumentException(
                $"{ClusterCheckinIntervalSetting} must be between {MinClusterCheckinInterval:c} and {MaxClusterCheckinInterval:c}; got {interval:c}.");
}
