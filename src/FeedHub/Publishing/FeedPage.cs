using System.Globalization;
using FeedHub.Normalisation;
using FeedHub.Sources;

namespace FeedHub.Publishing;

/// <summary>The source facts an entry shows: attribution, category and the source's own feed.</summary>
public sealed record FeedSource(string Id, string Name, string Region, Uri Site)
{
    public static FeedSource From(Source source) => new(source.Id, source.Name, source.Region, source.Url);
}

/// <summary>One item as published, with the source it came from.</summary>
public sealed record FeedEntry(Item Item, FeedSource Source)
{
    /// <summary>The entry's last change: its real edit time, else its publication time.</summary>
    public DateTimeOffset Updated => Item.Updated ?? Item.Published;
}

/// <summary>
/// One page of one feed, format-neutral and complete: every writer renders exactly this, so the
/// Atom, RSS and JSON forms of a page agree.
/// </summary>
/// <remarks>
/// Paging follows RFC 5005 section 3 (paged feeds): <see cref="Next"/> points to the next older page
/// through the <c>before</c> cursor, on every page but the last, so a reader can walk the whole
/// history. Section 4 archives (<c>prev-archive</c>) are deliberately not offered: an archive
/// document must never change, and cursor pages do change when backfill adds older items or an
/// item is edited, so claiming them as archives would tell readers to cache stale pages forever.
/// </remarks>
public sealed record FeedPage
{
    /// <summary>Stable feed id (a tag URI), equal for every page and format of the logical feed.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>The canonical URL of this very page (filters and cursor in canonical order).</summary>
    public required Uri Self { get; init; }
    /// <summary>The HTML page the feed mirrors: the source's site, or the dashboard.</summary>
    public required Uri Alternate { get; init; }
    /// <summary>The next older page, or null on the last page.</summary>
    public Uri? Next { get; init; }
    /// <summary>Newest change among the entries (or the caller's fallback for an empty page).</summary>
    public required DateTimeOffset Updated { get; init; }
    public required IReadOnlyList<FeedEntry> Entries { get; init; }

    /// <summary>
    /// Builds the page for <paramref name="query"/> from the store's answer. Read
    /// <c>query.Limit + 1</c> items: the extra one only tells that an older page exists.
    /// Items of sources no longer configured are left out.
    /// </summary>
    /// <param name="emptyUpdated">The <see cref="Updated"/> of a page without entries (e.g. the store's last change).</param>
    public static FeedPage Compose(
        FeedQuery query, IReadOnlyList<Item> items, IReadOnlyList<Source> sources, PublicUrls urls, DateTimeOffset emptyUpdated)
    {
        var bySource = sources.ToDictionary(s => s.Id, FeedSource.From, StringComparer.Ordinal);
        var pageItems = items.Take(query.Limit).ToList();
        var entries = pageItems
            .Where(i => bySource.ContainsKey(i.SourceId))
            .Select(i => new FeedEntry(i, bySource[i.SourceId]))
            .ToList();
        var next = items.Count > query.Limit
            ? urls.Feed(query.Scope, query.Format, (query with { Before = new(pageItems[^1].Published, pageItems[^1].Id) }).QueryString())
            : null;
        var title = TitleOf(query, bySource);
        return new FeedPage
        {
            Id = query.FeedId(),
            Title = title,
            Description = $"{title}: berita situs KPU, dikumpulkan oleh {Generator.Name}.",
            Self = urls.Feed(query.Scope, query.Format, query.QueryString()),
            Alternate = query.Scope.Kind == FeedScopeKind.Source && bySource.TryGetValue(query.Scope.Key, out var own) ? own.Site : urls.Base,
            Next = next,
            Updated = entries.Count == 0 ? emptyUpdated : entries.Max(e => e.Updated),
            Entries = entries,
        };
    }

    /// <summary>The readable name of a region slug: <c>jawa-tengah</c> → <c>Jawa Tengah</c>.</summary>
    public static string RegionName(string slug) =>
        string.Join(' ', slug.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));

    /// <summary>The title of a feed scope before any filter, e.g. <c>FeedHub: wilayah Jawa Tengah</c> or a source's name.</summary>
    /// <param name="sourceName">The name of the scope's source, when the scope is one source.</param>
    public static string ScopeTitle(FeedScope scope, string? sourceName) => scope.Kind switch
    {
        FeedScopeKind.Source => sourceName ?? scope.Key,
        FeedScopeKind.Region => $"{Generator.Name}: wilayah {RegionName(scope.Key)}",
        FeedScopeKind.Category => $"{Generator.Name}: kategori {scope.Key}",
        _ => $"{Generator.Name}: semua sumber",
    };

    private static string TitleOf(FeedQuery query, Dictionary<string, FeedSource> sources)
    {
        var scope = query.Scope;
        var title = ScopeTitle(scope, scope.Kind == FeedScopeKind.Source ? sources.GetValueOrDefault(scope.Key)?.Name : null);
        return query.Text is null ? title : $"{title} (pencarian: {query.Text})";
    }
}
