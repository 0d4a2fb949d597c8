using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>
/// Finds the element holding an article's main text by density: each paragraph credits its
/// container fully and the container's parent by half, link-heavy containers (menus, "Berita
/// Terkait" lists) are discounted, and the best-scoring container wins. No class names needed.
/// </summary>
internal static class BodyLocator
{
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "strong", "i", "em", "u", "span", "font", "small", "sup", "sub", "mark", "abbr", "br", "img",
    };

    public static IElement? Find(IDocument document, IElement? titleHeading)
    {
        if (document.Body is not { } root) return null;
        var scores = new Dictionary<IElement, double>();
        foreach (var element in root.Descendants<IElement>())
        {
            if (titleHeading is not null && (element == titleHeading || titleHeading.Contains(element))) continue;
            if (element.LocalName == "p")
            {
                Credit(element.ParentElement, PlainLength(element));
            }
            else if (Blocks.IsBlock(element) && element.LocalName is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6"))
            {
                Credit(element, OwnTextLength(element));
            }
        }
        return scores
            .Select(pair => (Element: pair.Key, Score: pair.Value * (1 - Blocks.LinkDensity(pair.Key))))
            .Where(candidate => candidate.Score > 0)
            .OrderByDescending(candidate => candidate.Score)
            .Select(candidate => candidate.Element)
            .FirstOrDefault();

        void Credit(IElement? container, int length)
        {
            if (container is null || length == 0) return;
            scores[container] = scores.GetValueOrDefault(container) + length;
            if (container.ParentElement is { } parent) scores[parent] = scores.GetValueOrDefault(parent) + length / 2.0;
        }
    }

    /// <summary>Text length outside links.</summary>
    private static int PlainLength(IElement paragraph) =>
        Math.Max(0, PageText.Of(paragraph).Length - paragraph.QuerySelectorAll("a").Sum(a => PageText.Of(a).Length));

    /// <summary>Length of the text a container holds itself (text nodes and inline children), as in <c>text&lt;br&gt;text</c> bodies.</summary>
    private static int OwnTextLength(IElement container) =>
        container.ChildNodes.Sum(node => node switch
        {
            IText text => PageText.Collapse(text.Data).Length,
            IElement { LocalName: not "a" } inline when Inline.Contains(inline.LocalName) => PageText.Of(inline).Length,
            _ => 0,
        });
}
