using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FeedHub.Sources;

namespace FeedHub.Extraction;

/// <summary>
/// Which hrefs are article links of one source: on the source's host and matching one of the
/// profile's article patterns. The markup around links is unknown, so URLs are the firm ground.
/// </summary>
internal sealed class ArticleLinks(Source source)
{
    /// <summary>The absolute URL an href points to from <paramref name="page"/>, or null when it is not a web URL.</summary>
    public static Uri? Resolve(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(page, href.Trim(), out var absolute)) return null;
        return absolute.Scheme is "http" or "https" ? absolute : null;
    }

    /// <summary>The base URL links on the page resolve against: <c>&lt;base href&gt;</c> when present.</summary>
    public static Uri BaseOf(IDocument document, Uri pageUrl) =>
        Resolve(pageUrl, document.QuerySelector("base[href]")?.GetAttribute("href")) ?? pageUrl;

    /// <summary>True when <paramref name="url"/> is an article of this source.</summary>
    public bool Matches(Uri url)
    {
        if (!string.Equals(url.Host, source.Url.Host, StringComparison.OrdinalIgnoreCase)) return false;
        var withoutQuery = url.GetLeftPart(UriPartial.Path);
        return source.Profile.ArticlePatterns.Any(pattern => Regex.IsMatch(withoutQuery, pattern, Profile.PatternOptions, Profile.PatternTimeout));
    }

    /// <summary>
    /// The key that makes the image link, title link and "Selengkapnya" link of one article equal:
    /// lowercase host, path without <c>/index.php</c> and trailing slash; scheme, query and fragment ignored.
    /// </summary>
    public static string GroupKey(Uri url)
    {
        var path = url.AbsolutePath;
        if (path.StartsWith("/index.php", StringComparison.OrdinalIgnoreCase)) path = path["/index.php".Length..];
        return url.Host.ToLowerInvariant() + path.TrimEnd('/');
    }

    /// <summary>The article's slug from its URL (the <c>slug</c> group of a pattern, else the last segment), or null.</summary>
    public string? SlugOf(Uri url)
    {
        var withoutQuery = url.GetLeftPart(UriPartial.Path);
        foreach (var pattern in source.Profile.ArticlePatterns)
        {
            var match = Regex.Match(withoutQuery, pattern, Profile.PatternOptions, Profile.PatternTimeout);
            if (match.Success && match.Groups["slug"] is { Success: true } slug)
                return slug.Value.Length > 0 ? slug.Value : null;
        }
        var last = url.Segments.LastOrDefault()?.Trim('/');
        return string.IsNullOrEmpty(last) ? null : Uri.UnescapeDataString(last);
    }
}
