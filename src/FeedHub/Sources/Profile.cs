namespace FeedHub.Sources;

/// <summary>A named extraction template that many sites share (the KPU regional CMS is one).</summary>
public sealed record Profile
{
    public required string Name { get; init; }
    /// <summary>List page path; <c>{category}</c> is replaced by the category id. Paging adds <c>?page=N</c>.</summary>
    public string ListPath { get; init; } = "/index.php/blog/category/{category}";
    /// <summary>Regular expressions (case-insensitive) an absolute article URL must match.</summary>
    public IReadOnlyList<string> ArticlePatterns { get; init; } = DefaultArticlePatterns;
    public Selectors Selectors { get; init; } = Selectors.None;
    /// <summary>Site name suffixes stripped from <c>&lt;title&gt;</c>, e.g. " - KPU Kabupaten Blora".</summary>
    public string TitleSeparatorPattern { get; init; } = @"\s+[-|–—]\s+KPU\b.*$";
    /// <summary>CSS selectors of page parts (ad blocks, share blocks) dropped from article pages before extraction.</summary>
    public IReadOnlyList<string> Remove { get; init; } = [];

    public static readonly IReadOnlyList<string> DefaultArticlePatterns =
    [
        @"^https?://[^/?#]+/(?:index\.php/)?blog/read/(?:(?<id>\d+)_)?(?<slug>[a-z0-9-]+)/?$",
        @"^https?://[^/?#]+/(?:index\.php/)?berita/baca/(?<id>\d+)/(?<slug>[^/?#]*)/?$",
    ];
}
