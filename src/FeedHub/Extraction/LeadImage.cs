using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>The article's lead image: og:image, else the first content image (featured image or first body image).</summary>
internal static partial class LeadImage
{
    private static readonly string[] LazyAttributes = ["data-src", "data-lazy-src", "data-original", "data-lazy"];

    /// <param name="document">The page, meta tags intact.</param>
    /// <param name="article">The element spanning title and body, where featured and body images sit.</param>
    public static string? Find(IDocument document, IElement? article)
    {
        if (document.QuerySelector("meta[property='og:image']")?.GetAttribute("content") is { } og && og.Trim().Length > 0)
            return og.Trim();
        return article?.QuerySelectorAll("img")
            .Where(img => !IsDecoration(img))
            .Select(SourceOf)
            .FirstOrDefault(src => src is not null);
    }

    /// <summary>The real image URL: the lazy-loading attribute when <c>src</c> is empty or a placeholder.</summary>
    private static string? SourceOf(IElement img)
    {
        var src = img.GetAttribute("src")?.Trim();
        var lazy = LazyAttributes.Select(img.GetAttribute).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (lazy is not null && (string.IsNullOrEmpty(src) || Placeholder().IsMatch(src))) return lazy;
        return string.IsNullOrEmpty(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? lazy : src;
    }

    /// <summary>Logos, icons, avatars and tiny images are decoration, not the article's picture.</summary>
    private static bool IsDecoration(IElement img)
    {
        var described = string.Join(' ', img.GetAttribute("src"), img.GetAttribute("alt"), img.GetAttribute("class"), img.GetAttribute("id"));
        if (Decoration().IsMatch(described)) return true;
        return int.TryParse(img.GetAttribute("width"), out var width) && width is > 0 and < 50;
    }

    [GeneratedRegex(@"^data:|placeholder|blank\.|lazy|loading|spacer|1x1|pixel\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"logo|icon|avatar|favicon|emoji|badge", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decoration();
}
