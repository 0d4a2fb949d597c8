using FeedHub.Fetching;
using FeedHub.Host.Cli;
using FeedHub.Host.Scheduling;
using FeedHub.Host.Web;
using FeedHub.Host.Web.Dashboard;
using FeedHub.Host.Web.Feeds;
using FeedHub.Publishing;
using FeedHub.Storage;
using Microsoft.Extensions.Configuration;

namespace FeedHub.Host.Composition;

/// <summary>
/// Every appsettings.json / FEEDHUB__ setting `run` reads, each read the way `run` reads it but on its own,
/// so `check` (and `run` before it builds anything) can name every problem at once instead of the first.
/// </summary>
public static class SettingsCheck
{
    public static IConfiguration Load()
    {
        var builder = new ConfigurationBuilder();
        AppHost.AddConfigurationSources(builder);
        return builder.Build();
    }

    /// <summary>One line per invalid setting, naming it; empty when all are valid.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        void Read(Action read)
        {
            try
            {
                read();
            }
            catch (InvalidOperationException e) when (SettingValue.Describe(e) is { } setting)
            {
                problems.Add(setting);
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }

        Read(() => (configuration.GetSection("Paths").Get<AppPaths>() ?? new AppPaths()).RequireDatabaseFolder());
        Read(() => CrawlSettings.From(configuration));
        Read(() =>
        {
            if (configuration.GetSection("Retention").Get<RetentionSettings>()?.MaxAge is { } age)
                Retention.ParseAge(age, "Retention:MaxAge");
        });
        Read(() => configuration.GetSection("Storage").Get<StorageLimits>());
        Read(() => problems.AddRange((configuration.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings()).Problems()));
        Read(() => configuration.GetSection("Schedule").Get<ScheduleSettings>());
        Read(() => ScheduleSettings.ClusterCheckinIntervalFrom(configuration));
        Read(() => MonitorSettings.From(configuration));
        Read(() =>
        {
            if (configuration[PublicBase.Setting] is { Length: > 0 } text) PublicUrls.Parse(text, PublicBase.Setting);
        });
        Read(() => FeedEndpoints.RenderCacheBytes(configuration));
        Read(() => FeedEndpoints.MaxConcurrentSearches(configuration));
        Read(() => NetworkAccess.Networks(configuration, NetworkAccess.KnownProxiesSetting));
        Read(() => NetworkAccess.Networks(configuration, NetworkAccess.AllowedNetworksSetting));
        Read(() =>
        {
            var fetch = new FetchOptions();
            configuration.GetSection("Fetch").Bind(fetch);
            if (new FetchOptionsValidation().Validate(null, fetch) is { Failed: true } result)
                problems.AddRange(result.Failures);
        });
        // A value the section cannot bind is also named by its own, finer read.
        return problems.Distinct().ToList();
    }

    /// <exception cref="ArgumentException">Some settings are invalid; the message lists them all (exit code 2).</exception>
    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        var problems = Problems(configuration);
        if (problems.Count > 0)
            throw new ArgumentException($"{problems.Count} invalid setting(s) in appsettings.json / FEEDHUB__ variables:" + Environment.NewLine +
                                        string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
    }
}
