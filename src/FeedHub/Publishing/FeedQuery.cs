using System.Globalization;
using System.Text;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Publishing;

/// <summary>One validated feed request: what to cover, in which format, filtered and paged how.</summary>
/// <remarks>Built by <see cref="FeedQueryParser"/>, so every value here is already normalised.</remarks>
public sealed record FeedQuery(FeedScope Scope, FeedFormat Format)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The reader's search text (<c>q</c>), trimmed.</summary>
    public string? Text { get; init; }
    /// <summary>Source ids from <c>source</c>, distinct and sorted; empty when not filtered.</summary>
    public IReadOnlyList<string> SourceIds { get; init; } = [];
    public string? Category { get; init; }
    public DateTimeOffset? Since { get; init; }
    public int Limit { get; init; } = DefaultLimit;
    /// <summary>Start below this position (the <c>before</c> cursor); null for the newest page.</summary>
    public ItemCursor? Before { get; init; }
    /// <summary>
    /// The month of an RFC 5005 archive document: every item of the scope published in that WIB
    /// month, unfiltered and unpaged. Null for the live (subscription) feed.
    /// </summary>
    public ArchiveMonth? Archive { get; init; }

    /// <summary>
    /// Rendered for a static host (<c>feedhub export</c>): no <c>next</c> link, as a static host cannot
    /// answer its <c>before</c> query; the archives' <c>prev-archive</c> chain reaches the older items.
    /// </summary>
    public bool Static { get; init; }

    /// <summary>
    /// Whether this feed has archives: only the unfiltered feed of a scope does (paging and
    /// <c>limit</c> aside), as the archives hold every item of the scope.
    /// </summary>
    public bool HasArchives => Text is null && SourceIds.Count == 0 && Category is null && Since is null;

    /// <summary>The served path, live or archive, without query.</summary>
    public string Path => Archive is { } month ? FeedPath.For(Scope, Format, month) : FeedPath.For(Scope, Format);

    /// <summary>
    /// The filters and paging in canonical order (<c>?q=…&amp;source=…&amp;category=…&amp;since=…&amp;limit=…&amp;before=…</c>),
    /// defaults left out, or "" when there are none. Canonical so that equal requests get equal
    /// URLs, feed ids and cache keys whatever order the reader wrote them in.
    /// </summary>
    public string QueryString() => Build(includePaging: true);

    /// <summary>The key the render cache files this request under: its path (format, scope, archive month), filters and cursor.</summary>
    public string CacheKey => Path + QueryString() + (Static ? " static" : "");

    /// <summary>
    /// A stable id for the logical feed: a tag URI of the scope plus its filters, without paging, so
    /// every page of one feed (and its Atom, RSS and JSON forms) shares it.
    /// </summary>
    public string FeedId() => TagUri.ForFeed(Scope, Build(includePaging: false));

    /// <summary>The store read this request needs; a region becomes its sources' ids, an archive its month's bounds.</summary>
    /// <remarks>
    /// <see cref="ItemFilter.SourceIds"/> is null when no source narrows the read, and an empty list
    /// when the scope and the <c>source</c> filter have no source in common: nothing matches.
    /// </remarks>
    public ItemFilter ToFilter(IReadOnlyList<Source> sources)
    {
        IReadOnlyList<string>? scopeIds = Scope.Kind switch
        {
            FeedScopeKind.Source => [Scope.Key],
            FeedScopeKind.Region => sources.Where(s => s.Region == Scope.Key).Select(s => s.Id).Order(StringComparer.Ordinal).ToList(),
            _ => null,
        };
        IReadOnlyList<string>? ids = (scopeIds, SourceIds.Count) switch
        {
            (null, 0) => null,
            (null, _) => SourceIds,
            (_, 0) => scopeIds,
            _ => scopeIds.Intersect(SourceIds, StringComparer.Ordinal).ToList(),
        };
        return new ItemFilter
        {
            SourceIds = ids,
            Category = Scope.Kind == FeedScopeKind.Category ? Scope.Key : Category,
            Since = Archive?.Start ?? Since,
            Until = Archive?.End,
            Text = Text,
            Limit = Limit,
            Before = Before,
        };
    }

    private string Build(bool includePaging)
    {
        var parts = new List<string>();
        Add(parts, "q", Text);
        Add(parts, "source", SourceIds.Count == 0 ? null : string.Join(',', SourceIds));
        Add(parts, "category", Category);
        Add(parts, "since", Since?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        if (includePaging)
        {
            Add(parts, "limit", Limit == DefaultLimit ? null : Limit.ToString(CultureInfo.InvariantCulture));
            Add(parts, "before", Before is null ? null : PageCursor.Encode(Before));
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
            parts.Add(name + "=" + Uri.EscapeDataString(value));
    }
}
