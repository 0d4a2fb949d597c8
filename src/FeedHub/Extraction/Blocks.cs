using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>Paragraph-level structure of a body: the "lines" an operator typed, whatever the markup.</summary>
internal static class Blocks
{
    private static readonly HashSet<string> BlockNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote", "pre", "table", "tbody", "tr", "td", "th",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "dl", "dt", "dd", "center",
    };

    private const string Media = "img, picture, video, audio, iframe, object, embed, table";

    public static bool IsBlock(IElement element) => BlockNames.Contains(element.LocalName);

    /// <summary>Block elements holding no other block, in document order: one per visible line or paragraph.</summary>
    public static IReadOnlyList<IElement> LeavesOf(IElement root) =>
        root.Descendants<IElement>().Where(e => IsBlock(e) && !e.Descendants<IElement>().Any(IsBlock)).ToList();

    /// <summary>True when the element shows nothing: no letters or digits and no media.</summary>
    public static bool IsEmpty(IElement element) =>
        PageText.IsBlank(PageText.Of(element)) && !element.Matches(Media) && element.QuerySelector(Media) is null;

    /// <summary>Removes the element, then any ancestor (below <paramref name="root"/>) it leaves empty.</summary>
    public static void RemoveWithEmptyAncestors(IElement element, IElement root)
    {
        var parent = element.ParentElement;
        element.Remove();
        while (parent is not null && parent != root && IsEmpty(parent))
        {
            var next = parent.ParentElement;
            parent.Remove();
            parent = next;
        }
    }

    /// <summary>The lowest element containing both elements.</summary>
    public static IElement CommonAncestor(IElement first, IElement second)
    {
        var ancestor = first;
        while (!ancestor.Contains(second) && ancestor.ParentElement is { } parent) ancestor = parent;
        return ancestor;
    }

    /// <summary>Share of the element's text that sits inside links (0..1): menus and link lists score high.</summary>
    public static double LinkDensity(IElement element)
    {
        var length = PageText.Of(element).Length;
        if (length == 0) return 0;
        var linked = element.QuerySelectorAll("a").Sum(a => PageText.Of(a).Length);
        return Math.Min(1, (double)linked / length);
    }
}
