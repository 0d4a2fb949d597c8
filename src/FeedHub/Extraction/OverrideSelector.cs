using AngleSharp.Dom;

namespace FeedHub.Extraction;

/// <summary>Runs a configured override selector, turning a malformed one into an error that names it.</summary>
internal static class OverrideSelector
{
    public static IReadOnlyList<IElement> All(IParentNode root, string selector, string field, Uri url)
    {
        try
        {
            return root.QuerySelectorAll(selector).ToList();
        }
        catch (DomException e)
        {
            throw new ExtractionException($"{url}: selector {field} '{selector}' is not valid CSS ({e.Message})");
        }
    }

    public static IElement? First(IParentNode root, string selector, string field, Uri url) =>
        All(root, selector, field, url).FirstOrDefault();
}
