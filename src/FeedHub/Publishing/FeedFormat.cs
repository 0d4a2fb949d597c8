namespace FeedHub.Publishing;

/// <summary>The syndication formats every feed path is served in.</summary>
public enum FeedFormat
{
    Atom,
    Rss,
    Json,
}

/// <summary>Media types and path extensions of the published documents.</summary>
public static class FeedFormats
{
    /// <summary>Media type of the subscription list; OPML has no registered type, this is the one readers expect.</summary>
    public const string OpmlMediaType = "text/x-opml";

    /// <summary>The registered media type, so readers sniff nothing.</summary>
    public static string MediaType(this FeedFormat format) => format switch
    {
        FeedFormat.Atom => "application/atom+xml",
        FeedFormat.Rss => "application/rss+xml",
        FeedFormat.Json => "application/feed+json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };

    /// <summary>The format's name as readers know it, e.g. <c>JSON Feed</c>.</summary>
    public static string Label(this FeedFormat format) => format switch
    {
        FeedFormat.Atom => "Atom",
        FeedFormat.Rss => "RSS",
        FeedFormat.Json => "JSON Feed",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };

    /// <summary>The path extension without its dot, e.g. <c>atom</c>.</summary>
    public static string Extension(this FeedFormat format) => format switch
    {
        FeedFormat.Atom => "atom",
        FeedFormat.Rss => "rss",
        FeedFormat.Json => "json",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };

    /// <summary>The format whose extension is <paramref name="extension"/> (no dot, case-sensitive), if any.</summary>
    public static FeedFormat? FromExtension(string extension) => extension switch
    {
        "atom" => FeedFormat.Atom,
        "rss" => FeedFormat.Rss,
        "json" => FeedFormat.Json,
        _ => null,
    };
}
