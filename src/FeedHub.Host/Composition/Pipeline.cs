using FeedHub.Fetching;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Composition;

/// <summary>The steps every command takes before crawling: load feeds.json, open the store, allow the sources' hosts.</summary>
public sealed record Pipeline(SourceCatalog Catalog)
{
    /// <exception cref="ConfigException">feeds.json is invalid (exit code 2).</exception>
    /// <exception cref="StorageException">The database cannot be opened or is not FeedHub's, or is missing when <paramref name="readOnly"/>.</exception>
    public static async Task<Pipeline> StartAsync(IServiceProvider services, CancellationToken ct, bool readOnly = false)
    {
        var paths = services.GetRequiredService<AppPaths>();
        var catalog = ConfigLoader.LoadFile(paths.Config);
        if (readOnly) paths.RequireDatabase();
        await services.GetRequiredService<FeedHubDatabase>().InitialiseAsync(ct);
        var outbound = services.GetRequiredService<OutboundPolicy>();
        var live = services.GetRequiredService<LiveCatalog>();
        live.Changed += c => outbound.Allow(c.Sources.Select(s => s.Url));
        live.Replace(catalog);
        return new Pipeline(catalog);
    }
}
