using AngleSharp.Dom;
using FeedHub.Normalisation;

namespace FeedHub.Extraction;

/// <summary>
/// Strips the article body down to what the operator wrote: no scripts, share blocks, counters,
/// related-news lists or category label, and no leading copy of the title or empty paragraphs.
/// Works in place on the body element.
/// </summary>
internal static class BodyCleaner
{
    private const int ShortBlock = 200;

    public static void Clean(IElement body, ArticleTitle title)
    {
        foreach (var furniture in body.QuerySelectorAll(Noise.Furniture + ", header, footer").ToList()) furniture.Remove();
        if (title.Heading is { } heading && body.Contains(heading)) RemoveUpTo(heading, body);
        RemoveShareBlocks(body);
        RemoveRelatedLists(body);
        RemoveCategoryLabels(body);
        RemoveCounters(body);
        RemoveLeadingRepeats(body, title.Text);
    }

    /// <summary>Removes the title heading and everything before it: label, featured image, date line.</summary>
    private static void RemoveUpTo(IElement heading, IElement body)
    {
        for (INode node = heading; node != body && node.Parent is { } parent; node = parent)
        {
            while (node.PreviousSibling is { } before) before.RemoveFromParent();
        }
        Blocks.RemoveWithEmptyAncestors(heading, body);
    }

    private static void RemoveShareBlocks(IElement body)
    {
        foreach (var anchor in body.QuerySelectorAll("a[href]").Where(Noise.IsShareLink).ToList())
        {
            if (!body.Contains(anchor)) continue;
            Blocks.RemoveWithEmptyAncestors(LargestShortAncestor(anchor, body), body);
        }
        foreach (var label in Blocks.LeavesOf(body).Where(e => Noise.IsShareLabel(PageText.Of(e)) && PageText.Of(e).Length <= ShortBlock).ToList())
            Blocks.RemoveWithEmptyAncestors(label, body);
    }

    /// <summary>"Berita Terkait"/"Baca Juga" headings inside the body, with the link list that follows them.</summary>
    private static void RemoveRelatedLists(IElement body)
    {
        var headings = body.Descendants<IElement>()
            .Where(e => e.Children.Length == 0 || Blocks.IsBlock(e))
            .Where(e => PageText.Of(e) is { Length: > 0 and <= ShortBlock } text && Noise.IsRelatedHeading(text))
            .ToList();
        foreach (var heading in headings.Where(body.Contains))
        {
            while (heading.NextElementSibling is { } list && Blocks.LinkDensity(list) >= 0.5) list.Remove();
            Blocks.RemoveWithEmptyAncestors(heading, body);
        }
    }

    private static void RemoveCategoryLabels(IElement body)
    {
        foreach (var anchor in body.QuerySelectorAll("a[href]").Where(Noise.IsCategoryLink).ToList())
        {
            var text = PageText.Of(anchor);
            var wrapper = anchor;
            while (wrapper.ParentElement is { } parent && parent != body && PageText.Of(parent) == text) wrapper = parent;
            if (wrapper == anchor && anchor.ParentElement is { } holder && holder != body && PageText.Of(holder).Length > text.Length) continue;
            Blocks.RemoveWithEmptyAncestors(wrapper, body);
        }
    }

    private static void RemoveCounters(IElement body)
    {
        foreach (var element in body.Descendants<IElement>().Where(IsCounterElement).ToList())
        {
            if (body.Contains(element)) Blocks.RemoveWithEmptyAncestors(element, body);
        }
        foreach (var text in body.ChildNodes.OfType<IText>().Where(t => Noise.IsCounter(PageText.Collapse(t.Data))).ToList())
            text.RemoveFromParent();
    }

    private static bool IsCounterElement(IElement element) =>
        element.LocalName is "span" or "small" or "div" or "p" or "i" or "b" or "strong" or "em" or "li" or "font"
        && Noise.IsCounter(PageText.Of(element));

    /// <summary>
    /// Drops leading empty paragraphs and a leading paragraph that repeats the title, also when a date and
    /// view-count line ("Rabu, 25 November 2026 · Dilihat 123 kali") stands before them; that line stays.
    /// </summary>
    private static void RemoveLeadingRepeats(IElement body, string title)
    {
        foreach (var leaf in Blocks.LeavesOf(body))
        {
            var text = PageText.Of(leaf);
            if (Blocks.IsEmpty(leaf) || string.Equals(text, title, StringComparison.OrdinalIgnoreCase)) Blocks.RemoveWithEmptyAncestors(leaf, body);
            else if (!MetaLine.Is(text)) break;
        }
    }

    /// <summary>The highest ancestor below the body whose whole text is still short: the share block around a sharer link.</summary>
    private static IElement LargestShortAncestor(IElement anchor, IElement body)
    {
        var block = anchor;
        while (block.ParentElement is { } parent && parent != body && PageText.Of(parent).Length <= ShortBlock
               && parent.QuerySelectorAll("p").All(p => Noise.IsShareLabel(PageText.Of(p)) || PageText.Of(p).Length < 40))
            block = parent;
        return block;
    }
}
