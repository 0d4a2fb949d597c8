namespace FeedHub.Fixtures;

/// <summary>
/// One article as the fixture knows it: the truth a test compares crawl results against.
/// Rendering details (markup, counters, repeated title, hashtags) are not part of it.
/// </summary>
public sealed record FixtureArticle
{
    /// <summary>The per-site CMS id, or null for the older slug-only items.</summary>
    public int? NumericId { get; init; }
    /// <summary>Made from the twice HTML-escaped title, as the CMS does (<c>"</c> becomes <c>amp-quot</c>).</summary>
    public required string Slug { get; init; }
    /// <summary>
    /// The path as the list links it: <c>/blog/read/8313_slug</c>, <c>/blog/read/slug</c>, sometimes with
    /// <c>/index.php</c>, rarely <c>/berita/baca/123/slug</c>. Every form serves the article.
    /// </summary>
    public required string Path { get; init; }
    /// <summary>The clean title: entities decoded, case as the operator typed it.</summary>
    public required string Title { get; init; }
    /// <summary>When the story really went up (WIB); orders the site. Not necessarily findable on the page.</summary>
    public required DateTimeOffset Published { get; init; }
    /// <summary>
    /// The date an extractor should settle on, or null when the page has no trustworthy date and
    /// first-seen is right. Noon WIB for dates shown without a time (compare the day); with the time for meta dates.
    /// </summary>
    public DateTimeOffset? ExpectedPublished { get; init; }
    /// <summary>"Meta", "BodyText" or "ListOrder" (the names of FeedHub's DateSource).</summary>
    public required string ExpectedDateSource { get; init; }
    /// <summary>How the body states the date.</summary>
    public required DateForm DateForm { get; init; }
    /// <summary>The featured image's absolute URL, or null when the article has none.</summary>
    public string? ImageUrl { get; init; }
    /// <summary>The category label the page shows above the title, or null when it shows none.</summary>
    public string? Category { get; init; }
    public required int CategoryId { get; init; }
    /// <summary>
    /// Body paragraphs as plain text separated by blank lines: the dated lead, text, captions and
    /// credits; without the repeated title, empty paragraphs, hashtags, share block or counters.
    /// </summary>
    public required string BodyText { get; init; }
    /// <summary>Hashtag lines ending the body ("#TemanPemilih"), without the '#'.</summary>
    public IReadOnlyList<string> Hashtags { get; init; } = [];
    /// <summary>1 when published, +1 on every edit.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The path's absolute URL on <paramref name="site"/>.</summary>
    public Uri UrlOn(FixtureSite site) => new(site.BaseUri, Path);
}
