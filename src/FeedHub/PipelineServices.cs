using FeedHub.Crawling;
using FeedHub.Fetching;
using FeedHub.Monitoring;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedHub;

/// <summary>Registers the pipeline (fetch → extract → normalise → store) for any host to compose.</summary>
public static class PipelineServices
{
    /// <param name="databasePath">The SQLite file; unused when <paramref name="provider"/> chooses PostgreSQL.</param>
    public static IServiceCollection AddFeedHubPipeline(
        this IServiceCollection services, string databasePath, Action<FetchOptions>? fetch = null, StorageLimits? storage = null,
        StorageSettings? provider = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPoliteFetching(fetch);
        services.AddSingleton(sp => FeedHubDatabase.Create(provider ?? new StorageSettings(), databasePath, sp.GetRequiredService<TimeProvider>(), storage));
        services.AddSingleton<ItemStore>();
        services.AddSingleton<SourceStateStore>();
        services.AddSingleton<ActivityQueries>();
        services.AddSingleton<CrawlMetrics>();
        services.AddSingleton<SourceCrawler>();
        services.AddSingleton<CrawlPass>();
        return services;
    }
}
