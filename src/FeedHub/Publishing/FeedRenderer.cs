using FeedHub.Storage;

namespace FeedHub.Publishing;

/// <summary>
/// The one rendering path of published documents: the server and the static export both call it,
/// so a file in an export folder holds the very bytes the server sends for its path. A request
/// whose feed is already rendered at the store's current change stamp (and for the same sources
/// and public base URL) is answered from <see cref="RenderCache"/> without any item query.
/// </summary>
public sealed class FeedRenderer(ItemStore store, ChangeStampCache stamps, RenderCache cache)
{
    /// <summary>The bytes of one feed page, with a strong ETag and the matching items' last change as Last-Modified.</summary>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    public async Task<Rendered> RenderAsync(FeedQuery query, PublishedSources sources, PublicUrls urls, CancellationToken cancellationToken)
    {
        var stamp = await stamps.CurrentAsync(cancellationToken);
        return await cache.GetOrRenderAsync(Key(query.CacheKey, sources, urls), stamp, async () =>
        {
            var filter = query.ToFilter(sources.Sources);
            // One item more than the page shows tells whether an older page exists.
            var items = await store.QueryAsync(filter with { Limit = query.Limit + 1 }, cancellationToken);
            var lastChange = await store.LastChangeAsync(filter, cancellationToken);
            var emptyUpdated = lastChange ?? await StoreChangedAsync(cancellationToken);
            var page = FeedPage.Compose(query, items, sources.Sources, urls, emptyUpdated);
            return Rendered.Of(Writer(query.Format, urls).Write(page), query.Format.MediaType(), lastChange);
        });
    }

    /// <summary>The OPML subscription list of every feed; its <c>dateCreated</c> is the store's last change.</summary>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    public async Task<Rendered> RenderOpmlAsync(PublishedSources sources, PublicUrls urls, CancellationToken cancellationToken)
    {
        var stamp = await stamps.CurrentAsync(cancellationToken);
        return await cache.GetOrRenderAsync(Key("opml", sources, urls), stamp, async () =>
        {
            var changed = await StoreChangedAsync(cancellationToken);
            return Rendered.Of(new OpmlWriter(urls).Write(sources.Sources, changed), FeedFormats.OpmlMediaType, changed);
        });
    }

    private static string Key(string document, PublishedSources sources, PublicUrls urls) =>
        $"{urls.Base.AbsoluteUri} {sources.Fingerprint} {document}";

    /// <summary>The last change of any item; the Unix epoch for an empty store, so output stays deterministic.</summary>
    private async Task<DateTimeOffset> StoreChangedAsync(CancellationToken cancellationToken) =>
        await store.LastChangeAsync(new ItemFilter(), cancellationToken) ?? DateTimeOffset.UnixEpoch;

    private static IFeedWriter Writer(FeedFormat format, PublicUrls urls) => format switch
    {
        FeedFormat.Atom => new AtomFeedWriter(urls),
        FeedFormat.Rss => new RssFeedWriter(urls),
        FeedFormat.Json => new JsonFeedWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };
}
