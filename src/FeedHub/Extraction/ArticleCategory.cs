using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>
/// The category an article page shows: a short category link near the title (the "Sosialisasi"
/// badge), else the category step of a breadcrumb ("Beranda / Berita Terkini / …").
/// </summary>
internal static class ArticleCategory
{
    private const int LongestLabel = 40;
    private const int LongestTrail = 300;
    private const int MostTrailLinks = 3;
    private const int TrailDepth = 3;

    /// <summary>The category step of the page's breadcrumb; read before menus are stripped, since trails often sit in <c>nav</c>.</summary>
    public static string? FromBreadcrumb(IDocument document)
    {
        var marked = document.QuerySelectorAll("[class*='breadcrumb'], [id*='breadcrumb'], [aria-label*='breadcrumb'], [aria-label*='Breadcrumb']")
            .Select(trail => Label(trail.QuerySelectorAll("a[href]").Where(Noise.IsCategoryLink).LastOrDefault()))
            .FirstOrDefault(label => label is not null);
        return marked ?? document.QuerySelectorAll("a[href]")
            .Where(link => Noise.IsCategoryLink(link) && TrailAround(link) is not null)
            .Select(Label)
            .FirstOrDefault(label => label is not null);
    }

    /// <summary>The unmarked trail a category link stands in: its paragraph, or the list around its item.</summary>
    private static IElement? TrailAround(IElement link)
    {
        var block = link.ParentElement;
        for (var depth = 0; block is not null && depth < TrailDepth; depth++, block = block.ParentElement)
        {
            if (block.LocalName is "p" or "div" or "ol" or "ul" or "nav" && IsUnmarkedTrail(block)) return block;
        }
        return null;
    }

    /// <summary>A short category link inside the article block, outside the body text.</summary>
    public static string? FromBadge(IElement article) =>
        article.QuerySelectorAll("a[href]")
            .Where(Noise.IsCategoryLink)
            .Where(a => a.Closest("p") is not { } paragraph || PageText.Of(paragraph) == PageText.Of(a))
            .Select(Label)
            .FirstOrDefault(label => label is not null);

    /// <summary>
    /// A class-less trail: a short block whose two or three links start with the home page and name
    /// exactly one category. A menu links home and several categories.
    /// </summary>
    private static bool IsUnmarkedTrail(IElement block)
    {
        var links = block.QuerySelectorAll("a[href]");
        if (links.Length is < 2 or > MostTrailLinks || PageText.Of(block).Length > LongestTrail) return false;
        var home = links[0].GetAttribute("href")?.Trim();
        return home is "/" or "/index.php" or "/index.php/" && links.Count(Noise.IsCategoryLink) == 1;
    }

    private static string? Label(IElement? anchor) =>
        anchor is not null && PageText.Of(anchor) is { Length: > 0 and <= LongestLabel } text && !PageText.IsBlank(text) && !Noise.IsCounter(text) ? text : null;
}
