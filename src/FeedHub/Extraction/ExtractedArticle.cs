namespace FeedHub.Extraction;

/// <summary>Where a published date came from, in falling order of trust. Stored on every item.</summary>
public enum DateSource
{
    /// <summary>article:published_time, time[datetime], datePublished, or a feed's own date.</summary>
    Meta,
    /// <summary>A visible date element near the title (usually via the date selector).</summary>
    PageElement,
    /// <summary>created_at from the CMS JSON API.</summary>
    Api,
    /// <summary>A date typed into the first body paragraphs ("Blora, 8 Desember 2025 –").</summary>
    BodyText,
    /// <summary>When FeedHub first saw the item: the last resort.</summary>
    FirstSeen,
    /// <summary>
    /// Estimated from the item's place between dated neighbours on its list, for an undated item found
    /// on a source's first crawl or in backfill.
    /// </summary>
    ListOrder,
}

/// <summary>What a <see cref="DateSource"/> says about the trust a reader may put in the date.</summary>
public static class DateSourceFacts
{
    /// <summary>
    /// A date the site did not print (when FeedHub first saw the item, or its place in the list) is an estimate;
    /// every date read from the page, its metadata or the CMS is not.
    /// </summary>
    public static bool IsEstimated(this DateSource source) =>
        source is not (DateSource.Meta or DateSource.PageElement or DateSource.Api or DateSource.BodyText);

    /// <summary>The name feeds give an estimated date's basis: <c>first-seen</c> or <c>list-order</c>.</summary>
    public static string FeedName(this DateSource source) => source switch
    {
        DateSource.FirstSeen => "first-seen",
        DateSource.ListOrder => "list-order",
        DateSource.PageElement => "page-element",
        DateSource.BodyText => "body-text",
        _ => source.ToString().ToLowerInvariant(),
    };
}

/// <summary>A raw date found on a page, not yet parsed or checked for plausibility.</summary>
/// <param name="Source">Which kind of place it came from.</param>
/// <param name="Text">The text as found (an ISO string for meta, prose for body text).</param>
public sealed record DateCandidate(DateSource Source, string Text);

/// <summary>One entry of a list page: an article link in page order.</summary>
/// <param name="Url">Absolute article URL as linked (canonicalised later).</param>
/// <param name="Title">The entry's title text, when the list shows one.</param>
/// <param name="Excerpt">The entry's visible body text (may hold volatile noise such as a view counter);
/// the crawler fingerprints it to notice edits without refetching every article.</param>
public sealed record ListEntry(Uri Url, string? Title, string? Excerpt = null);

/// <summary>What an article page (or a feed entry) yields before normalisation.</summary>
public sealed record ExtractedArticle
{
    public required Uri Url { get; init; }
    public required string Title { get; init; }
    /// <summary>Body HTML with navigation, share blocks, counters, repeated title and scripts removed; not yet sanitised.</summary>
    public required string ContentHtml { get; init; }
    public string? Summary { get; init; }
    /// <summary>og:image or the first body image, possibly relative or lazy (resolved in normalisation).</summary>
    public string? ImageUrl { get; init; }
    /// <summary>The category the page itself shows (badge or breadcrumb).</summary>
    public string? CategoryLabel { get; init; }
    /// <summary>The name of the category list the crawler found the article on: the category when the page shows none.</summary>
    public string? ListCategory { get; init; }
    public string? Author { get; init; }
    /// <summary>Dates found, highest priority first.</summary>
    public IReadOnlyList<DateCandidate> Dates { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>A feed entry's own id (guid/atom id), for feed sources.</summary>
    public string? ExternalId { get; init; }
    /// <summary>A feed entry's updated time, when the feed gives one.</summary>
    public string? UpdatedText { get; init; }
}

/// <summary>The page answered, but not with what a working site shows: a template change or maintenance page.</summary>
public sealed class ExtractionException(string message) : Exception(message);
