namespace FeedHub.Publishing;

/// <summary>
/// The path table of published feeds, identical under the server and in an export folder:
/// <c>/feeds/all.{ext}</c>, <c>/feeds/{sourceId}.{ext}</c>, <c>/feeds/region/{region}.{ext}</c>,
/// <c>/feeds/category/{category}.{ext}</c>, and <c>/opml</c>.
/// </summary>
public static class FeedPath
{
    public const string Opml = "/opml";
    private const string Root = "/feeds/";
    private const string AllName = "all";
    private const string RegionFolder = "region/";
    private const string CategoryFolder = "category/";

    /// <summary>The path of a feed; keys are percent-encoded so any category name yields one segment.</summary>
    public static string For(FeedScope scope, FeedFormat format) => Stem(scope) + "." + format.Extension();

    /// <summary>The path without its format extension, e.g. <c>/feeds/region/jawa-tengah</c>.</summary>
    internal static string Stem(FeedScope scope) => scope.Kind switch
    {
        FeedScopeKind.All => Root + AllName,
        FeedScopeKind.Source => Root + Uri.EscapeDataString(scope.Key),
        FeedScopeKind.Region => Root + RegionFolder + Uri.EscapeDataString(scope.Key),
        FeedScopeKind.Category => Root + CategoryFolder + Uri.EscapeDataString(scope.Key),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope.Kind, "Unknown feed scope."),
    };

    /// <summary>
    /// Reads a request path (without query) back into scope and format. Only the shape is checked:
    /// whether the source, region or category exists is the caller's question (a 404, not a 400).
    /// </summary>
    public static bool TryParse(string path, out FeedScope scope, out FeedFormat format)
    {
        scope = FeedScope.All;
        format = default;
        if (!path.StartsWith(Root, StringComparison.Ordinal))
            return false;
        var rest = path[Root.Length..];
        var dot = rest.LastIndexOf('.');
        if (dot <= 0 || FeedFormats.FromExtension(rest[(dot + 1)..]) is not { } parsedFormat)
            return false;
        var name = rest[..dot];

        FeedScope? parsed;
        if (name.StartsWith(RegionFolder, StringComparison.Ordinal))
            parsed = Segment(name[RegionFolder.Length..]) is { } region ? FeedScope.Region(region) : null;
        else if (name.StartsWith(CategoryFolder, StringComparison.Ordinal))
            parsed = Segment(name[CategoryFolder.Length..]) is { } category ? FeedScope.Category(category) : null;
        else if (name == AllName)
            parsed = FeedScope.All;
        else
            parsed = Segment(name) is { } source ? FeedScope.Source(source) : null;

        if (parsed is null)
            return false;
        scope = parsed;
        format = parsedFormat;
        return true;
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
