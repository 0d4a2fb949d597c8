using System.Text;

namespace FeedHub.Normalisation;

/// <summary>
/// The fingerprint of what a reader sees in an item. It changes on a real edit (title, text, images)
/// and never on volatile parts (docs/kpu-sites.md §6), so an unchanged hash never bumps <c>updated</c>.
/// </summary>
public static class ContentHash
{
    /// <summary>
    /// Hex SHA-256 over the canonical URL, the title, the body's text (block per line, volatile parts
    /// removed, whitespace collapsed, case kept) and the body's image URLs without cache-busters. Link
    /// targets are left out: share and read-more links carry volatile query strings, and a real link
    /// edit changes the text too.
    /// </summary>
    public static string Of(string canonicalUrl, string title, string sanitisedHtml)
    {
        ArgumentNullException.ThrowIfNull(canonicalUrl);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(sanitisedHtml);
        var basis = new StringBuilder(sanitisedHtml.Length);
        basis.Append(canonicalUrl).Append('\n')
            .Append(TextCleaner.Collapse(title)).Append('\n')
            .Append(TextOf(sanitisedHtml));
        foreach (var image in HtmlText.ImageSources(sanitisedHtml))
            basis.Append('\n').Append(VolatileText.StripQuery(image));
        return Sha256Text.Hex(basis.ToString());
    }

    /// <summary>The body's text as the hash sees it: a line per block, volatile parts and meta lines removed.</summary>
    public static string TextOf(string sanitisedHtml) => VolatileText.Strip(HtmlText.Lines(sanitisedHtml));

}
