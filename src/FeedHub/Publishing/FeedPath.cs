namespace FeedHub.Publishing;

/// <summary>
/// The path table of published feeds, identical under the server and in an export folder:
/// <c>/feeds/all.{ext}</c>, <c>/feeds/{sourceId}.{ext}</c>, <c>/feeds/region/{region}.{ext}</c>,
/// <c>/feeds/category/{category}.{ext}</c>, each month's RFC 5005 archive of them under
/// <c>/feeds/archive/{yyyy-MM}/</c> (e.g. <c>/feeds/archive/2025-11/region/jawa-tengah.rss</c>),
/// and <c>/opml</c>. The one place that knows the shape of these paths.
/// </summary>
public static class FeedPath
{
    public const string Opml = "/opml";
    private const string Root = "/feeds/";
    private const string ArchiveFolder = "archive/";
    private const string AllName = "all";
    private const string RegionFolder = "region/";
    private const string CategoryFolder = "category/";

    /// <summary>The path of a live feed; keys are percent-encoded so any category name yields one segment.</summary>
    public static string For(FeedScope scope, FeedFormat format) => Stem(scope) + "." + format.Extension();

    /// <summary>The path of a feed's archive document for one month, e.g. <c>/feeds/archive/2025-11/all.atom</c>.</summary>
    public static string For(FeedScope scope, FeedFormat format, ArchiveMonth month) =>
        Root + ArchiveFolder + month + "/" + Name(scope) + "." + format.Extension();

    /// <summary>The live path without its format extension, e.g. <c>/feeds/region/jawa-tengah</c>.</summary>
    internal static string Stem(FeedScope scope) => Root + Name(scope);

    /// <summary>The scope's part of a path, below <c>/feeds/</c> or a month's archive folder.</summary>
    private static string Name(FeedScope scope) => scope.Kind switch
    {
        FeedScopeKind.All => AllName,
        FeedScopeKind.Source => Uri.EscapeDataString(scope.Key),
        FeedScopeKind.Region => RegionFolder + Uri.EscapeDataString(scope.Key),
        FeedScopeKind.Category => CategoryFolder + Uri.EscapeDataString(scope.Key),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope.Kind, "Unknown feed scope."),
    };

    /// <summary>Reads the path of a live feed (not an archive) back into scope and format; see the four-part overload.</summary>
    public static bool TryParse(string path, out FeedScope scope, out FeedFormat format) =>
        TryParse(path, out scope, out format, out var archive) && archive is null;

    /// <summary>
    /// Reads a request path (without query) back into scope, format and, for an archive document,
    /// its month (null for a live feed). Only the shape is checked: whether the source, region,
    /// category or month has items is the caller's question (a 404, not a 400).
    /// </summary>
    public static bool TryParse(string path, out FeedScope scope, out FeedFormat format, out ArchiveMonth? archive)
    {
        scope = FeedScope.All;
        format = default;
        archive = null;
        if (!path.StartsWith(Root, StringComparison.Ordinal))
            return false;
        var rest = path[Root.Length..];
        ArchiveMonth? month = null;
        if (rest.StartsWith(ArchiveFolder, StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', ArchiveFolder.Length);
            if (slash < 0 || !ArchiveMonth.TryParse(rest[ArchiveFolder.Length..slash], out var parsedMonth))
                return false;
            month = parsedMonth;
            rest = rest[(slash + 1)..];
        }
        var dot = rest.LastIndexOf('.');
        if (dot <= 0 || FeedFormats.FromExtension(rest[(dot + 1)..]) is not { } parsedFormat
            || ScopeOf(rest[..dot]) is not { } parsedScope)
            return false;
        scope = parsedScope;
        format = parsedFormat;
        archive = month;
        return true;
    }

    /// <summary>The scope a path's name part (without extension) names, or null.</summary>
    private static FeedScope? ScopeOf(string name)
    {
        if (name.StartsWith(RegionFolder, StringComparison.Ordinal))
            return Segment(name[RegionFolder.Length..]) is { } region ? FeedScope.Region(region) : null;
        if (name.StartsWith(CategoryFolder, StringComparison.Ordinal))
            return Segment(name[CategoryFolder.Length..]) is { } category ? FeedScope.Category(category) : null;
        if (name == AllName)
            return FeedScope.All;
        return Segment(name) is { } source ? FeedScope.Source(source) : null;
    }

    /// <summary>One decoded, non-blank path segment, or null.</summary>
    private static string? Segment(string raw)
    {
        if (raw.Length == 0 || raw.Contains('/'))
            return null;
        var decoded = Uri.UnescapeDataString(raw);
        return string.IsNullOrWhiteSpace(decoded) || decoded.Contains('/') ? null : decoded;
    }
}
