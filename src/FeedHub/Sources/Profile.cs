using System.Text.RegularExpressions;

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

    /// <summary>
    /// How profile patterns (<see cref="ArticlePatterns"/>, <see cref="TitleSeparatorPattern"/>) are matched.
    /// A sane pattern needs microseconds on a URL or title; a catastrophic one (<c>(a+)+$</c>) would run for
    /// ever, so the timeout ends it and costs only the page or URL it met (see <c>feedhub check</c>'s probe).
    /// </summary>
    public const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <inheritdoc cref="PatternOptions"/>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>What a profile pattern's timeout says on a page's or URL's error.</summary>
    public static string TimedOut(RegexMatchTimeoutException e) =>
        $"the profile pattern \"{e.Pattern}\" took over {e.MatchTimeout.TotalMilliseconds:0} ms on \"{Shortened(e.Input)}\" and was stopped; fix the pattern in feeds.json";

    private static string Shortened(string input) => input.Length <= 120 ? input : input[..120] + "…";

    public static readonly IReadOnlyList<string> DefaultArticlePatterns =
    [
        @"^https?://[^/?#]+/(?:index\.php/)?blog/read/(?:(?<id>\d+)_)?(?<slug>[a-z0-9-]+)/?$",
        @"^https?://[^/?#]+/(?:index\.php/)?berita/baca/(?<id>\d+)/(?<slug>[^/?#]*)/?$",
    ];
}
