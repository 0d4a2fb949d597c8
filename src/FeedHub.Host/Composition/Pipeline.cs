using FeedHub.Fetching;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FeedHub.Host.Composition;

/// <summary>
/// The steps every command takes before crawling: load feeds.json, pick the sources asked for, open the store,
/// allow the sources' hosts. <see cref="Selected"/> is every source when none was named.
/// </summary>
public sealed record Pipeline(SourceCatalog Catalog, IReadOnlyList<Source> Selected)
{
    /// <param name="only">Source ids the command was limited to (`--source`); checked before the store is opened,
    /// so a typo creates no database.</param>
    /// <exception cref="ConfigException">feeds.json is invalid (exit code 2).</exception>
    /// <exception cref="ArgumentException">An id in <paramref name="only"/> is not configured (exit code 2).</exception>
    /// <exception cref="StorageException">The database cannot be opened or is not FeedHub's, or is missing when <paramref name="readOnly"/>.</exception>
    public static async Task<Pipeline> StartAsync(IServiceProvider services, CancellationToken ct, bool readOnly = false,
        IReadOnlyCollection<string>? only = null)
    {
        var paths = services.GetRequiredService<AppPaths>();
        var catalog = ConfigLoader.LoadFile(paths.Config);
        var selected = catalog.Select(only ?? []);
        if (readOnly) paths.RequireDatabase(services.GetRequiredService<StorageSettings>());
        await services.GetRequiredService<FeedHubDatabase>().InitialiseAsync(ct);
        var outbound = services.GetRequiredService<OutboundPolicy>();
        var live = services.GetRequiredService<LiveCatalog>();
        live.Changed += c => outbound.Allow(c.Sources.Select(s => s.Url));
        live.Replace(catalog);
        return new Pipeline(catalog, selected);
    }
}
