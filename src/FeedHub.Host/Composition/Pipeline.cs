using FeedHub.Fetching;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Composition;

/// <summary>The steps every command takes before crawling: load feeds.json, open the store, allow the sources' hosts.</summary>
public sealed record Pipeline(SourceCatalog Catalog)
{
    public static async Task<Pipeline> StartAsync(IServiceProvider services, CancellationToken ct)
    {
        var paths = services.GetRequiredService<AppPaths>();
        var catalog = ConfigLoader.LoadFile(paths.Config);
        await services.GetRequiredService<FeedHubDatabase>().InitialiseAsync(ct);
        services.GetRequiredService<OutboundPolicy>().Allow(catalog.Sources.Select(s => s.Url));
        return new Pipeline(catalog);
    }
}
