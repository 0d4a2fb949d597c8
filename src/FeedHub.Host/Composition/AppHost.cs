using FeedHub.Fetching;
using FeedHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedHub.Host.Composition;

/// <summary>
/// Builds configuration and services the same way for every command: appsettings.json beside the
/// executable, then one in the working directory, then FEEDHUB__* environment variables
/// (FEEDHUB__Fetch__MinHostGap=00:00:02), then command-line flags.
/// </summary>
public static class AppHost
{
    public const string EnvironmentPrefix = "FEEDHUB__";

    public static void AddConfigurationSources(IConfigurationBuilder configuration)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
    }

    /// <summary>A host for one-shot commands: pipeline services, logs on stderr so stdout stays for results.</summary>
    public static IHost CreateCommandHost(string? config, string? database, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        AddConfigurationSources(builder.Configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter(level => level >= logLevel);
        AddFeedHub(builder.Services, builder.Configuration, config, database);
        return builder.Build();
    }

    /// <summary>Everything the pipeline needs, for commands and for the worker alike.</summary>
    public static AppPaths AddFeedHub(IServiceCollection services, IConfiguration configuration, string? config, string? database)
    {
        var paths = configuration.GetSection("Paths").Get<AppPaths>() ?? new AppPaths();
        if (config is not null) paths.Config = config;
        if (database is not null) paths.Database = database;
        paths.RequireDatabaseFolder();
        services.AddSingleton(paths);
        services.AddSingleton<LiveCatalog>();
        services.AddSingleton(CrawlSettings.From(configuration));
        services.AddSingleton(configuration.GetSection("Retention").Get<RetentionSettings>() ?? new RetentionSettings());
        services.AddSingleton<Retention>();
        services.AddSingleton(TimeProvider.System);
        var storage = configuration.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();
        if (storage.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems));
        services.AddSingleton(storage);
        services.AddFeedHubPipeline(paths.Database, fetch => configuration.GetSection("Fetch").Bind(fetch),
            configuration.GetSection("Storage").Get<StorageLimits>(), storage);
        return paths;
    }
}
