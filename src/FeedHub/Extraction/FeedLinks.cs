using System.Net;

namespace FeedHub.Extraction;

/// <summary>URL and text helpers shared by the feed readers.</summary>
internal static class FeedLinks
{
    /// <summary>An entry link resolved against the feed URL, or null when it is not a web URL.</summary>
    public static Uri? Resolve(Uri feedUrl, string? href) => ArticleLinks.Resolve(feedUrl, href);

    /// <summary>
    /// The entry's URL: its link, else its id when that is a web URL, else the feed URL (id-only
    /// entries keep their identity through <see cref="ExtractedArticle.ExternalId"/>). Null when it has neither.
    /// </summary>
    public static Uri? EntryUrl(Uri feedUrl, Uri? link, string? id)
    {
        if (link is not null) return link;
        if (string.IsNullOrWhiteSpace(id)) return null;
        return Uri.TryCreate(id.Trim(), UriKind.Absolute, out var asUrl) && asUrl.Scheme is "http" or "https" ? asUrl : feedUrl;
    }

    /// <summary>Plain text as HTML, for <c>content_text</c> and <c>type="text"</c> content.</summary>
    public static string AsHtml(string text) => WebUtility.HtmlEncode(text);
}
