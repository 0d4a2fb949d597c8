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
/// history. Archives follow section 4 (archived feeds): one archive document per past WIB month
/// that holds items (<see cref="ArchiveMonth"/>); the live feed links the newest with
/// <see cref="PrevArchive"/>, each archive links the live feed (<see cref="Current"/>) and its older
/// and newer neighbours. Cursor pages are not archives: they shift whenever items arrive.
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
    /// <summary>What <see cref="Alternate"/> is: a web page, or in a static export the OPML list (it holds no dashboard).</summary>
    public string AlternateMediaType { get; init; } = "text/html";
    /// <summary>The next older page, or null on the last page and on archive documents.</summary>
    public Uri? Next { get; init; }
    /// <summary>The live (subscription) feed, on an archive document; null on the live feed itself.</summary>
    public Uri? Current { get; init; }
    /// <summary>The next older archive: the newest one on the live feed; null when there is none.</summary>
    public Uri? PrevArchive { get; init; }
    /// <summary>The next newer archive, on an archive document that is not the newest; else null.</summary>
    public Uri? NextArchive { get; init; }
    /// <summary>Whether this is an archive document (RFC 5005 <c>fh:archive</c>): it always links <see cref="Current"/>.</summary>
    public bool IsArchive => Current is not null;
    /// <summary>Newest change among the entries (or the caller's fallback for an empty page).</summary>
    public required DateTimeOffset Updated { get; init; }
    public required IReadOnlyList<FeedEntry> Entries { get; init; }

    /// <summary>
    /// Builds the page for <paramref name="query"/> from the store's answer. For a live feed read
    /// <c>query.Limit + 1</c> items: the extra one only tells that an older page exists; for an
    /// archive document read every item of its month. Items of sources no longer configured are left out.
    /// </summary>
    /// <param name="emptyUpdated">The <see cref="Updated"/> of a page without entries (e.g. the store's last change).</param>
    /// <param name="archives">The months that have an archive document of this scope, in any order; null for none.</param>
    /// <param name="staticSite">
    /// For `feedhub export`: no <c>next</c> link (its <c>?before=</c> query cannot be served from files; the archives
    /// hold the history) and, where the live feed links the dashboard, a link to the exported OPML list instead.
    /// </param>
    public static FeedPage Compose(
        FeedQuery query, IReadOnlyList<Item> items, IReadOnlyList<Source> sources, PublicUrls urls, DateTimeOffset emptyUpdated,
        IReadOnlyList<ArchiveMonth>? archives = null, bool staticSite = false)
    {
        archives ??= [];
        var bySource = sources.ToDictionary(s => s.Id, FeedSource.From, StringComparer.Ordinal);
        var pageItems = query.Archive is null ? items.Take(query.Limit).ToList() : items;
        var entries = pageItems
            .Where(i => bySource.ContainsKey(i.SourceId))
            .Select(i => new FeedEntry(i, bySource[i.SourceId]))
            .ToList();
        var next = !staticSite && query.Archive is null && items.Count > query.Limit
            ? urls.Page(query with { Before = new(pageItems[^1].Published, pageItems[^1].Id) })
            : null;
        // The live feed's prev-archive is the newest archive; an archive's neighbours are the nearest months either side.
        var older = archives.Where(m => query.Archive is null || m < query.Archive).Select(m => (ArchiveMonth?)m).Max();
        var newer = archives.Where(m => m > query.Archive).Select(m => (ArchiveMonth?)m).Min();
        return new FeedPage
        {
            Id = query.FeedId(),
            Title = TitleOf(query, bySource),
            Description = DescriptionOf(query.Scope, bySource),
            Self = urls.Page(query),
            Alternate = query.Scope.Kind == FeedScopeKind.Source && bySource.TryGetValue(query.Scope.Key, out var own) ? own.Site
                : staticSite ? urls.Opml : urls.Base,
            AlternateMediaType = query.Scope.Kind != FeedScopeKind.Source && staticSite ? FeedFormats.OpmlMediaType : "text/html",
            Next = next,
            Current = query.Archive is null ? null : urls.Feed(query.Scope, query.Format),
            PrevArchive = Archive(query, urls, older),
            NextArchive = Archive(query, urls, newer),
            Updated = entries.Count == 0 ? emptyUpdated : entries.Max(e => e.Updated),
            Entries = entries,
        };
    }

    /// <summary>The archive document of <paramref name="month"/>, if any, for a feed that has archives.</summary>
    private static Uri? Archive(FeedQuery query, PublicUrls urls, ArchiveMonth? month) =>
        month is { } m && query.HasArchives ? urls.Archive(query.Scope, query.Format, m) : null;

    /// <summary>The readable name of a region slug: <c>jawa-tengah</c> → <c>Jawa Tengah</c>.</summary>
    public static string RegionName(string slug) =>
        string.Join(' ', slug.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));

    /// <summary>
    /// The title of a feed scope before any filter, e.g. <c>Wilayah Jawa Tengah — FeedHub</c>; a source's feed
    /// is titled by the source's own name. Says each thing once: what the feed holds, then who made it.
    /// </summary>
    /// <param name="sourceName">The name of the scope's source, when the scope is one source.</param>
    public static string ScopeTitle(FeedScope scope, string? sourceName) => Titled(scope, sourceName, qualifier: null);

    private static string Titled(FeedScope scope, string? sourceName, string? qualifier)
    {
        var what = scope.Kind switch
        {
            FeedScopeKind.Source => sourceName ?? scope.Key,
            FeedScopeKind.Region => $"Wilayah {RegionName(scope.Key)}",
            FeedScopeKind.Category => $"Kategori {scope.Key}",
            _ => "Semua sumber",
        };
        if (qualifier is not null) what = $"{what} ({qualifier})";
        return scope.Kind == FeedScopeKind.Source ? what : $"{what} — {Generator.Name}";
    }

    private static string TitleOf(FeedQuery query, Dictionary<string, FeedSource> sources)
    {
        var scope = query.Scope;
        var name = scope.Kind == FeedScopeKind.Source ? sources.GetValueOrDefault(scope.Key)?.Name : null;
        var qualifier = query.Archive is { } month ? $"arsip {month}" : query.Text is null ? null : $"pencarian: {query.Text}";
        return Titled(scope, name, qualifier);
    }

    /// <summary>What the feed gathers and from where, without repeating the title.</summary>
    private static string DescriptionOf(FeedScope scope, Dictionary<string, FeedSource> sources) =>
        scope.Kind == FeedScopeKind.Source && sources.TryGetValue(scope.Key, out var source)
            ? $"Berita dari {source.Site.Host}, dikumpulkan oleh {Generator.Name}."
            : $"Berita situs-situs KPU daerah, dikumpulkan oleh {Generator.Name}.";
}
