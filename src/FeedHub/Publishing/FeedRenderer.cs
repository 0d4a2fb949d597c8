using FeedHub.Normalisation;
using FeedHub.Storage;

namespace FeedHub.Publishing;

/// <summary>
/// The one rendering path of published documents: the server and the static export both call it,
/// so a file in an export folder holds the very bytes the server sends for its path. A request
/// whose feed is already rendered at the store's current change stamp (and for the same sources
/// and public base URL) is answered from <see cref="RenderCache"/> without any item query.
/// </summary>
/// <remarks>
/// Archives (RFC 5005 section 4) cover the closed months: every WIB month before the open one that
/// holds items of the feed. The open month is the clock's month, or the newest stored item's when
/// the store holds nothing of the clock's month yet; so a month closes once it is over and a crawl
/// has stored an item of a later month, an item dated a day ahead never closes its month early, and
/// processes whose clocks differ by less than a month (`feedhub export` beside `feedhub run`) agree.
/// </remarks>
/// <param name="staticSite">Renders for `feedhub export`: see <see cref="FeedPage.Compose"/>; the OPML list is dated at the export.</param>
public sealed class FeedRenderer(ItemStore store, ChangeStampCache stamps, RenderCache cache, TimeProvider time, bool staticSite = false)
{
    /// <summary>
    /// The bytes of one feed page or archive document, with a strong ETag and the matching items'
    /// last change as Last-Modified.
    /// </summary>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    /// <exception cref="ArchiveNotFoundException">The query asks for the archive of a month that has none.</exception>
    public async Task<Rendered> RenderAsync(FeedQuery query, PublishedSources sources, PublicUrls urls, CancellationToken cancellationToken)
    {
        var stamp = await stamps.CurrentAsync(cancellationToken);
        // The clock's month is part of the key: when a month ends, archive links change without a store change.
        var clockMonth = ArchiveMonth.Of(time.GetUtcNow());
        return await cache.GetOrRenderAsync(Key($"{query.CacheKey} {clockMonth}", sources, urls), stamp, async () =>
        {
            var archives = query.HasArchives ? await ArchivesAsync(query.Scope, sources, clockMonth, cancellationToken) : [];
            if (query.Archive is { } month && !archives.Contains(month))
                throw new ArchiveNotFoundException(query);
            var filter = query.ToFilter(sources.Sources);
            // One item more than a live page shows tells whether an older page exists.
            var items = query.Archive is null
                ? await store.QueryAsync(filter with { Limit = query.Limit + 1 }, cancellationToken)
                : await AllItemsAsync(filter, cancellationToken);
            var lastChange = await store.LastChangeAsync(filter, cancellationToken);
            var emptyUpdated = lastChange ?? await StoreChangedAsync(cancellationToken);
            var page = FeedPage.Compose(query, items, sources.Sources, urls, emptyUpdated, archives, staticSite);
            return Rendered.Of(Writer(query.Format, urls).Write(page), query.Format.MediaType(), lastChange);
        });
    }

    /// <summary>The months that have an archive document of <paramref name="scope"/>, newest first.</summary>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    public Task<IReadOnlyList<ArchiveMonth>> ArchivesAsync(FeedScope scope, PublishedSources sources, CancellationToken cancellationToken) =>
        ArchivesAsync(scope, sources, ArchiveMonth.Of(time.GetUtcNow()), cancellationToken);

    /// <summary>The OPML subscription list of every feed; its <c>dateCreated</c> is the store's last change (the export time for a static site).</summary>
    /// <exception cref="StorageException">The store cannot be read.</exception>
    public async Task<Rendered> RenderOpmlAsync(PublishedSources sources, PublicUrls urls, CancellationToken cancellationToken)
    {
        var stamp = await stamps.CurrentAsync(cancellationToken);
        return await cache.GetOrRenderAsync(Key("opml", sources, urls), stamp, async () =>
        {
            var changed = await StoreChangedAsync(cancellationToken);
            // A file is written now, and an empty store would otherwise date it 1970.
            var created = staticSite ? time.GetUtcNow() : changed;
            return Rendered.Of(new OpmlWriter(urls).Write(sources.Sources, created), FeedFormats.OpmlMediaType, changed);
        });
    }

    private async Task<IReadOnlyList<ArchiveMonth>> ArchivesAsync(
        FeedScope scope, PublishedSources sources, ArchiveMonth clockMonth, CancellationToken cancellationToken)
    {
        var newest = await store.QueryAsync(new ItemFilter { Limit = 1 }, cancellationToken);
        if (newest.Count == 0)
            return [];
        var newestMonth = ArchiveMonth.Of(newest[0].Published);
        var open = newestMonth < clockMonth ? newestMonth : clockMonth;
        // The scope's unfiltered read (the format plays no part in it), up to the open month.
        var filter = new FeedQuery(scope, FeedFormat.Atom).ToFilter(sources.Sources) with { Until = open.Start };
        var months = await store.MonthsAsync(filter, ArchiveMonth.Offset, cancellationToken);
        return months.Select(ArchiveMonth.Of).ToList();
    }

    /// <summary>Every item of a filter, newest first, read in the store's largest pages.</summary>
    private async Task<IReadOnlyList<Item>> AllItemsAsync(ItemFilter filter, CancellationToken cancellationToken)
    {
        var all = new List<Item>();
        while (true)
        {
            var page = await store.QueryAsync(filter with { Limit = ItemStore.MaxLimit }, cancellationToken);
            all.AddRange(page);
            if (page.Count < ItemStore.MaxLimit)
                return all;
            filter = filter with { Before = new ItemCursor(page[^1].Published, page[^1].Id) };
        }
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
