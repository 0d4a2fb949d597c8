using System.Net;
using System.Text.RegularExpressions;

namespace FeedHub.Normalisation;

/// <summary>
/// The visible text of sanitised HTML, one line per block, for summaries and hashing. A regex pass is
/// enough here: sanitised markup has no scripts, comments or CDATA, and it is much cheaper than a DOM.
/// </summary>
internal static partial class HtmlText
{
    /// <summary>Text of <paramref name="html"/> with a line break at every block boundary, entities decoded.</summary>
    public static string Lines(string html)
    {
        var broken = BlockBoundary().Replace(html, "\n");
        return WebUtility.HtmlDecode(Tag().Replace(broken, ""));
    }

    /// <summary>The image sources in <paramref name="html"/>, in order, entities decoded.</summary>
    public static IEnumerable<string> ImageSources(string html) =>
        ImageSource().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups["src"].Value));

    [GeneratedRegex(@"<img\b[^>]*?\bsrc=""(?<src>[^""]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"<(?:br|hr|/?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|table|figure|figcaption|pre))\b[^>]*>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
