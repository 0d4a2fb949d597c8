using FeedHub.Extraction;
using FeedHub.Sources;
using FeedHub.Storage;

namespace FeedHub.Normalisation;

/// <summary>What a crawl did to an item.</summary>
public enum ItemChange
{
    /// <summary>Not stored before.</summary>
    New,
    /// <summary>Stored before, and its content hash changed: a real edit, a new version.</summary>
    Updated,
    /// <summary>Stored before with the same content hash: nothing to write but the sighting.</summary>
    Unchanged,
    /// <summary>
    /// Stored before with the same title and text, but its link moved (a redesign's new URL form) or its
    /// category became known: rewritten silently, with no new version and no <c>Updated</c> time.
    /// </summary>
    Moved,
}

/// <summary>A clean item and how it relates to what the store already holds.</summary>
public sealed record NormalisedItem(Item Item, ItemChange Change);

/// <summary>Turns an extracted article into the clean <see cref="Item"/> every feed shows.</summary>
public static class ItemNormaliser
{
    /// <summary>Summaries are cut here, near the length feed readers show in a list.</summary>
    public const int SummaryLength = 280;

    /// <summary>
    /// The clean item for <paramref name="article"/>, compared with <paramref name="known"/> (its stored
    /// state, if any). <paramref name="seenAt"/> is the time of this crawl: the first-seen time of a new
    /// item, and the <c>Updated</c> time of an edited one. An unchanged or moved item keeps its stored published
    /// time, date source, first-seen and version, and has no <c>Updated</c>; an edited one keeps
    /// published and first-seen and gets the next version. The category is the one the page shows, else
    /// the stored one, else the name of the list the item was found on. <paramref name="neighbour"/> is the
    /// newer neighbour's date on the list (see <see cref="DateParseContext.Neighbour"/>). Content over
    /// <paramref name="maxContentBytes"/> is cut (see <see cref="ContentCap"/>).
    /// </summary>
    public static NormalisedItem Normalise(
        ExtractedArticle article, Source source, string itemId, DateTimeOffset seenAt, KnownItem? known, DateTimeOffset? neighbour = null,
        int maxContentBytes = ContentCap.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(source);
        var link = CanonicalUrl.Of(article.Url, source.Url).AbsoluteUri;
        var title = TextCleaner.Title(article.Title);
        var content = ContentCap.Apply(ContentSanitizer.Sanitize(article.ContentHtml, article.Url), maxContentBytes, link);
        var hash = ContentHash.Of(link, title, content);
        var category = NullIfEmpty(TextCleaner.Clean(article.CategoryLabel)) ?? known?.Category ?? NullIfEmpty(TextCleaner.Clean(article.ListCategory));

        var change = known is null ? ItemChange.New
            : !SameContent(known, hash, link, title, content) ? ItemChange.Updated
            : known.Link != link || known.Category != category ? ItemChange.Moved
            : ItemChange.Unchanged;
        var date = known is null
            ? PublishedDateResolver.Resolve(article.Dates, new DateParseContext(seenAt, source.TimeZone) { Neighbour = neighbour })
            : new ResolvedDate(TimeZoneInfo.ConvertTime(known.Published, source.TimeZone), known.DateSource);

        var item = new Item
        {
            Id = itemId,
            SourceId = source.Id,
            Link = link,
            Title = title,
            ContentHtml = content,
            Summary = SummaryOf(article, content),
            ImageUrl = ContentSanitizer.AbsoluteImageUrl(article.ImageUrl, article.Url) ?? FirstImage(content),
            Category = category,
            Author = NullIfEmpty(TextCleaner.Clean(article.Author)),
            Tags = TagsOf(article.Tags),
            Published = date.Published,
            DateSource = date.Source,
            FirstSeen = known?.FirstSeen ?? seenAt,
            ContentHash = hash,
            Version = change switch
            {
                ItemChange.New => 1,
                ItemChange.Updated => known!.Version + 1,
                _ => known!.Version,
            },
            Updated = change == ItemChange.Updated ? seenAt : null,
        };
        return new NormalisedItem(item, change);
    }

    /// <summary>
    /// Whether the stored item says what this one says: the same hash; or, under the same link, the stored
    /// content hashed by today's rules (an upgrade that learns a new volatile or meta line is no edit); or, under
    /// a moved link (a redesign), the same title and text. A new template may serve the same images from new
    /// paths; only a changed title or text is an edit there.
    /// </summary>
    private static bool SameContent(KnownItem known, string hash, string link, string title, string content) =>
        known.ContentHash == hash
        || (known.ContentHtml is { } stored && (known.Link == link
            ? known.Title is { } storedTitle && ContentHash.Of(link, storedTitle, stored) == hash
            : known.Title == title && ContentHash.TextOf(stored) == ContentHash.TextOf(content)));

    private static string SummaryOf(ExtractedArticle article, string sanitisedContent)
    {
        // A feed's own summary is HTML from elsewhere: sanitised first, so no script text leaks into it.
        var html = string.IsNullOrWhiteSpace(article.Summary)
            ? sanitisedContent
            : ContentSanitizer.Sanitize(article.Summary, article.Url);
        var lines = HtmlText.Lines(html).Split('\n').Where(line => !MetaLine.Is(TextCleaner.Collapse(line)));
        var text = TextCleaner.Clean(string.Join('\n', lines));
        return TextCleaner.Shorten(text, SummaryLength);
    }

    /// <summary>The first body image: the sanitiser has already made it absolute and resolved lazy sources.</summary>
    private static string? FirstImage(string sanitisedContent) => HtmlText.ImageSources(sanitisedContent).FirstOrDefault();

    /// <summary>Hashtags as tag names ("#TemanPemilih" → "TemanPemilih"), cleaned, without duplicates.</summary>
    private static IReadOnlyList<string> TagsOf(IReadOnlyList<string> tags) =>
        tags.Select(tag => TextCleaner.Clean(tag).TrimStart('#').Trim())
            .Where(tag => tag.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
