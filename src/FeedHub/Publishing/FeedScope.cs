namespace FeedHub.Publishing;

public enum FeedScopeKind
{
    /// <summary>Every source combined.</summary>
    All,
    /// <summary>One source, keyed by its id (e.g. <c>kab-blora</c>).</summary>
    Source,
    /// <summary>Every source of one region, keyed by its slug (e.g. <c>jawa-tengah</c>).</summary>
    Region,
    /// <summary>Items of one category, keyed by the category name.</summary>
    Category,
}

/// <summary>Which items a feed path covers, before any query filter narrows it.</summary>
/// <param name="Key">Source id, region slug or category name; empty for <see cref="FeedScopeKind.All"/>.</param>
public sealed record FeedScope(FeedScopeKind Kind, string Key)
{
    public static readonly FeedScope All = new(FeedScopeKind.All, "");

    public static FeedScope Source(string sourceId) => new(FeedScopeKind.Source, Required(sourceId, nameof(sourceId)));

    public static FeedScope Region(string slug) => new(FeedScopeKind.Region, Required(slug, nameof(slug)));

    public static FeedScope Category(string name) => new(FeedScopeKind.Category, Required(name, nameof(name)));

    /// <summary>A compact, unambiguous form (<c>all</c>, <c>source:kab-blora</c>…) for keys and ids.</summary>
    public override string ToString() => Kind == FeedScopeKind.All ? "all" : $"{Kind.ToString().ToLowerInvariant()}:{Key}";

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A feed scope needs a non-empty key.", name) : value;
}
