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
    public static IServiceCollection AddFeedHubPipeline(
        this IServiceCollection services, string databasePath, Action<FetchOptions>? fetch = null, StorageLimits? storage = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPoliteFetching(fetch);
        services.AddSingleton(sp => new FeedHubDatabase(databasePath, sp.GetRequiredService<TimeProvider>(), storage));
        services.AddSingleton<ItemStore>();
        services.AddSingleton<SourceStateStore>();
        services.AddSingleton<ActivityQueries>();
        services.AddSingleton<CrawlMetrics>();
        services.AddSingleton<SourceCrawler>();
        services.AddSingleton<CrawlPass>();
        return services;
    }
}
