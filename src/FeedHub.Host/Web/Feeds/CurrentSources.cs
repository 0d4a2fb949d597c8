using FeedHub.Host.Composition;
using FeedHub.Publishing;
using FeedHub.Sources;

namespace FeedHub.Host.Web.Feeds;

/// <summary>
/// The <see cref="PublishedSources"/> of the configuration in force (<see cref="LiveCatalog"/>),
/// rebuilt only when feeds.json was reloaded, not per request.
/// </summary>
public sealed class CurrentSources(LiveCatalog live)
{
    private Snapshot? _snapshot;

    public PublishedSources Get()
    {
        var catalog = live.Current;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || !ReferenceEquals(snapshot.Catalog, catalog))
        {
            snapshot = new Snapshot(catalog, new PublishedSources(catalog.Sources));
            Volatile.Write(ref _snapshot, snapshot);
        }
        return snapshot.Sources;
    }

    private sealed record Snapshot(SourceCatalog Catalog, PublishedSources Sources);
}
