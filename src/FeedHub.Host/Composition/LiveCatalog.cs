using FeedHub.Sources;

namespace FeedHub.Host.Composition;

/// <summary>
/// The configuration in force. `feedhub run` replaces it when feeds.json changes (and only with a
/// valid file); the scheduler, feeds and dashboard read <see cref="Current"/> on each use.
/// </summary>
public sealed class LiveCatalog
{
    private SourceCatalog? _current;

    public SourceCatalog Current => _current ?? throw new InvalidOperationException("feeds.json has not been loaded yet");

    /// <summary>Raised after <see cref="Replace"/> with the new catalog.</summary>
    public event Action<SourceCatalog>? Changed;

    public void Replace(SourceCatalog catalog)
    {
        _current = catalog;
        Changed?.Invoke(catalog);
    }
}
