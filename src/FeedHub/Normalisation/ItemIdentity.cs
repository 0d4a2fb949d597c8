using System.Text.RegularExpressions;
using FeedHub.Sources;

namespace FeedHub.Normalisation;

/// <summary>
/// What identifies an article within its source: the CMS's numeric id when the URL has one, and
/// always a slug, because the same article is linked both as <c>/blog/read/123_slug</c> and
/// <c>/blog/read/slug</c> and the crawler must map both to one item.
/// </summary>
/// <param name="NumericId">The CMS id, when the URL carries one.</param>
/// <param name="Slug">The lowercased URL slug, or a hash for feed entries.</param>
public sealed record ItemKey(string? NumericId, string Slug)
{
    /// <summary>The stored item id: <c>{sourceId}:{numericId}</c>, else <c>{sourceId}:{slug}</c>.</summary>
    public string IdIn(string sourceId) => $"{sourceId}:{NumericId ?? Slug}";
}

/// <summary>Derives <see cref="ItemKey"/>s from article URLs and feed entries.</summary>
public static class ItemIdentity
{
    /// <summary>
    /// The key of a canonical article URL, using the first of the profile's <paramref name="articlePatterns"/>
    /// that matches (named groups <c>id</c> and <c>slug</c>); null when none matches.
    /// </summary>
    public static ItemKey? FromArticleUrl(Uri canonicalUrl, IReadOnlyList<string> articlePatterns)
    {
        ArgumentNullException.ThrowIfNull(canonicalUrl);
        ArgumentNullException.ThrowIfNull(articlePatterns);
        foreach (var pattern in articlePatterns)
        {
            var match = Regex.Match(canonicalUrl.AbsoluteUri, pattern, Profile.PatternOptions, Profile.PatternTimeout);
            if (!match.Success)
                continue;
            var id = match.Groups["id"] is { Success: true, Length: > 0 } idGroup ? idGroup.Value : null;
            var slug = match.Groups["slug"].Success ? match.Groups["slug"].Value.ToLowerInvariant() : "";
            if (id is null && slug.Length == 0)
                continue;
            return new ItemKey(id, slug);
        }
        return null;
    }

    /// <summary>
    /// The key of an entry of an existing feed: a short stable hash of its guid/id, else its link,
    /// else its title and date (the order Miniflux uses), since feed entries carry no CMS id.
    /// </summary>
    public static ItemKey FromFeedEntry(string? externalId, Uri? link, string title, string? dateText)
    {
        var basis = !string.IsNullOrWhiteSpace(externalId) ? externalId.Trim()
            : link is not null ? link.AbsoluteUri
            : $"{title}\n{dateText}";
        return new ItemKey(null, Sha256Text.Hex(basis)[..16]);
    }
}
